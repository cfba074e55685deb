import { Backend, startBackend } from '../support/backend';
import {
  FULL,
  ID,
  ORG,
  SEC,
  SUP,
  seedDemocratic,
  stored,
  tallyOf,
} from '../support/democratic-kit';

/**
 * 反馈, 报告 and 归档 of 民主评议党员 (`appraisal.publish` / `appraisal.result` for kind
 * `democraticAppraisal`) [APR-12, APR-15], and the 民主评议 half of the 堡垒指数 [FORT-09].
 */
let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));

const unqualifiedM1 = () => ({
  grades: Object.fromEntries(
    FULL.map((id) => [id, id === 'demo-member-1' ? 'unqualified' : 'qualified']),
  ) as Record<string, 'qualified' | 'unqualified'>,
  reasons: { 'demo-member-1': '全年无故不参加组织生活' },
  final: true,
  by: ORG,
  at: new Date('2026-11-30T02:00:00Z'),
});

describe('the 堡垒指数 [FORT-09]', () => {
  const appraisalItem = async () =>
    (await b.ok('points', 'fortress', { orgId: 'demo-branch', year: 2026 }, SEC)).items.find(
      (i: { code: string }) => i.code === 'appraisal',
    );

  it('earns the 民主评议 half (4 points) only once the appraisal is finished and filed [FORT-09]', async () => {
    expect(await appraisalItem()).toBeUndefined();
    seedDemocratic(b, { step: 'archive', tally: tallyOf(8), decision: unqualifiedM1() });
    expect(await appraisalItem()).toMatchObject({ points: 0, max: 4, ruleId: 'FORT-09' });
    await b.ok('appraisal', 'archive', { id: ID }, SEC);
    expect(await appraisalItem()).toMatchObject({ points: 4, max: 4, ruleId: 'FORT-09' });
  });

  it('costs points.fortress no extra round trip [FORT-09]', async () => {
    seedDemocratic(b, { step: 'done', tally: tallyOf(8), decision: unqualifiedM1() });
    const { roundTrips } = await b.roundTrips(
      'points',
      'fortress',
      { orgId: 'demo-branch', year: 2026 },
      SEC,
    );
    expect(roundTrips).toBeLessThanOrEqual(6);
  });
});

describe('publish and result [APR-12] [APR-15]', () => {
  const decided = () => ({
    grades: {
      'demo-member-1': 'excellent',
      'demo-member-2': 'qualified',
      'demo-member-3': 'basicallyQualified',
      'demo-member-4': 'qualified',
      'demo-mobile': 'qualified',
      'demo-organizer': 'qualified',
      'demo-secretary': 'qualified',
    } as Record<string, 'excellent' | 'qualified' | 'basicallyQualified'>,
    reasons: { 'demo-member-3': '多次无故缺席组织生活' },
    final: true,
    by: SUP,
    at: new Date('2026-11-30T02:00:00Z'),
  });
  const result = (who: string, memberId?: string) =>
    b.invoke('appraisal', { action: 'result', data: { id: ID, memberId } }, who) as Promise<{
      ok: boolean;
      data?: unknown;
      error?: { code: string };
    }>;

  it('tells each member only their own result, once fed back; another member is refused [APR-12]', async () => {
    seedDemocratic(b, { step: 'feedback', tally: tallyOf(8), decision: decided() });
    expect((await result('demo-member-3')).data).toMatchObject({ grade: null, feedback: null });
    await b.ok('appraisal', 'publish', { id: ID }, SUP);
    expect((await result('demo-member-3')).data).toMatchObject({
      grade: 'basicallyQualified',
      gradeText: '基本合格',
      commended: false,
    });
    expect((await result('demo-member-1')).data).toMatchObject({
      grade: 'excellent',
      commended: true,
    });
    const other = await result('demo-member-1', 'demo-member-3');
    expect(other).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expect((await result('demo-probationary')).data).toMatchObject({
      grade: null,
      feedback: '预备党员参加民主评议，不评定等次',
    });
  });

  it('reports to the 基层党委: the superior reads any member, and the steps reach 归档 [APR-12] [APR-02]', async () => {
    seedDemocratic(b, { step: 'feedback', tally: tallyOf(8), decision: decided() });
    await b.ok('appraisal', 'publish', { id: ID }, SUP);
    expect(stored(b)).toMatchObject({ step: 'archive' });
    expect(stored(b).stepsDone.report).toBeTruthy();
    expect((await result(SUP, 'demo-member-3')).data).toMatchObject({
      grade: 'basicallyQualified',
    });
    expect((await b.err('appraisal', 'publish', { id: ID }, SUP)).code).toBe(
      'APPRAISAL.STEP_ORDER',
    );
  });

  it('commends the 优秀 by a branch notice naming only them, never a list of results [APR-12] [DIS-11]', async () => {
    seedDemocratic(b, { step: 'feedback', tally: tallyOf(8), decision: decided() });
    const out = await b.ok('appraisal', 'publish', { id: ID }, SUP);
    const notice = b.docs('notices').find((n) => n._id === out.noticeId);
    expect(notice.title).toBe('2026年度机关第一党支部民主评议优秀党员');
    expect(notice.body).toContain('陈明');
    for (const name of ['杨帆', '刘洋', '基本合格', '合格”'])
      expect(notice.body).not.toContain(name);
  });

  it("puts a 基本合格 member's help plan on the branch's rectification list; 不合格 waits for the committee [APR-15]", async () => {
    seedDemocratic(b, { step: 'feedback', tally: tallyOf(8), decision: decided() });
    await b.ok('appraisal', 'publish', { id: ID }, SUP);
    const list = b.docs('rectificationLists').find((l) => l.orgId === 'demo-branch');
    expect(list.items).toEqual([
      expect.objectContaining({
        source: 'democraticAppraisal',
        ownerId: 'demo-member-3',
        deadline: '2027-06-01',
      }),
    ]);
  });
});

describe('an 不合格 member’s own result [APR-12] [APR-16]', () => {
  it('tells them the grade and the handling recorded, in words [APR-12] [APR-16]', async () => {
    seedDemocratic(b, { step: 'feedback', tally: tallyOf(8), decision: unqualifiedM1() });
    await b.ok('appraisal', 'publish', { id: ID }, SUP);
    await b.ok(
      'appraisal',
      'recordHandling',
      {
        id: ID,
        memberId: 'demo-member-1',
        option: 'correction',
        months: 12,
        assembly: { ref: '支部党员大会记录', on: '2026-12-01' },
      },
      SEC,
    );
    const r = await b.ok('appraisal', 'result', { id: ID }, 'demo-member-1');
    expect(r).toMatchObject({ grade: 'unqualified', commended: false });
    expect(r.feedback).toBe(
      '评定为“不合格”。进行教育转化，或由支部稳妥慎重地作出组织处置。处理方式：限期改正，2027年12月1日前',
    );
  });
});
