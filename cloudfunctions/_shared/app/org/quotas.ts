/**
 * The cross-branch quota console of a superior [FORT-19, FORT-23, SEC-18]: 先进党支部 ≤ 15% of the
 * branches below (the 评组织 decisions of the year), 评书记 “好” ≤ 15% of the secretaries reviewed,
 * and the branches ranked by 堡垒指数 — the superior's only (`org.oversee`) [FORT-23, PRIV-09].
 */
import type { QuotaMeter } from '../../contracts/org-oversight';
import { orgContract, OrgOutput } from '../../contracts/org';
import { advancedLimit, advancedLimitWords } from '../../domain/appraisal/branch-grading';
import { quotaMeter } from '../../domain/appraisal/quota';
import { action } from '../../runtime/handler';
import { branchAdvancedUnder, secretaryGoodUnder } from '../appraisal/queries';
import { branchFortresses } from '../points/queries';
import { branchesBelow } from './spot-checks-view';

/** 先进 of the year against floor(15N/100) of the N branches below [FORT-19]. */
export function advancedMeter(
  branches: number,
  grading: { opened: number; decided: number; used: number },
): QuotaMeter {
  const limit = advancedLimit(branches);
  const left = Math.max(0, limit - grading.used);
  const state =
    grading.opened === 0
      ? '本年度还没有开展党支部评议（评组织）。'
      : grading.decided === 0
        ? '本年度党支部评议还没有评定等次。'
        : grading.used > limit
          ? `已评先进${grading.used}个，超出${grading.used - limit}个。`
          : `已评先进${grading.used}个，还可评${left}个。`;
  return {
    limit,
    used: grading.used,
    left,
    of: branches,
    note: `${advancedLimitWords(branches)}${state}`,
    applies: true,
  };
}

/** 好 of the year's secretary reviews [SEC-18]; where no profile caps 好, says so. */
export function goodMeter(reviews: { of: number; good: number; capped: boolean }): QuotaMeter {
  if (!reviews.capped) {
    return {
      limit: reviews.of,
      used: reviews.good,
      left: Math.max(0, reviews.of - reviews.good),
      of: reviews.of,
      note:
        reviews.of === 0
          ? '本年度还没有开展书记述职评议。'
          : `本年度评议书记${reviews.of}名。本地区评议书记的等次不设“好”的名额限制。`,
      applies: false,
    };
  }
  const { limit, used, left, of, note } = quotaMeter(reviews.of, reviews.good);
  return { limit, used, left, of, note, applies: true };
}

export const quotas = action({
  input: orgContract.quotas.input,
  async run(ctx, input): Promise<OrgOutput<'quotas'>> {
    const root = await ctx.require('org.oversee', input.orgId);
    const [{ branches }, graded, reviews] = await Promise.all([
      branchesBelow(root),
      branchAdvancedUnder(root._id, input.year),
      secretaryGoodUnder(root._id, input.year),
    ]);
    const ids = branches.map((o) => o._id);
    const fortress = await branchFortresses(ids, input.year, ctx.now);
    const below = new Set(ids);
    const ranked = branches
      .map((o) => ({
        orgId: o._id,
        name: o.name,
        total: fortress.get(o._id)?.total ?? 0,
        stars: fortress.get(o._id)?.stars ?? 0,
      }))
      .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh'));
    return {
      orgId: root._id,
      year: input.year,
      advanced: advancedMeter(branches.length, {
        opened: graded.opened,
        decided: graded.decided,
        used: graded.advanced.filter((id) => below.has(id)).length,
      }),
      good: goodMeter(reviews),
      ranking: ranked.map((r, i) => ({ rank: i + 1, ...r })),
    };
  },
});
