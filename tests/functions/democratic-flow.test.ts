import type { DemocraticFormOut } from '../../cloudfunctions/_shared/contracts/appraisal-decision';
import { Backend, snapshot, startBackend } from '../support/backend';
import { democraticKit } from '../support/appraisal-democratic-kit';
import { json } from '../support/narrow';

/**
 * A whole 民主评议党员 on the demo seed, through the API only, under each grade profile: four
 * grades (hunan — the demo's — and default), three for jiaozuo and xianning [APR-04].
 */
let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));
afterEach(() => b.restoreClock());

const k = democraticKit(() => b);
const { SUP, SEC, ORGANIZER, ID, M, PROB, FULL, ALL } = k;
/** Everyone who can sign in (demo-newcomer is not bound). */
const PRESENT = ALL.filter((m) => m !== 'demo-newcomer');
type G = 'excellent' | 'qualified' | 'basicallyQualified' | 'unqualified';
const step = async () => (await k.get()).step;
const decide = (grades: Record<string, G>, reasons: Record<string, string>) =>
  b.invoke('appraisal', { action: 'decide', data: { id: ID, grades, reasons } }, SUP);

const TIMING: Record<string, string[]> = {
  hunan: ['APR-01'],
  default: [],
  jiaozuo: ['APR-01'],
  xianning: ['APR-01'],
};

describe.each([
  ['hunan', ['优秀', '合格', '基本合格', '不合格']],
  ['default', ['优秀', '合格', '基本合格', '不合格']],
  ['jiaozuo', ['优秀', '合格', '不合格']],
  ['xianning', ['优秀', '合格', '不合格']],
])('a whole 民主评议 under %s', (profile, labels) => {
  it(`runs open → 学习 → 自评 → 互评 → 测评 → 评定 → 反馈 → 报告 → 归档 with ${labels.length} grades [APR-01] [APR-02] [APR-03] [APR-04] [APR-05] [APR-09] [APR-12] [APR-11]`, async () => {
    k.setOrg({ profile });
    // 学习 [APR-02]: opened at 学习, nothing may be skipped.
    await k.open();
    expect(await k.get()).toMatchObject({ kind: 'democraticAppraisal', step: 'study' });
    const early = await b.err(
      'appraisal',
      'completeStep',
      { id: ID, step: 'mutualEvaluation', note: '跳过' },
      SEC,
    );
    expect(early.code).toBe('APPRAISAL.STEP_ORDER');
    await b.ok('appraisal', 'completeStep', { id: ID, step: 'study', note: '集中学习党章' }, SEC);
    expect(await step()).toBe('selfEvaluation');
    // 个人自评 by every participant, demo-newcomer's entered for him by the 组织委员 [APR-03].
    for (const m of ALL)
      await b.ok(
        'appraisal',
        'selfEvaluate',
        m === 'demo-newcomer'
          ? { id: ID, text: '本人一年来按时参加组织生活。', memberId: m }
          : { id: ID, text: `${m}的个人自评：学习、工作和作风情况。` },
        m === 'demo-newcomer' ? ORGANIZER : m,
      );
    expect(await step()).toBe('mutualEvaluation');
    // 党员互评 summaries (the secretary's by the 组织委员).
    for (const m of ALL)
      await b.ok(
        'appraisal',
        'recordMutual',
        { id: ID, memberId: m, summary: '同志们认为该同志工作认真，联系群众。' },
        m === SEC ? ORGANIZER : SEC,
      );
    expect(await step()).toBe('ballot');

    // 民主测评 in the app at a 党员大会 with sign-in [APR-04] [APR-05]: quota floor(13/3) = 4.
    const { ballotId } = await k.appBox(PRESENT);
    // APR-01: the 测评 is timed by the profile (December; hunan: the 组织生活会; jiaozuo: after 评组织).
    const { alerts } = await k.get();
    expect((alerts ?? []).map((a) => a.ruleId)).toEqual(TIMING[profile]);
    const [form] = await b.ok('appraisal', 'ballots', {}, M(1));
    expect(form.grades.map((g) => g.label)).toEqual(labels);
    expect(form.maxBest).toBe(Math.floor(FULL.length / 3));
    for (const voter of PRESENT) {
      const marks = Object.fromEntries(
        FULL.filter((m) => m !== voter).map((m) => [m, m === M(1) ? 'excellent' : 'qualified']),
      );
      const r = await b.invoke(
        'appraisal',
        { action: 'castBallot', data: { ballotId, marks } },
        voter,
      );
      expect(r.ok).toBe(true);
    }
    const closed = await b.ok('appraisal', 'closeBallot', { ballotId }, ORGANIZER);
    expect(closed).toMatchObject({ returned: PRESENT.length, void: false });
    expect(await step()).toBe('decision');

    // 组织评定 on the board [APR-09] [APR-05]: it advises, the committee decides.
    const board = await b.ok('appraisal', 'board', { id: ID }, SUP);
    if (board.kind !== 'democraticAppraisal') throw new Error('not a 民主评议 board');
    expect(board.quota).toMatchObject({ limit: 4, of: FULL.length });
    expect(board.members.find((x) => x.memberId === M(1))).toMatchObject({
      majority: 'excellent',
      grade: null,
    });
    const reasons: Record<string, string> = {};
    for (const r of board.members)
      if (r.graded && r.flags.length) reasons[r.memberId] = '经支委会核实，情有可原';
    const grades = Object.fromEntries(
      FULL.map((m) => [m, m === M(1) ? 'excellent' : 'qualified']),
    ) as Record<string, G>;
    const before = snapshot(b);
    const over = await decide(
      { ...grades, ...Object.fromEntries([2, 3, 4, 5].map((i) => [M(i), 'excellent'])) },
      { ...reasons, ...Object.fromEntries([2, 3, 4, 5].map((i) => [M(i), '表现突出'])) },
    );
    expect(!over.ok && over.error.code).toBe('APPRAISAL.OVER_QUOTA');
    if (labels.length === 3) {
      const basic = await decide(
        { ...grades, [M(2)]: 'basicallyQualified' },
        {
          ...reasons,
          [M(2)]: '多次无故缺席组织生活',
        },
      );
      expect(!basic.ok && basic.error.code).toBe('APPRAISAL.GRADE_NOT_ALLOWED');
    }
    expect(snapshot(b)).toBe(before);
    const ok = await decide(grades, reasons);
    expect(ok.ok).toBe(true);
    expect(await step()).toBe('feedback');

    // 反馈 and 报告基层党委 [APR-12]: each member reads only their own result.
    await b.ok('appraisal', 'publish', { id: ID }, SUP);
    expect(await step()).toBe('archive');
    for (const m of PRESENT) {
      const own = await b.ok('appraisal', 'result', { id: ID }, m);
      expect(own.grade).toBe(m === PROB ? null : m === M(1) ? 'excellent' : 'qualified');
    }
    const other = await b.invoke(
      'appraisal',
      { action: 'result', data: { id: ID, memberId: M(2) } },
      M(1),
    );
    expect(!other.ok && other.error.code).toBe('AUTH.FORBIDDEN');

    // 登记表 and 归档 [APR-11].
    const record = json(
      await b.ok('appraisal', 'form', { id: ID, format: 'json' }, ORGANIZER),
    ) as DemocraticFormOut;
    expect(record.complete).toBe(true);
    expect(record.members.find((m) => m.memberId === M(1))?.branchOpinion).toMatchObject({
      gradeText: '优秀',
    });
    const filed = await b.ok('appraisal', 'archive', { id: ID }, SEC);
    expect(filed.archivedAt).toBeTruthy();
    expect(await step()).toBe('done');
  });
});
