import { advancedLimitWords } from '../../cloudfunctions/_shared/domain/appraisal/branch-grading';
import { quotaMeter } from '../../cloudfunctions/_shared/domain/appraisal/quota';
import type { BranchAppraisalDoc } from '../../cloudfunctions/_shared/repos/appraisal-branch';
import type { AppraisalDoc } from '../../cloudfunctions/_shared/repos/appraisals';
import { decided, ID, otherCampaigns, setOrg, toGrade } from '../support/appraisal-grading-kit';
import { snapshot, startBackend, type Backend } from '../support/backend';
import {
  branchAppraisalToDecision,
  committeeTree,
  gradesWith,
  SEC,
  SUP,
} from '../support/spot-kit';

/**
 * The cross-branch quota console through the real API [FORT-19, FORT-23, SEC-18]: 先进 against
 * floor(15N/100) of the branches below from the 评组织 decisions, 好 against the year's secretary
 * reviews, the ranking by 堡垒指数 compared with each branch's own `points.fortress`, and the
 * superior alone sees it.
 */
let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));
afterEach(() => b.restoreClock());

const quotas = (orgId: string) => b.ok('org', 'quotas', { orgId, year: 2026 }, SUP);

describe('the ranking, the superior’s only [FORT-23]', () => {
  it('ranks the branches below by 堡垒指数 as each branch’s own 堡垒指数 reads [FORT-23]', async () => {
    const out = await quotas('demo-committee');
    const own = await Promise.all(
      ['demo-branch', 'demo-branch-2'].map((orgId) =>
        b.ok('points', 'fortress', { orgId, year: 2026 }, SUP),
      ),
    );
    const expected = own
      .map((f, i) => ({
        orgId: i === 0 ? 'demo-branch' : 'demo-branch-2',
        total: f.total,
        stars: f.stars,
      }))
      .sort((x, y) => y.total - x.total);
    expect(out.ranking.map((r) => ({ orgId: r.orgId, total: r.total, stars: r.stars }))).toEqual(
      expected,
    );
    expect(out.ranking.map((r) => r.rank)).toEqual([1, 2]);
    expect(out.ranking.map((r) => r.name).sort()).toEqual(['机关第一党支部', '机关第二党支部']);
  });

  it('refuses a branch secretary: rankings are not shown to branches [FORT-23] [PRIV-09]', async () => {
    const before = snapshot(b);
    for (const orgId of ['demo-committee', 'demo-branch']) {
      const e = await b.err('org', 'quotas', { orgId, year: 2026 }, SEC);
      expect(e.code).toBe('AUTH.FORBIDDEN');
    }
    expect(snapshot(b)).toBe(before);
  });

  it('answers in round trips that do not grow with the number of branches [FORT-23]', async () => {
    const small = await b.roundTrips('org', 'quotas', { orgId: 'demo-committee', year: 2026 }, SUP);
    await committeeTree(b, 12);
    const large = await b.roundTrips('org', 'quotas', { orgId: 'demo-committee', year: 2026 }, SUP);
    expect(large.res.ok && large.res.data.ranking).toHaveLength(14);
    expect(large.roundTrips).toBe(small.roundTrips);
    expect(large.roundTrips).toBeLessThanOrEqual(10);
  });
});

describe('先进 ≤ 15% of the branches [FORT-19] [FORT-23]', () => {
  it('says plainly that 2 branches allow no 先进, and that no 评组织 is open [FORT-19]', async () => {
    const out = await quotas('demo-committee');
    expect(out.advanced).toEqual({
      limit: 0,
      used: 0,
      left: 0,
      of: 2,
      note: `${advancedLimitWords(2)}本年度还没有开展党支部评议（评组织）。`,
      applies: true,
    });
  });

  it('counts the 先进 the 评组织 decided, against floor(15N/100) [FORT-19] [ORG-30]', async () => {
    const t = await committeeTree(b, 7, 'jiaozuo');
    const id = await branchAppraisalToDecision(b, t.committee, t.branches);
    const open = await quotas(t.committee);
    expect([open.advanced.limit, open.advanced.used, open.advanced.of]).toEqual([1, 0, 7]);
    expect(open.advanced.note).toContain('本年度党支部评议还没有评定等次');
    await b.ok('appraisal', 'decide', await gradesWith(b, id, [t.branches[3]]), SUP);
    const stored = b.docs<BranchAppraisalDoc>('branchAppraisals').find((d) => d._id === id)!;
    const used = Object.values(stored.decision!.grades).filter((g) => g === 'advanced').length;
    const out = await quotas(t.committee);
    expect(out.advanced).toEqual({
      limit: 1,
      used,
      left: 0,
      of: 7,
      note: `${advancedLimitWords(7)}已评先进1个，还可评0个。`,
      applies: true,
    });
    expect(used).toBe(1);
    // The level above sees the same decisions among its 9 branches (limit 1).
    const above = await quotas('demo-committee');
    expect([above.advanced.of, above.advanced.limit, above.advanced.used]).toEqual([9, 1, 1]);
  });
});

describe('评书记 好 ≤ 15% [SEC-18]', () => {
  it('meters 好 over the year’s secretary reviews where the profile caps it [SEC-18]', async () => {
    setOrg(b, 'demo-branch', { profile: 'jiaozuo' });
    await toGrade(b);
    const base = b.docs<AppraisalDoc>('appraisals').find((d) => d._id === ID)!;
    otherCampaigns(b, base, 7, (i) => (i === 1 ? decided('good', 90) : {}));
    const docs = b.docs<AppraisalDoc>('appraisals').filter((d) => d.kind === 'secretaryReview');
    const good = docs.filter((d) => d.decision?.grade === 'good').length;
    const out = await quotas('demo-committee');
    const meter = quotaMeter(docs.length, good);
    expect(out.good).toEqual({
      limit: meter.limit,
      used: meter.used,
      left: meter.left,
      of: meter.of,
      note: meter.note,
      applies: true,
    });
    expect([out.good.of, out.good.limit, out.good.used, out.good.left]).toEqual([8, 1, 1, 0]);
  });

  it('says so where the profile sets no 好 quota [SEC-18]', async () => {
    await toGrade(b);
    const out = await quotas('demo-committee');
    expect(out.good).toMatchObject({ of: 1, used: 0, applies: false });
    expect(out.good.note).toBe('本年度评议书记1名。本地区评议书记的等次不设“好”的名额限制。');
    const none = await quotas((await committeeTree(b, 1)).committee);
    expect(none.good).toMatchObject({
      of: 0,
      applies: false,
      note: '本年度还没有开展书记述职评议。',
    });
  });
});
