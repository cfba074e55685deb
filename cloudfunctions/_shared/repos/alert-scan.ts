import type { ActivityDoc, ActivityRecord } from './activities';
import type { AttendanceDoc } from './attendance';
import { collection } from './db';
import type { MemberDoc } from './members';
import type { OrgDoc } from './orgs';
import { joinedOn, joinPerOrg } from './per-org';

/**
 * The scheduler's scan of the whole tree (its daily alerts and reminders): every org, and each
 * kind of fact for all of them at once — one aggregation per kind (per 1,000 orgs), never one
 * read per branch. Reads the collections that repos/orgs.ts, members.ts, activities.ts and
 * attendance.ts own; writes nothing.
 */
const orgs = collection<OrgDoc>('orgs');

/** Every org, by id (a tree of a few hundred orgs pages through in a few reads). */
export const everyOrg = (): Promise<OrgDoc[]> =>
  orgs.all(orgs.ref().where({}).orderBy('_id', 'asc'), 10_000);

/**
 * The current roster of each org (transferred members left out [PRIV-20]), by name, as
 * `listOrgMembers` gives it for one org.
 */
export const rostersOf = (orgIds: readonly string[]): Promise<Map<string, MemberDoc[]>> =>
  joinPerOrg<MemberDoc>(orgIds, 'members', [
    { $match: { transfer: { $eq: null } } },
    { $sort: { name: 1 } },
  ]);

/** What the scan reads of a theme day: what counting it and its absences need, not its record. */
export type ThemeDayFact = Pick<
  ActivityDoc,
  | '_id'
  | 'orgId'
  | 'type'
  | 'status'
  | 'title'
  | 'agenda'
  | 'hostId'
  | 'lateRegistration'
  | 'startAt'
> & {
  record?: Pick<ActivityRecord, 'minutes'> | null;
  /** Its attendance records, by `_id` (as `attendanceOfMany` orders them). */
  attendance: Pick<AttendanceDoc, '_id' | 'memberId' | 'status'>[];
};

/**
 * Each org's theme days starting in [from, to), by start, with their attendance (one nested
 * lookup, as the 堡垒指数 view reads a branch year): the facts of TD-01 and of TD-22/TD-23.
 */
export const themeDaysOf = (
  orgIds: readonly string[],
  from: Date,
  to: Date,
): Promise<Map<string, ThemeDayFact[]>> =>
  joinPerOrg<ThemeDayFact>(orgIds, 'activities', [
    { $match: { type: 'themeDay', startAt: { $gte: from, $lt: to } } },
    { $sort: { startAt: 1 } },
    {
      $project: {
        orgId: 1,
        type: 1,
        status: 1,
        title: 1,
        agenda: 1,
        hostId: 1,
        lateRegistration: 1,
        startAt: 1,
        'record.minutes': 1,
      },
    },
    {
      $lookup: {
        from: 'attendance',
        let: { activityId: '$_id' },
        pipeline: [
          joinedOn('activityId', 'activityId'),
          { $sort: { _id: 1 } },
          { $project: { memberId: 1, status: 1 } },
        ],
        as: 'attendance',
      },
    },
  ]);
