import { settingOf } from '../../domain/org/settings';
import { pointsContract } from '../../contracts/points';
import type { PointsOutput } from '../../contracts/points';
import { INDEX_SESSION_TYPES, memberFacts } from '../../domain/points/facts';
import { openWindows } from '../../domain/points/periods';
import { pioneerIndex } from '../../domain/points/pioneer';
import { localMonth } from '../../domain/shared/time';
import { countOpenAppeals, savePointYear } from '../../repos/points';
import { memberYear } from '../../repos/points-views';
import { action } from '../../runtime/handler';
import { AppError, forbidden, orNotFound } from '../../runtime/errors';
import { updateOrgSetting } from '../org/settings';
import { pointsBranchYear, standingOf } from './queries';
import { assertPointsOn, timelineFor } from './support';

const monthsOf = (year: number) =>
  Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

/**
 * 我的先锋指数: total, categories, every entry with its source, the monthly trend. A member sees
 * their own; the committee anyone's in the branch [PTS-21]. The rank only where the branch shows
 * members their own rank [PTS-22]. Two round trips (three with the rank).
 */
export const index = action({
  input: pointsContract.index.input,
  async run(ctx, input): Promise<PointsOutput<'index'>> {
    const { member: caller } = await ctx.caller();
    const view = orNotFound(
      await memberYear(input.memberId ?? caller._id, input.year, INDEX_SESSION_TYPES),
      '党员',
    );
    const { member: target } = view;
    const org = assertPointsOn(view.org);
    const readsAll = await ctx.may('points.readAll', org);
    if (target._id !== caller._id && !readsAll) await ctx.require('points.readAll', org);
    const items = timelineFor(org, view.standards, input.year);
    const result = pioneerIndex(memberFacts(target, view.facts, ctx.now), items, input.year);
    const thisMonth = localMonth(ctx.now);
    const trend = monthsOf(input.year)
      .filter((m) => m <= thisMonth)
      .map((m) => ({
        month: m,
        total: pioneerIndex(memberFacts(target, view.facts, ctx.now, m), items, input.year).total,
      }));
    const open = openWindows(view.publications, ctx.now);
    let rank: number | undefined;
    if ((readsAll || settingOf(org, 'membersSeeRanking')) && !target.exempt) {
      const branch = await pointsBranchYear(org._id, input.year);
      rank = branch
        ? standingOf(branch, input.year, ctx.now).find((r) => r.memberId === target._id)?.rank
        : undefined;
    }
    return {
      memberId: target._id,
      name: target.name,
      year: input.year,
      total: result.total,
      byCategory: result.byCategory,
      // the 咸宁 先锋指数 groups [PTS-09]
      ...(org.profile === 'xianning' ? { byGroup: result.byGroup } : {}),
      base: result.base,
      add: result.add,
      deduct: result.deduct,
      entries: result.entries,
      trend,
      vetoed: result.vetoed,
      exempt: result.exempt,
      ...(rank ? { rank } : {}),
      appealOpenUntil: open.length
        ? new Date(open[open.length - 1].appealUntil).toISOString()
        : null,
      appealQuarters: view.publications.filter((p) => open.includes(p)).map((p) => p.quarter),
    };
  },
});

/** The branch ranking: who sees every index always; members only where the branch turns it on [PTS-22, PRIV-09]. */
export const ranking = action({
  input: pointsContract.ranking.input,
  async run(ctx, input): Promise<PointsOutput<'ranking'>> {
    const { member } = await ctx.caller();
    const view = orNotFound(await pointsBranchYear(input.orgId, input.year), '组织');
    const org = assertPointsOn(view.org);
    const allowed =
      (await ctx.may('points.readAll', org)) ||
      (member.orgId === org._id && settingOf(org, 'membersSeeRanking'));
    if (!allowed) throw forbidden('本支部未向党员公开积分排名');
    return standingOf(view, input.year, ctx.now);
  },
});

/** Whether members see the ranking and their own rank [PTS-22]: a setting of the branch's points rules. */
export const setRankingVisibility = action({
  input: pointsContract.setRankingVisibility.input,
  async run(ctx, input): Promise<PointsOutput<'setRankingVisibility'>> {
    const org = await ctx.require('points.standard', input.orgId);
    await updateOrgSetting(
      ctx,
      org,
      'membersSeeRanking',
      settingOf(org, 'membersSeeRanking'),
      input.membersSeeRanking,
    );
    return { membersSeeRanking: input.membersSeeRanking };
  },
});

/**
 * Year end [PTS-19]: the year's scores are confirmed and published to the members and the
 * superior. Refused while any appeal of the branch is unanswered.
 */
export const publishYear = action({
  input: pointsContract.publishYear.input,
  async run(ctx, input): Promise<PointsOutput<'publishYear'>> {
    const org = assertPointsOn(await ctx.require('points.standard', input.orgId));
    const open = await countOpenAppeals(org._id);
    if (open)
      throw new AppError('POINTS.APPEALS_OPEN', `还有${open}条申辩未答复，答复后才能公布年度积分`, {
        ruleId: 'PTS-19',
      });
    await ctx.write(async (tx) => {
      const id = await savePointYear(org._id, input.year, ctx.now, tx);
      return { audit: { org, entity: 'pointYears', entityId: id, after: { year: input.year } } };
    });
    return { orgId: org._id, year: input.year, publishedAt: ctx.now.toISOString() };
  },
});

/**
 * The published list of scores: inside the branch, ordered by name, without rank numbers
 * [PTS-21, PRIV-09]. Members see it once the year is published; whoever sees every index at any
 * time. Exempt members are listed as such, with no score [PTS-02].
 */
export const scores = action({
  input: pointsContract.scores.input,
  async run(ctx, input): Promise<PointsOutput<'scores'>> {
    const view = orNotFound(await pointsBranchYear(input.orgId, input.year), '组织');
    const org = assertPointsOn(await ctx.require('org.read', view.org));
    if (!view.published && !(await ctx.may('points.readAll', org)))
      throw new AppError('POINTS.NOT_PUBLISHED', '本年度积分尚未公布');
    const items = timelineFor(org, view.standards, input.year);
    const rows = view.members
      .map((m) => ({
        memberId: m._id,
        name: m.name,
        total: pioneerIndex(memberFacts(m, view.facts, ctx.now), items, input.year).total,
        exempt: m.exempt,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN'));
    return {
      publishedAt: view.published ? new Date(view.published.publishedAt).toISOString() : null,
      rows,
    };
  },
});
