import { drawQuarter } from '../../cloudfunctions/_shared/domain/org/spot-check';
import type { AuditDoc } from '../../cloudfunctions/_shared/repos/audit';
import type { SpotCheckDoc } from '../../cloudfunctions/_shared/repos/spot-checks';
import { snapshot, startBackend, type Backend } from '../support/backend';
import {
  branchAppraisalToDecision,
  committeeTree,
  gradesWith,
  SEC,
  SUP,
} from '../support/spot-kit';

/**
 * Spot checks through the real API [MTG-37, ORG-30, FORT-24]: a 基层党委 of generated branches
 * draws each quarter (clock frozen inside the quarter), the sample is redrawn from its logged seed
 * by the domain function and compared with the stored checks, results are recorded once, and a
 * failed 五化 check keeps the branch from 先进 in the 评组织 decision.
 */
let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));
afterEach(() => b.restoreClock());

const at = (iso: string) => b.emulator.clock.freeze(Date.parse(iso));
const QUARTER_DAYS = ['', '2026-02-10', '2026-05-10', '2026-08-10', '2026-11-10'];
const checks = () => b.docs<SpotCheckDoc>('spotChecks');
const draws = () => b.docs<AuditDoc>('auditLogs').filter((a) => a.entity === 'spotCheckDraw');

describe('drawing the quarter’s sample [MTG-37]', () => {
  it('checks ≥ 1 each quarter and every branch of a 基层党委 by Q4, each sample redrawn from its seed [MTG-37]', async () => {
    at('2026-01-05T02:00:00Z');
    const t = await committeeTree(b, 10);
    const all = [...t.branches].sort();
    const sizes: number[] = [];
    for (let q = 1; q <= 4; q++) {
      at(`${QUARTER_DAYS[q]}T02:00:00Z`);
      const before = new Set(checks().map((c) => c.orgId));
      const res = await b.ok(
        'org',
        'drawSpotChecks',
        { orgId: t.committee, year: 2026, quarter: q },
        SUP,
      );
      const stored = checks().filter((c) => c.quarter === q);
      expect(stored.map((c) => c.orgId).sort()).toEqual(res.checks.map((c) => c.orgId).sort());
      expect(new Set(stored.map((c) => c.seed))).toEqual(new Set([res.seed]));
      expect(res.seed).toMatch(/^[0-9a-f]{32}$/);
      // Anyone can draw it again: from the seed and the branches as the records stood.
      const unchecked = all.filter((id) => !before.has(id));
      const checked = all.filter((id) => before.has(id));
      const redrawn = drawQuarter(res.seed, unchecked, checked, stored.length);
      expect(redrawn).toEqual(stored.map((c) => c.orgId).sort());
      // Drawn first from the branches not yet checked.
      expect(stored.every((c) => !before.has(c.orgId))).toBe(true);
      const log = draws().find((a) => a.entityId === `${t.committee}:2026:Q${q}`)!;
      expect(log.after).toMatchObject({ seed: res.seed, unchecked, sample: redrawn });
      expect(log.actor.memberId).toBe(SUP);
      sizes.push(stored.length);
    }
    expect(sizes).toEqual([3, 3, 2, 2]);
    expect(new Set(checks().map((c) => c.orgId))).toEqual(new Set(all));
  });

  it('gives different samples for different draws, and refuses a second draw of a quarter [MTG-37]', async () => {
    const samples = new Set<string>();
    const seeds = new Set<string>();
    for (let i = 0; i < 4; i++) {
      await b.reset('demo');
      const t = await committeeTree(b, 20);
      const res = await b.ok(
        'org',
        'drawSpotChecks',
        { orgId: t.committee, year: 2026, quarter: 4 },
        SUP,
      );
      // Q4 of a 基层党委 that drew nothing before: every branch.
      expect(res.checks).toHaveLength(20);
      seeds.add(res.seed);
      const q3 = await b.ok(
        'org',
        'drawSpotChecks',
        { orgId: t.committee, year: 2026, quarter: 3 },
        SUP,
      );
      samples.add(q3.checks.map((c) => c.orgId).join());
      const before = snapshot(b);
      const e = await b.err(
        'org',
        'drawSpotChecks',
        { orgId: t.committee, year: 2026, quarter: 4 },
        SUP,
      );
      expect(e.code).toBe('SPOT.ALREADY_DRAWN');
      expect(snapshot(b)).toBe(before);
    }
    expect(seeds.size).toBe(4);
    expect(samples.size).toBeGreaterThan(1);
  });

  it('lets only one of two draws of a quarter at the same instant land, with its seed logged [MTG-37]', async () => {
    await b.reset('demo');
    const t = await committeeTree(b, 20);
    // a 市: one branch a quarter, so two draws would nearly always pick different branches
    await b.ok(
      'org',
      'setSetting',
      { orgId: t.committee, key: 'org.spotCheckLevel', value: 'city', reason: '按市委要求' },
      SUP,
    );
    const draw = () =>
      b.invoke(
        'org',
        { action: 'drawSpotChecks', data: { orgId: t.committee, year: 2026, quarter: 3 } },
        SUP,
      );
    const answers = await Promise.all([draw(), draw()]);
    const landed = answers.filter((a) => a.ok);
    expect(landed).toHaveLength(1);
    expect(answers.find((a) => !a.ok)).toMatchObject({ error: { code: 'SPOT.ALREADY_DRAWN' } });
    const q3 = b.docs('spotChecks').filter((d) => d.rootId === t.committee && d.quarter === 3);
    expect(new Set(q3.map((d) => d.seed)).size).toBe(1);
    expect(b.docs('spotCheckDraws')).toEqual([
      expect.objectContaining({
        _id: `${t.committee}:2026:Q3`,
        seed: q3[0].seed,
        sample: q3.map((d) => d.orgId).sort(),
      }),
    ]);
  });

  it('follows the county’s 10% when the superior sets the level, and refuses a quarter not begun [MTG-37]', async () => {
    at('2026-02-10T02:00:00Z');
    const t = await committeeTree(b, 30);
    await b.ok(
      'org',
      'setSetting',
      { orgId: t.committee, key: 'org.spotCheckLevel', value: 'county', reason: '按县委要求' },
      SUP,
    );
    const e = await b.err(
      'org',
      'drawSpotChecks',
      { orgId: t.committee, year: 2026, quarter: 2 },
      SUP,
    );
    expect(e.code).toBe('INPUT.INVALID');
    const res = await b.ok(
      'org',
      'drawSpotChecks',
      { orgId: t.committee, year: 2026, quarter: 1 },
      SUP,
    );
    expect(res.checks).toHaveLength(1); // ceil(3 / 4 quarters)
    const view = await b.ok('org', 'spotChecks', { orgId: t.committee, year: 2026 }, SUP);
    expect([view.level, view.branches, view.required, view.checkedBranches]).toEqual([
      'county',
      30,
      3,
      0,
    ]);
    expect(view.note).toContain('每年至少抽查所属党支部的10%');
  });

  it('refuses a committee without branches, and anyone but the superior [MTG-37] [FORT-23]', async () => {
    const { id: empty } = await b.ok(
      'org',
      'createOrg',
      {
        parentId: 'demo-committee',
        name: '新建党委',
        kind: 'baseCommittee',
        category: 'organ',
        termStart: '2024-01-01',
      },
      SUP,
    );
    const before = snapshot(b);
    const e = await b.err('org', 'drawSpotChecks', { orgId: empty, year: 2026, quarter: 4 }, SUP);
    expect(e.code).toBe('SPOT.NO_BRANCHES');
    for (const action of ['drawSpotChecks', 'spotChecks'] as const) {
      const input = { orgId: 'demo-committee', year: 2026, quarter: 4 };
      const data = action === 'spotChecks' ? { orgId: 'demo-committee', year: 2026 } : input;
      expect((await b.err('org', action, data, SEC)).code).toBe('AUTH.FORBIDDEN');
    }
    expect(snapshot(b)).toBe(before);
  });
});

describe('recording a check [ORG-30] [FORT-24] [MTG-37]', () => {
  it('records each result once, audited, and the year’s view counts them [MTG-37]', async () => {
    const res = await b.ok(
      'org',
      'drawSpotChecks',
      { orgId: 'demo-committee', year: 2026, quarter: 4 },
      SUP,
    );
    expect(res.checks.map((c) => c.orgName).sort()).toEqual(['机关第一党支部', '机关第二党支部']);
    const [first, second] = res.checks;
    const row = await b.ok(
      'org',
      'recordSpotCheck',
      { id: first.id, result: 'pass', findings: '三会一课记录齐全' },
      SUP,
    );
    expect(row).toMatchObject({
      result: 'pass',
      recordedOn: '2026-12-01',
      fiveStandardsFailed: false,
    });
    const stored = checks().find((c) => c._id === first.id)!;
    expect([stored.result, stored.findings, stored.recordedBy]).toEqual([
      'pass',
      '三会一课记录齐全',
      SUP,
    ]);
    const before = snapshot(b);
    const again = await b.err(
      'org',
      'recordSpotCheck',
      { id: first.id, result: 'fail', findings: '改一下' },
      SUP,
    );
    expect(again.code).toBe('SPOT.ALREADY_RECORDED');
    const mixed = await b.err(
      'org',
      'recordSpotCheck',
      { id: second.id, result: 'pass', fiveStandardsFailed: true, findings: '合格' },
      SUP,
    );
    expect(mixed.code).toBe('INPUT.INVALID');
    const sec = await b.err(
      'org',
      'recordSpotCheck',
      { id: second.id, result: 'pass', findings: '合格' },
      SEC,
    );
    expect(sec.code).toBe('AUTH.FORBIDDEN');
    expect(snapshot(b)).toBe(before);
    const audit = b.docs<AuditDoc>('auditLogs').filter((a) => a.entity === 'spotCheck');
    expect(audit.map((a) => [a.entityId, a.orgId, (a.after as any).result])).toEqual([
      [first.id, first.orgId, 'pass'],
    ]);

    const view = await b.ok('org', 'spotChecks', { orgId: 'demo-committee', year: 2026 }, SUP);
    expect([view.level, view.branches, view.required, view.checkedBranches]).toEqual([
      'baseCommittee',
      2,
      2,
      1,
    ]);
    expect(view.unchecked).toEqual([]);
    expect(view.drawnQuarters).toEqual([4]);
    expect(view.checks.map((c) => [c.id, c.result, c.seed])).toEqual(
      checks()
        .sort((x, y) => (x.orgId < y.orgId ? -1 : 1))
        .map((c) => [c._id, c.result, c.seed]),
    );
    expect(view.note).toBe(
      '基层党委每个季度至少抽查1个党支部，一年内2个党支部都要抽查到。本年度应抽查2个，已抽查1个，已抽到、待登记结果的1个；登记完已抽到支部的检查结果，即达到本年度的要求。',
    );
  });

  it('marks a failed 五化 check 抽查不合格, and the branch cannot be graded 先进 that year [ORG-30] [FORT-24]', async () => {
    const t = await committeeTree(b, 7, 'jiaozuo');
    const drawn = await b.ok(
      'org',
      'drawSpotChecks',
      { orgId: t.committee, year: 2026, quarter: 4 },
      SUP,
    );
    const failed = drawn.checks.find((c) => c.orgId === t.branches[0])!;
    const row = await b.ok(
      'org',
      'recordSpotCheck',
      { id: failed.id, result: 'fail', fiveStandardsFailed: true, findings: '组织生活记录不全' },
      SUP,
    );
    expect([row.result, row.fiveStandardsFailed]).toEqual(['fail', true]);
    const five = b.docs('fiveStandards').find((d: any) => d._id === `${t.branches[0]}:2026`);
    expect(five).toMatchObject({ status: 'spotFailed', year: 2026 });
    const audit = b.docs<AuditDoc>('auditLogs').filter((a) => a.orgId === t.branches[0]);
    expect(audit.map((a) => a.entity).sort()).toEqual(['fiveStandards', 'spotCheck']);
    const page = await b.ok('org', 'fiveStandards', { orgId: t.branches[0], year: 2026 }, SUP);
    expect(page.statusLabel).toBe('抽查不合格');

    const id = await branchAppraisalToDecision(b, t.committee, t.branches);
    const board = await b.ok('appraisal', 'board', { id }, SUP);
    if (board.kind !== 'branchAppraisal') throw new Error('kind');
    expect(board.branches.find((r) => r.orgId === t.branches[0])!.five).toEqual({
      status: 'spotFailed',
      label: '抽查不合格',
      advancedAllowed: false,
    });
    const e = await b.err('appraisal', 'decide', await gradesWith(b, id, [t.branches[0]]), SUP);
    expect([e.code, e.details?.ruleId]).toEqual(['ORG.SPOT_CHECK_FAILED', 'FORT-24']);
    // A branch that passed its check may be 先进 (7 branches: one place).
    const other = drawn.checks.find((c) => c.orgId === t.branches[1])!;
    await b.ok('org', 'recordSpotCheck', { id: other.id, result: 'pass', findings: '合格' }, SUP);
    await b.ok('appraisal', 'decide', await gradesWith(b, id, [t.branches[1]]), SUP);
  });
});
