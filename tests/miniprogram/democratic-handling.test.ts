/** @jest-environment ./tests/setup/page-environment.ts */
// 录入流入地结果 and 不合格党员的处置 from the board, against the real backend [APR-16, APR-20]:
// a 流动党员's result from the 流入地 is recorded, not graded again; an 不合格 正式党员's handling
// needs its resolution records (劝退 the assembly and the superior's approval) and changes nothing
// by itself.
import { ID, seedDemocratic, tallyOf } from '../support/democratic-kit';
import {
  actAs,
  find,
  loadPage,
  openPage,
  settle,
  tap,
  textOf,
  typeText,
  useBackend,
  wx,
} from '../setup/simulate';

const server = useBackend('demo');
const SEC = 'demo-secretary';
const ORG = 'demo-organizer';
const M = (i: number) => `demo-member-${i}`;
let board: string;
let handle: string;

beforeAll(() => {
  board = loadPage('subpackages/appraisal/dboard/index');
  handle = loadPage('subpackages/appraisal/handle/index');
});

afterEach(() => jest.restoreAllMocks());

const stored = () => server.backend.docs('democraticAppraisals')[0] as Record<string, any>;
/** Follows the board's link on `selector` to the form page. */
async function follow(p: Awaited<ReturnType<typeof openPage>>, selector: string) {
  const go = jest.spyOn(wx, 'navigateTo');
  await tap(p, selector);
  const url = (go.mock.calls[0][0] as { url: string }).url;
  expect(url.startsWith('/subpackages/appraisal/handle/index?')).toBe(true);
  go.mockRestore();
  return openPage(handle, Object.fromEntries(new URLSearchParams(url.split('?')[1])));
}

describe('录入评议情况 [APR-16, APR-20]', () => {
  it('records the 流入地 result of a 流动党员, which the board then shows as not graded here [APR-20]', async () => {
    seedDemocratic(server.backend, { tally: tallyOf(8) });
    actAs(SEC);
    const p = await openPage(board, { id: ID });
    const form = await follow(p, '.member-demo-mobile .import-go');
    expect(textOf(form)).toContain('马骏');
    await tap(form, '.submit-button', '.t-button');
    expect(textOf(form)).toContain('请写明流入地党组织的名称');
    expect(stored().imported).toEqual({});
    await typeText(form, '.org-input', '深圳市某社区党委');
    await typeText(form, '.proof-input', '流入地党组织出具的书面证明');
    find(form, '.grade-pick')!.dispatchEvent('change', { detail: { value: 1 } }); // 合格
    await settle();
    await tap(form, '.submit-button', '.t-button');
    expect(textOf(form)).toContain('本支部不再重复评定');
    expect(stored().imported['demo-mobile']).toMatchObject({
      grade: 'qualified',
      orgName: '深圳市某社区党委',
    });

    const again = await openPage(board, { id: ID });
    expect(textOf(find(again, '.member-demo-mobile'))).toContain(
      '已在深圳市某社区党委参加评议：合格',
    );
    expect(find(again, '.member-demo-mobile .grade-qualified')).toBeUndefined();
  });

  it('asks the resolution records for 劝退, and records it without touching the member [APR-16]', async () => {
    seedDemocratic(server.backend, {
      tally: tallyOf(8, { [M(4)]: { unqualified: 6, qualified: 2 } }),
    });
    const b = server.backend;
    const rest = {
      [M(1)]: 'qualified',
      [M(2)]: 'qualified',
      [M(3)]: 'qualified',
      'demo-mobile': 'qualified',
    } as const;
    await b.ok(
      'appraisal',
      'decide',
      { id: ID, grades: { ...rest, [M(4)]: 'unqualified', [SEC]: 'qualified' } },
      ORG,
    );
    await b.ok('appraisal', 'decide', { id: ID, grades: { [ORG]: 'qualified' } }, SEC);
    const memberBefore = JSON.stringify(b.docs('members').find((m) => m._id === M(4)));

    actAs(SEC);
    const p = await openPage(board, { id: ID });
    expect(find(p, `.member-${M(1)} .handle-go`)).toBeUndefined();
    const form = await follow(p, `.member-${M(4)} .handle-go`);
    expect(textOf(form)).toContain('不会自动改变党员的身份');
    find(form, '.option-pick')!.dispatchEvent('change', { detail: { value: 2 } }); // 劝退
    await settle();
    await typeText(form, '.assembly-ref-input', '12月5日支部党员大会会议记录');
    find(form, '.assembly-on-pick')!.dispatchEvent('change', { detail: { value: '2026-12-05' } });
    await settle();
    await tap(form, '.submit-button', '.t-button');
    expect(textOf(form)).toContain('报上级党组织批准');
    expect(stored().handling ?? {}).not.toHaveProperty(M(4));

    await typeText(form, '.superior-ref-input', '示范学院党委批复');
    find(form, '.superior-on-pick')!.dispatchEvent('change', { detail: { value: '2026-12-08' } });
    await settle();
    await tap(form, '.submit-button', '.t-button');
    expect(textOf(form)).toContain('已记录：劝退');
    expect(stored().handling[M(4)]).toMatchObject({ option: 'persuadeWithdraw' });
    expect(JSON.stringify(b.docs('members').find((m) => m._id === M(4)))).toBe(memberBefore);
  });
});
