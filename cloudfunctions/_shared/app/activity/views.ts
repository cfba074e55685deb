import { activityContract } from '../../contracts/activity';
import type { ActivityOutput, ActivitySummary } from '../../contracts/activity';
import { checkinWindow, countStatuses } from '../../domain/activity/attendance';
import { filingDeadline, filingOverdue, finalisedOnTime } from '../../domain/activity/filing';
import { attended, expectedOf } from '../../domain/activity/participants';
import { assemblyStatement, missingTemplateItems } from '../../domain/activity/record-rules';
import { settingOf } from '../../domain/org/settings';
import type { OrgDoc } from '../../repos/orgs';
import { ActivityDoc, activitiesWithMine } from '../../repos/activities';
import { listOrgMembers } from '../../repos/members';
import { action } from '../../runtime/handler';
import { leaveUntil } from './roll';
import { expectedIdsOf, recordHistoryOf } from './queries';
import { loadActivity, mayRun } from './support';

const DAY = 86400_000;

function summary(a: ActivityDoc, org: OrgDoc, now: Date): ActivitySummary {
  const days = settingOf(org, 'mtg.finaliseWithinDays');
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
    filingDue: filingDeadline(a, days).toISOString(),
    overdue: filingOverdue(a, days, now),
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
      ...summary(activity, org, ctx.now),
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
    const expectedIds = expectedIdsOf(a, roster, records); // the report's rule too (应到)
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
    const came = new Set(records.filter((r) => attended(r.status)).map((r) => r.memberId));
    const attendedN = expected.filter((m) => came.has(m._id)).length;
    const eligible = expected.filter((m) => m.status === 'full');
    const days = settingOf(org, 'mtg.finaliseWithinDays');
    return {
      ...summary(a, org, ctx.now),
      host: person(a.hostId),
      recorder: person(a.recorderId),
      lecturer: a.lecturer,
      guests: a.guests,
      geofence: !!a.geofence,
      myStatus: mine?.status ?? null,
      myAt: mine ? new Date(mine.at).toISOString() : null,
      myLeave: leave ? { status: leave.status, reason: leave.reason } : null,
      canManage: manage,
      counts: { ...counts, expected: expectedIds.size },
      record: a.record
        ? {
            minutes: a.record.minutes,
            resolutions: a.record.resolutions,
            attachments: a.record.attachments,
            summary: a.record.summary,
            archived: a.record.archived,
            amendments: a.amendments.length,
            items: a.record.items ?? [],
            itemsDone: a.record.itemsDone ?? [],
            finalisedOnTime: finalisedOnTime(a, days, ctx.now),
            history:
              recordHistoryOf(a, (id) => roster.find((m) => m._id === id)?.name ?? null) ??
              undefined,
          }
        : null,
      lecturerKind: a.lecturerKind ?? null,
      delegation: a.delegation ? { reason: a.delegation.reason } : null,
      // 到课 and 缺课 come from attendance, never typed [MTG-13].
      lecture:
        a.type === 'partyLecture'
          ? {
              topic: a.title,
              at: new Date(a.startAt).toISOString(),
              lecturer: a.lecturer,
              attended: attendedN,
              absent: expected.length - attendedN,
              guests: a.guests.length,
            }
          : null,
      assembly:
        a.type === 'branchAssembly'
          ? assemblyStatement(eligible.length, eligible.filter((m) => came.has(m._id)).length)
          : null,
      themeDay:
        a.type === 'themeDay'
          ? {
              itemsDone: a.record?.itemsDone ?? [],
              missingItems: missingTemplateItems(
                org.profile,
                a.record?.itemsDone ?? [],
                settingOf(org, 'td.template') as 'profile' | 'retired',
              ),
              duesCollected: a.record?.duesCollected ?? 0,
              summary: a.record?.summary ?? null,
            }
          : null,
      liaisonTopics: a.liaisonTopics ?? [],
      reportedAt: a.reportedAt ? new Date(a.reportedAt).toISOString() : null,
      checkinWindow: {
        opensAt: w.opensAt.toISOString(),
        lateAfter: w.lateAfter.toISOString(),
        closesAt: w.closesAt.toISOString(),
      },
      leaveUntil: leaveUntil(a.startAt).toISOString(),
      leaveOpen: a.status !== 'closed' && +ctx.now <= +leaveUntil(a.startAt),
    };
  },
});
