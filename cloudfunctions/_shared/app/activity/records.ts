import { activityContract } from '../../contracts/activity';
import type { ActivityOutput } from '../../contracts/activity';
import { attended, sitsOnCommittee } from '../../domain/activity/participants';
import { checkEvidence, checkRecordItems, recordAlerts } from '../../domain/activity/record-rules';
import { settingOf } from '../../domain/org/settings';
import { localMonth } from '../../domain/shared/time';
import { ActivityDoc, ActivityRecord, findActivity, updateActivity } from '../../repos/activities';
import { action } from '../../runtime/handler';
import { AppError, orThrow } from '../../runtime/errors';
import { duesCollectionOf } from '../dues/queries';
import { acceptAttachments, markAttached } from '../media/attach';
import { loadAsRunner } from './support';

/** The earlier 支委会 of the same branch among the linked ids [MTG-25]. */
async function priorCommitteeMeetings(a: ActivityDoc, ids: string[]): Promise<Set<string>> {
  const found = await Promise.all([...new Set(ids)].map((id) => findActivity(id)));
  return new Set(
    found
      .filter(
        (c): c is ActivityDoc =>
          !!c &&
          c.type === 'committeeMeeting' &&
          c.orgId === a.orgId &&
          +new Date(c.startAt) < +new Date(a.startAt),
      )
      .map((c) => c._id),
  );
}

/**
 * The 纪实 record: minutes, resolutions, agenda items with their resolution and tally, attachments
 * (fileIDs of this environment uploaded for this branch, checked by the media area before anything
 * is written) [MTG-10, MTG-11]. A 支委会 never records what only the assembly decides
 * [MTG-26]. Photos are optional unless the superior set a minimum [PRIV-12, MTG-21]. Missing
 * template items, unowned committee resolutions and important matters not first discussed by the
 * committee raise alerts; the record is saved [TD-17, MTG-12, MTG-25]. A theme-day record keeps the
 * month's dues count [TD-20]. Once archived it is read-only: a correction needs a reason and is
 * appended as an amendment with the text before and after; the original is kept [MTG-20]; an
 * amendment may add attachments but never drop one, and an archived record's files can no longer
 * be removed (`MEDIA.LOCKED`). The archiving instant starts nothing but is kept for the filing window [MTG-19].
 */
export const record = action({
  input: activityContract.record.input,
  async run(ctx, input): Promise<ActivityOutput<'record'>> {
    const { activity, org, attendance, roster } = await loadAsRunner(
      ctx,
      'activity.manage',
      input.activityId,
      { include: { attendance: true, roster: true } },
    );
    const { member } = await ctx.caller();
    const prev = activity.record;
    const items = input.items ?? prev?.items ?? [];
    const came = new Set(attendance.filter((r) => attended(r.status)).map((r) => r.memberId));
    const eligiblePresent = roster.filter(
      (m) => m.orgId === activity.orgId && m.status === 'full' && came.has(m._id),
    ).length;
    orThrow(
      checkRecordItems(
        activity.type,
        items,
        activity.type === 'branchAssembly' ? { eligiblePresent } : null,
      ),
    );
    const archiving = !prev?.archived && !!input.archive;
    const attachments = input.attachments ?? prev?.attachments ?? [];
    const previous = prev?.attachments ?? [];
    const withFiles = attachments.length > 0 || previous.length > 0;
    const files = withFiles
      ? await acceptAttachments(ctx, {
          orgId: activity.orgId,
          purpose: 'record',
          fileIds: attachments,
          previous,
          archived: !!prev?.archived,
        })
      : [];
    // What counts towards the superior's minimum: every file but one held back by the content
    // check; one still being checked counts, as it is there and drops out only if it fails [MTG-21].
    const evidence = files.filter((f) => f.state === 'ready' && f.check.state !== 'risky').length;
    if (archiving) orThrow(checkEvidence(evidence, settingOf(org, 'mtg.minEvidence')));
    const duesCollected =
      archiving && activity.type === 'themeDay'
        ? (await duesCollectionOf(org._id, localMonth(activity.startAt))).paid
        : prev?.duesCollected;
    const next: ActivityRecord = {
      minutes: input.minutes,
      resolutions: input.resolutions ?? prev?.resolutions ?? [],
      attachments,
      summary: input.summary ?? prev?.summary ?? null,
      archived: prev?.archived || !!input.archive,
      recordedAt: ctx.now,
      recordedBy: member._id,
      archivedAt: prev?.archivedAt ?? (archiving ? ctx.now : null),
      items,
      itemsDone: input.itemsDone ?? prev?.itemsDone ?? [],
      ...(duesCollected === undefined ? {} : { duesCollected }),
    };
    let amendments = activity.amendments;
    if (prev?.archived) {
      if (!input.reason)
        throw new AppError(
          'RECORD.ARCHIVED',
          '纪实已归档，修改须说明理由，修改将作为更正附后保存',
          { ruleId: 'MTG-20', fields: ['reason'] },
        );
      amendments = [
        ...amendments,
        { at: ctx.now, by: member._id, reason: input.reason, before: prev, after: next },
      ];
    }
    const linked = items.flatMap((i) => (i.committeeMeetingId ? [i.committeeMeetingId] : []));
    const alerts = recordAlerts({
      type: activity.type,
      profile: org.profile,
      template: settingOf(org, 'td.template') as 'profile' | 'retired',
      items,
      itemsDone: next.itemsDone ?? [],
      committee: new Set(roster.filter((m) => sitsOnCommittee(m, org._id)).map((m) => m._id)),
      priorCommittee: linked.length ? await priorCommitteeMeetings(activity, linked) : new Set(),
      archiving,
      reportWithinDays: settingOf(org, 'mtg.reportImportantWithinDays'),
    });
    const amended = amendments !== activity.amendments;
    await ctx.write(async (tx) => {
      await updateActivity(
        activity._id,
        amended ? { record: next, amendments } : { record: next },
        tx,
      );
      const to = { kind: 'activityRecord', id: activity._id } as const;
      if (withFiles)
        await markAttached(
          to,
          attachments,
          { previous, locked: next.archived, keptLocked: !!prev?.archived },
          tx,
        );
      return {
        audit: {
          org,
          entity: 'activities.record',
          entityId: activity._id,
          before: prev,
          after: next,
          ...(amended ? { reason: input.reason } : {}),
        },
      };
    });
    return {
      activityId: activity._id,
      archived: next.archived,
      amendments: amendments.length,
      alerts,
    };
  },
});
