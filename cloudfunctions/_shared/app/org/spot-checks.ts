/**
 * Spot checks of the branches below a committee [MTG-37, ORG-30, FORT-24]: the year's view, the
 * quarter's draw (a reproducible sample whose seed is stored with every check and logged), and
 * the result of one check — a failed 五化 check marks the branch 抽查不合格 for that year, so it
 * cannot be graded 先进 [ORG-30, FORT-24].
 */
import { randomBytes } from 'crypto';
import { orgContract, OrgOutput } from '../../contracts/org';
import { drawQuarter, quarterSize, requiredPerYear, spotNote } from '../../domain/org/spot-check';
import { localDate } from '../../domain/shared/time';
import { findOrg } from '../../repos/orgs';
import {
  findSpotCheck,
  insertSpotDraw,
  insertSpotChecks,
  recordSpotCheckResult,
  SpotCheckDoc,
  spotCheckId,
  spotChecksOfRoot,
  spotDrawId,
} from '../../repos/spot-checks';
import type { AuditInput } from '../../runtime/context';
import { action } from '../../runtime/handler';
import { AppError, notFound } from '../../runtime/errors';
import { writeFiveStatus } from './five-standards';
import { branchesBelow, spotLevelOf, spotRow, withMissingNames } from './spot-checks-view';

const QUARTER_WORDS = ['', '第一季度', '第二季度', '第三季度', '第四季度'];

/** The year's spot checks drawn by the committee, what is required and what is left [MTG-37]. */
export const spotChecks = action({
  input: orgContract.spotChecks.input,
  async run(ctx, input): Promise<OrgOutput<'spotChecks'>> {
    const root = await ctx.require('org.oversee', input.orgId);
    const [{ branches, names: below }, docs] = await Promise.all([
      branchesBelow(root),
      spotChecksOfRoot(root._id, input.year),
    ]);
    const names = await withMissingNames(docs, below);
    const level = spotLevelOf(root);
    const ids = new Set(branches.map((o) => o._id));
    const mine = docs.filter((d) => ids.has(d.orgId));
    const recorded = new Set(mine.filter((d) => d.result !== null).map((d) => d.orgId));
    const drawn = new Set(mine.map((d) => d.orgId));
    const failed = new Set(mine.filter((d) => d.result === 'fail').map((d) => d.orgId));
    const required = requiredPerYear(level, branches.length);
    const pending = [...drawn].filter((id) => !recorded.has(id)).length;
    const unchecked = branches
      .filter((o) => !drawn.has(o._id))
      .map((o) => ({ orgId: o._id, name: o.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh'));
    return {
      orgId: root._id,
      year: input.year,
      level,
      branches: branches.length,
      required,
      checkedBranches: recorded.size,
      unchecked,
      checks: docs.map((d) => spotRow(d, names)),
      note: spotNote({
        level,
        year: input.year,
        branches: branches.length,
        required,
        checked: recorded.size,
        pending,
        unchecked: unchecked.length,
        failed: failed.size,
      }),
      drawnQuarters: [...new Set(docs.map((d) => d.quarter))].sort(),
    };
  },
});

/** The quarter the local date falls in, as [year, quarter]. */
function quarterNow(now: Date): [number, number] {
  const [y, m] = localDate(now).split('-').map(Number);
  return [y, Math.ceil(m / 3)];
}

/**
 * Draws the quarter's sample [MTG-37]: a fresh random seed, then `drawQuarter` of the domain over
 * the sorted branch ids — first those not drawn yet this year — of the size `quarterSize` gives.
 * The seed is stored with each check; the seed, the pool and the sample are audited, so anyone can
 * draw it again. Once per quarter; not before the quarter has begun.
 */
export const drawSpotChecks = action({
  input: orgContract.drawSpotChecks.input,
  async run(ctx, input): Promise<OrgOutput<'drawSpotChecks'>> {
    const root = await ctx.require('org.oversee', input.orgId);
    const [y, q] = quarterNow(ctx.now);
    if (input.year > y || (input.year === y && input.quarter > q)) {
      throw new AppError('INPUT.INVALID', '这个季度还没有到，不能提前抽取', {
        fields: ['quarter'],
      });
    }
    const [{ branches, names }, docs] = await Promise.all([
      branchesBelow(root),
      spotChecksOfRoot(root._id, input.year),
    ]);
    if (!branches.length) throw new AppError('SPOT.NO_BRANCHES');
    if (docs.some((d) => d.quarter === input.quarter)) throw new AppError('SPOT.ALREADY_DRAWN');
    const level = spotLevelOf(root);
    const drawn = new Set(docs.map((d) => d.orgId));
    const ids = branches.map((o) => o._id);
    const unchecked = ids.filter((id) => !drawn.has(id));
    const checked = ids.filter((id) => drawn.has(id));
    const size = quarterSize({
      level,
      quarter: input.quarter,
      branches: ids.length,
      checked: checked.length,
    });
    const { member } = await ctx.caller();
    const seed = randomBytes(16).toString('hex');
    const sample = drawQuarter(seed, unchecked, checked, size);
    const fresh: SpotCheckDoc[] = sample.map((orgId) => ({
      _id: spotCheckId(root._id, input.year, input.quarter, orgId),
      rootId: root._id,
      orgId,
      year: input.year,
      quarter: input.quarter,
      seed,
      drawnAt: ctx.now,
      drawnBy: member._id,
      result: null,
      fiveStandardsFailed: false,
      findings: null,
      recordedAt: null,
      recordedBy: null,
    }));
    await ctx.write(async (tx) => {
      // One draw per quarter: its log's `_id` is the quarter, so a concurrent draw with another
      // seed (and another sample) is refused by the duplicate key [MTG-37].
      const logged = await insertSpotDraw(
        {
          _id: spotDrawId(root._id, input.year, input.quarter),
          rootId: root._id,
          year: input.year,
          quarter: input.quarter,
          seed,
          sample,
          drawnAt: ctx.now,
          drawnBy: member._id,
        },
        tx,
      );
      const existing = await Promise.all(fresh.map((d) => findSpotCheck(d._id, tx)));
      if (!logged || existing.some(Boolean)) throw new AppError('SPOT.ALREADY_DRAWN');
      await insertSpotChecks(fresh, tx);
      return {
        audit: {
          org: root,
          entity: 'spotCheckDraw',
          entityId: `${root._id}:${input.year}:Q${input.quarter}`,
          before: null,
          after: {
            level,
            year: input.year,
            quarter: input.quarter,
            seed,
            size,
            // What `drawQuarter(seed, unchecked, checked, size)` is applied to [MTG-37].
            unchecked,
            checked,
            sample,
          },
          reason: `${input.year}年${QUARTER_WORDS[input.quarter]}随机抽取检查对象`,
        },
      };
    });
    return { seed, checks: fresh.map((d) => spotRow(d, names)) };
  },
});

/**
 * Records the result of one drawn check, once [ORG-30, FORT-24]: with `fiveStandardsFailed` the
 * branch's 五化 status of the check's year becomes 抽查不合格 in the same transaction, written as
 * `setFiveStandardsStatus` writes it, so the 评组织 decision refuses 先进 for it that year.
 */
export const recordSpotCheck = action({
  input: orgContract.recordSpotCheck.input,
  async run(ctx, input): Promise<OrgOutput<'recordSpotCheck'>> {
    const doc = await findSpotCheck(input.id);
    if (!doc) throw notFound('这次抽查');
    await ctx.require('org.oversee', doc.rootId);
    if (doc.result !== null) throw new AppError('SPOT.ALREADY_RECORDED');
    const fiveFailed = input.fiveStandardsFailed === true;
    if (fiveFailed && input.result === 'pass') {
      throw new AppError('INPUT.INVALID', '检查合格时，不能同时登记五化检查不合格', {
        fields: ['fiveStandardsFailed'],
      });
    }
    const branch = (await findOrg(doc.orgId)) ?? null;
    if (!branch) throw notFound('被抽查的党支部');
    const { member } = await ctx.caller();
    const patch = {
      result: input.result,
      fiveStandardsFailed: fiveFailed,
      findings: input.findings,
      recordedAt: ctx.now,
      recordedBy: member._id,
    };
    await ctx.write(async (tx) => {
      const fresh = await findSpotCheck(doc._id, tx);
      if (fresh?.result !== null) throw new AppError('SPOT.ALREADY_RECORDED');
      await recordSpotCheckResult(doc._id, patch, tx);
      const audit: AuditInput[] = [
        {
          org: branch,
          entity: 'spotCheck',
          entityId: doc._id,
          before: { result: null },
          after: {
            result: input.result,
            fiveStandardsFailed: fiveFailed,
            findings: input.findings,
          },
        },
      ];
      if (fiveFailed) {
        const reason = `${doc.year}年${QUARTER_WORDS[doc.quarter]}抽查五化不合格：${input.findings}`;
        audit.push(await writeFiveStatus(branch, doc.year, 'spotFailed', reason, ctx.now, tx));
      }
      return { audit };
    });
    return spotRow({ ...doc, ...patch }, new Map([[branch._id, branch.name]]));
  },
});
