import { activityContract } from '../../contracts/activity';
import type { ActivityOutput, ActivitySummary } from '../../contracts/activity';
import { checkinWindow, countStatuses } from '../../domain/activity/attendance';
import { expectedOf } from '../../domain/activity/participants';
import { ActivityDoc, activitiesWithMine } from '../../repos/activities';
import { listOrgMembers } from '../../repos/members';
import { action } from '../../runtime/handler';
import { loadActivity, mayRun } from './support';

const DAY = 86400_000;

function summary(a: ActivityDoc): ActivitySummary {
  return {
    id: a._id,
    orgId: a.orgId,
    type: a.type,
    title: a.title,
    startAt: new Date(a.startAt).toISOString(),
    endAt: new Date(a.endAt).toISOString(),
    place: a.place,
    onlineUrl: a.onlineUrl,
    allowRemote: a.allowRemote,
    agenda: a.agenda,
    status: a.status,
    lateRegistration: a.lateRegistration,
  };
}

/**
 * A branch's activities with the caller's own state of each: the caller, the branch and one
 * aggregation — three database requests, whatever the number of activities.
 */
export const list = action({
  input: activityContract.list.input,
  async run(ctx, input): Promise<ActivityOutput<'list'>> {
    const org = await ctx.require('org.read', input.orgId);
    const { member } = await ctx.caller();
    const from = input.from ? new Date(input.from) : new Date(+ctx.now - 400 * DAY);
    const to = input.to ? new Date(input.to) : new Date(+ctx.now + 400 * DAY);
    const rows = await activitiesWithMine(org._id, from, to, member._id, input.type);
    return rows.map(({ activity, mine }) => ({
      ...summary(activity),
      myStatus: mine?.status ?? null,
    }));
  },
});

/**
 * One activity as its page shows it: the caller's own state and leave, the counts over those
 * expected, the record. Three database requests: the caller, the activity with its branch,
 * attendance and the caller's leave (one aggregation), and the roster.
 */
export const get = action({
  input: activityContract.get.input,
  async run(ctx, input): Promise<ActivityOutput<'get'>> {
    const { member } = await ctx.caller();
    const loaded = await loadActivity(input.id, {
      attendance: true,
      leaves: { memberId: member._id },
    });
    const { activity: a, org, attendance: records } = loaded;
    await ctx.require('org.read', org);
    const [roster, manage] = await Promise.all([
      listOrgMembers(a.orgId),
      mayRun(ctx, 'activity.manage', a, org),
    ]);
    const expected = expectedOf(a, roster);
    const expectedIds = new Set(expected.map((m) => m._id));
    const counts = countStatuses(
      records.filter((r) => expectedIds.has(r.memberId)).map((r) => r.status),
    );
    const person = (id: string | null) => {
      const m = id ? roster.find((p) => p._id === id) : undefined;
      return m ? { id: m._id, name: m.name } : null;
    };
    const mine = records.find((r) => r.memberId === member._id);
    const leave = loaded.leaves[0];
    const w = checkinWindow(a.startAt, a.endAt);
    return {
      ...summary(a),
      host: person(a.hostId),
      recorder: person(a.recorderId),
      lecturer: a.lecturer,
      guests: a.guests,
      geofence: !!a.geofence,
      myStatus: mine?.status ?? null,
      myLeave: leave ? { status: leave.status, reason: leave.reason } : null,
      canManage: manage,
      counts: { ...counts, expected: expected.length },
      record: a.record
        ? {
            minutes: a.record.minutes,
            resolutions: a.record.resolutions,
            attachments: a.record.attachments,
            summary: a.record.summary,
            archived: a.record.archived,
            amendments: a.amendments.length,
          }
        : null,
      checkinWindow: {
        opensAt: w.opensAt.toISOString(),
        lateAfter: w.lateAfter.toISOString(),
        closesAt: w.closesAt.toISOString(),
      },
    };
  },
});
