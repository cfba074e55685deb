/** @jest-environment ./tests/setup/page-environment.ts */
// 评定党员等次 and 我的评议结果, against the real backend [APR-05, APR-06, APR-09, APR-10,
// APR-12, PRIV-21]: the committee's board side by side, the 优秀 meter counting the picks on
// screen, the quota refused by the backend and shown, a reason asked where the grade departs from
// the clear majority, the caller's own case left to the others; then each member's own result,
// privately, and nobody else's.
import { absentFrom, ID, seedDemocratic, tallyOf } from '../support/democratic-kit';
import {
  actAs,
  answerDialogs,
  find,
  loadPage,
  openPage,
  tap,
  textOf,
  typeText,
  useBackend,
} from '../setup/simulate';

const server = useBackend('demo');
const SEC = 'demo-secretary';
const ORG = 'demo-organizer';
const M = (i: number) => `demo-member-${i}`;
let board: string;
let result: string;

beforeAll(() => {
  board = loadPage('subpackages/appraisal/dboard/index');
  result = loadPage('subpackages/appraisal/result/index');
});

afterEach(() => jest.restoreAllMocks());

/** 7 正式 (quota 2): 陈明 has a clear majority of 优秀, everyone else of 合格. */
const seed = () =>
  seedDemocratic(server.backend, {
    tally: tallyOf(8, { [M(1)]: { excellent: 6, qualified: 2 } }),
  });
const decision = () =>
  (server.backend.docs('democraticAppraisals')[0] as { decision: any }).decision;
const pick = (p: Awaited<ReturnType<typeof openPage>>, who: string, grade: string) =>
  tap(p, `.member-${who} .grade-${grade}`);

describe('评定党员等次 [APR-05, APR-06, APR-09, APR-10]', () => {
  it('shows each member side by side, the 预备党员 without a grade, and the caller’s own case left to the others [APR-06] [PRIV-21]', async () => {
    seed();
    actAs(SEC);
    const p = await openPage(board, { id: ID });
    const chen = textOf(find(p, `.member-${M(1)}`));
    for (const part of [
      '陈明的个人自评',
      '陈明的互评情况',
      '优秀6票',
      '先锋指数',
      '参考等次：优秀',
    ])
      expect(chen).toContain(part);
    const prob = textOf(find(p, '.member-demo-probationary'));
    expect(prob).toContain('预备党员参加评议，但不评定等次');
    expect(find(p, '.member-demo-probationary .grade-qualified')).toBeUndefined();
    expect(textOf(find(p, `.member-${SEC}`))).toContain('您本人的等次由支部委员会其他同志评定');
    expect(find(p, `.member-${SEC} .grade-qualified`)).toBeUndefined();
    expect(textOf(p)).toContain('“优秀”最多2人，已选0人，还可选2人');
  });

  it('asks for every grade, shows the quota over on the meter and the backend’s refusal, and stores nothing [APR-09] [APR-05]', async () => {
    seed();
    actAs(SEC);
    const p = await openPage(board, { id: ID });
    const dialogs = answerDialogs(true);
    await tap(p, '.decide-button', '.t-button');
    expect(textOf(p)).toContain('请为陈明评定等次');
    expect(dialogs).not.toHaveBeenCalled();

    for (const m of [M(1), M(2), M(3)]) await pick(p, m, 'excellent');
    for (const m of [M(4), 'demo-mobile', ORG]) await pick(p, m, 'qualified');
    expect(textOf(p)).toContain('“优秀”最多2人，已选3人，超出1人');
    for (const m of [M(2), M(3)])
      await typeText(p, `.member-${m} .reason-input`, '全年带头完成志愿服务');
    await tap(p, '.decide-button', '.t-button');
    expect(textOf(p)).toContain('“优秀”最多2名，现在评了3名');
    expect(decision()).toBeNull();
  });

  it('asks a reason for a grade other than the clear majority, then records the grades [APR-10]', async () => {
    seed();
    actAs(SEC);
    const p = await openPage(board, { id: ID });
    await pick(p, M(1), 'excellent');
    await pick(p, M(2), 'excellent');
    for (const m of [M(3), M(4), 'demo-mobile', ORG]) await pick(p, m, 'qualified');
    expect(find(p, `.member-${M(2)} .reason-input`)).toBeDefined();
    expect(find(p, `.member-${M(3)} .reason-input`)).toBeUndefined();
    answerDialogs(true);
    await tap(p, '.decide-button', '.t-button');
    expect(textOf(p)).toContain('请写明为刘洋这样评定的理由');
    expect(decision()).toBeNull();

    await typeText(p, `.member-${M(2)} .reason-input`, '抗洪抢险中表现突出');
    await tap(p, '.decide-button', '.t-button');
    expect(textOf(p)).toContain('等次已签字确认');
    expect(decision()).toMatchObject({
      grades: { [M(1)]: 'excellent', [M(2)]: 'excellent', [M(3)]: 'qualified' },
      reasons: { [M(2)]: '抗洪抢险中表现突出' },
    });
    expect(decision().grades[SEC] ?? null).toBeNull();
  });
});

describe('a flag needs an explicit choice [APR-10, TD-22]', () => {
  it('shows the absences flag and asks 评为不合格 or a reason before anything is stored [APR-10] [TD-22]', async () => {
    absentFrom(server.backend, M(2), ['2026-08', '2026-09', '2026-10']);
    seed();
    actAs(SEC);
    const p = await openPage(board, { id: ID });
    const card = `.member-${M(2)}`;
    expect(textOf(find(p, card))).toContain('不评为不合格，写明理由');
    expect(find(p, `${card} .flag`)).toBeDefined();
    await pick(p, M(1), 'excellent');
    for (const m of [M(2), M(3), M(4), 'demo-mobile', ORG]) await pick(p, m, 'qualified');
    // Picking 合格 is itself the choice 不评为不合格, so the reason box opens and is asked for.
    expect(p.data.members.find((m: { id: string }) => m.id === M(2)).flag).toBe('keep');
    answerDialogs(true);
    await tap(p, '.decide-button', '.t-button');
    expect(textOf(p)).toContain('请写明为刘洋这样评定的理由');
    expect(decision()).toBeNull();

    await tap(p, `${card} .flag-unqualified`);
    expect(textOf(find(p, `${card} .grade-unqualified`))).toContain('●');
    await tap(p, `${card} .flag-keep`);
    await pick(p, M(2), 'qualified');
    await typeText(p, `${card} .reason-input`, '三次缺席均因住院治疗，已补交病假证明');
    await tap(p, '.decide-button', '.t-button');
    expect(textOf(p)).toContain('等次已签字确认');
    expect(decision().reasons[M(2)]).toBe('三次缺席均因住院治疗，已补交病假证明');
  });
});

describe('我的评议结果 [APR-12]', () => {
  it('says nothing is fed back yet, then shows each member their own grade and nobody else’s [APR-12]', async () => {
    seed();
    actAs(M(1));
    const before = await openPage(result, { id: ID });
    expect(textOf(before)).toContain('支部还没有向您反馈评议结果');

    const b = server.backend;
    const others = {
      [M(3)]: 'qualified',
      [M(4)]: 'qualified',
      'demo-mobile': 'qualified',
    } as const;
    await b.ok(
      'appraisal',
      'decide',
      {
        id: ID,
        grades: { [M(1)]: 'excellent', [M(2)]: 'qualified', [SEC]: 'qualified', ...others },
      },
      ORG,
    );
    await b.ok('appraisal', 'decide', { id: ID, grades: { [ORG]: 'qualified' } }, SEC);
    actAs(SEC);
    const p = await openPage(board, { id: ID });
    answerDialogs(true);
    await tap(p, '.publish-button', '.t-button');
    expect(textOf(p)).toContain('结果已反馈给每位党员本人');

    actAs(M(1));
    const mine = await openPage(result, { id: ID });
    const text = textOf(mine);
    expect(text).toContain('我的评议结果');
    expect(text).toContain('优秀');
    expect(text).toContain('只有您本人、支部委员会和上级党组织能看到');
    for (const name of ['刘洋', '杨帆', '李红']) expect(text).not.toContain(name);

    actAs(M(2));
    const other = await openPage(result, { id: ID });
    expect(textOf(find(other, '.result__grade'))).toBe('合格');
  });
});
