import { activityContract } from '../../contracts/activity';
import type { ActivityOutput } from '../../contracts/activity';
import type { Alert } from '../../domain/shared/result';
import { sitsOnCommittee } from '../../domain/activity/participants';
import {
  coverage,
  crammedTalks,
  pairCategory,
  PAIR_LABELS,
  talksBeforeThemeDays,
} from '../../domain/activity/talks';
import { isSecretaryOf } from '../../domain/org/policy';
import { settingOf } from '../../domain/org/settings';
import { localDate, localInstant } from '../../domain/shared/time';
import { listActivities } from '../../repos/activities';
import { listOrgMembers } from '../../repos/members';
import { insertTalk, listTalks } from '../../repos/talks';
import { action } from '../../runtime/handler';
import { AppError } from '../../runtime/errors';

/**
 * Records a 谈心谈话 [MTG-34]: one-to-one between two members of the branch, face to face, with
 * notice and an outline in advance (the contract asks for both); only the date, the two and the
 * optional issue list are stored — there is no field for what was said [PRIV-14]. Either
 * participant may record it, or the committee.
 */
export const recordTalk = action({
  input: activityContract.recordTalk.input,
  async run(ctx, input): Promise<ActivityOutput<'recordTalk'>> {
    const org = await ctx.require('org.read', input.orgId);
    const { member } = await ctx.caller();
    const [a, b] = input.memberIds;
    if (!input.memberIds.includes(member._id)) await ctx.require('activity.manage', org);
    if (a === b)
      throw new AppError('TALK.INVALID', '谈心谈话须是两名党员一对一进行', {
        ruleId: 'MTG-34',
        fields: ['memberIds'],
      });
    const roster = await listOrgMembers(org._id);
    const pa = roster.find((m) => m._id === a);
    const pb = roster.find((m) => m._id === b);
    if (!pa || !pb)
      throw new AppError('TALK.INVALID', '谈话双方须是本支部的党员', {
        ruleId: 'MTG-34',
        fields: ['memberIds'],
      });
    if (input.date > localDate(ctx.now))
      throw new AppError('INPUT.INVALID', '谈话日期不能晚于今天', { fields: ['date'] });
    const category = pairCategory(pa, pb, org._id);
    const doc = {
      orgId: org._id,
      year: Number(input.date.slice(0, 4)),
      date: input.date,
      memberIds: [a, b] as [string, string],
      category,
      issues: input.issues ?? [],
      recordedBy: member._id,
      at: ctx.now,
    };
    const id = await ctx.write(async (tx) => {
      const talkId = await insertTalk(doc, tx);
      // The audit log keeps that a talk was recorded, not its issue list [PRIV-14].
      const { issues, ...kept } = doc;
      return {
        audit: {
          org,
          entity: 'talks',
          entityId: talkId,
          after: { ...kept, issues: issues.length },
        },
        result: talkId,
      };
    });
    return { id, category };
  },
});

/**
 * The year's talks and each member's coverage per pair category [MTG-32]; the committee sees the
 * branch, a member their own. An issue list shows only to the two participants and the secretary
 * [PRIV-14]. Alerts: coverage gaps from October, talks crammed into the 30 days before the
 * 组织生活会 [MTG-35], and (`talk.beforeThemeDays`, xianning) the secretary's talks with each
 * committee member before the June and December theme days [MTG-33].
 */
export const talks = action({
  input: activityContract.talks.input,
  async run(ctx, input): Promise<ActivityOutput<'talks'>> {
    const org = await ctx.require('org.read', input.orgId);
    const { member } = await ctx.caller();
    const overseer = await ctx.may('activity.oversee', org);
    const secretary = isSecretaryOf(member.roles, org._id);
    const [all, roster, year] = await Promise.all([
      listTalks(org._id, input.year),
      listOrgMembers(org._id),
      listActivities(
        org._id,
        localInstant(`${input.year}-01-01`),
        localInstant(`${input.year + 1}-01-01`),
      ),
    ]);
    const name = new Map(roster.map((m) => [m._id, m.name]));
    const mine = (ids: readonly string[]) => ids.includes(member._id);
    const shown = overseer ? all : all.filter((t) => mine(t.memberIds));
    const perYear = settingOf(org, 'talk.perPairCategory');
    const cover = coverage(
      overseer ? roster : roster.filter((m) => m._id === member._id),
      org._id,
      all,
      perYear,
    );
    const alerts: Alert[] = [];
    if (overseer) {
      const today = localDate(ctx.now);
      const gaps = cover.filter((c) => c.missing.length);
      if (gaps.length && today >= `${input.year}-10-01`)
        alerts.push({
          ruleId: 'MTG-32',
          level: 'warning',
          message: `今年还有${gaps.length}名党员的谈心谈话没有覆盖（如${gaps
            .slice(0, 3)
            .map(
              (g) => `${name.get(g.memberId)}：${g.missing.map((c) => PAIR_LABELS[c]).join('、')}`,
            )
            .join('；')}）`,
        });
      const dates = (type: string) =>
        year.filter((a) => a.type === type).map((a) => localDate(a.startAt));
      alerts.push(...crammedTalks(all, dates('orgLifeMeeting')));
      if (settingOf(org, 'talk.beforeThemeDays'))
        alerts.push(
          ...talksBeforeThemeDays({
            themeDays: dates('themeDay'),
            today,
            secretaryId: roster.find((m) => isSecretaryOf(m.roles, org._id))?._id ?? null,
            committee: roster.filter((m) => sitsOnCommittee(m, org._id)).map((m) => m._id),
            talks: all,
          }),
        );
    }
    return {
      talks: shown.map((t) => ({
        id: t._id,
        date: t.date,
        members: t.memberIds.map((id) => ({ id, name: name.get(id) ?? '' })),
        category: t.category,
        issues: mine(t.memberIds) || secretary ? t.issues : null,
      })),
      coverage: cover.map((c) => ({ ...c, name: name.get(c.memberId) ?? '' })),
      alerts,
    };
  },
});
