/** @jest-environment ./tests/setup/page-environment.ts */
// 我的党费 and the 党费计算器 against the real backend. The phone and the backend share one
// fixed day (15 September 2026, Beijing time) so "this month" is the same on both.
import {
  actAs,
  find,
  loadPage,
  openPage,
  settle,
  tap,
  textOf,
  useBackend,
  type PageComponent,
} from '../setup/simulate';

const server = useBackend('demo');
let minePage: string;
let calcPage: string;

const NOW = Date.parse('2026-09-15T02:00:00Z');
const ORGANIZER = 'demo-organizer';

beforeAll(() => {
  minePage = loadPage('subpackages/dues/mine/index');
  calcPage = loadPage('subpackages/dues/calc/index');
});

beforeEach(() => {
  server.backend.emulator.clock.freeze(NOW);
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
});

afterEach(() => {
  jest.restoreAllMocks();
  server.backend.restoreClock();
});

async function typeBase(page: PageComponent, value: string): Promise<void> {
  find(page, '.base-input', '.t-input__control')!.dispatchEvent('input', { detail: { value } });
  await settle();
}

async function pickCategory(page: PageComponent, index: number): Promise<void> {
  page.querySelector('.category-picker')!.dispatchEvent('change', { detail: { value: index } });
  await settle();
}

async function calculate(page: PageComponent): Promise<string> {
  await tap(page, '.calc-button', '.t-button');
  return textOf(page);
}

describe('我的党费', () => {
  it('should show the monthly amount, the months paid and a proxy payment the organizer recorded [FEE-21]', async () => {
    await server.backend.ok(
      'dues',
      'setBase',
      { memberId: 'demo-member-1', year: 2026, category: 'salaried', baseFen: 510000 },
      ORGANIZER,
    );
    await server.backend.ok(
      'dues',
      'pay',
      { memberId: 'demo-member-1', month: '2026-09', amountFen: 7650, proxyName: '王芳' },
      ORGANIZER,
    );

    actAs('demo-member-1');
    const page = await openPage(minePage);
    const text = textOf(page);
    expect(text).toMatch(/每月应交党费\s*76\.50 元/);
    expect(text).toContain('在职（按月领取工资）');
    expect(text).toContain('今年已交 1 个月，共 76.50 元');
    expect(text).toContain('9月党费');
    expect(text).toContain('9月15日交纳');
    expect(text).toContain('由 王芳 代交');
    expect(text).toContain('1月、2月、3月、4月、5月、6月、7月、8月尚未交齐');
    expect(page.data.d.months.find((m: any) => m.key === '2026-09')).toMatchObject({
      statusText: '已交',
      amount: '76.50 元',
    });
    expect(page.data.d.months.find((m: any) => m.key === '2026-08')).toMatchObject({
      statusText: '未交',
    });
    // The income base is the organizer's to enter, never shown to the member [DIS-09].
    expect(text).not.toMatch(/5100|510000/);
  });

  it('should name only the months past as owed, never the running month [FEE-24]', async () => {
    await server.backend.ok(
      'dues',
      'setBase',
      { memberId: 'demo-member-1', year: 2026, category: 'salaried', baseFen: 510000 },
      ORGANIZER,
    );
    await server.backend.ok(
      'dues',
      'pay',
      { memberId: 'demo-member-1', month: '2026-08', amountFen: 7650 },
      ORGANIZER,
    );

    actAs('demo-member-1');
    const page = await openPage(minePage);
    const owing: string = page.data.d.owingText;
    // 15 September: September can still be paid this month; August is paid.
    expect(owing).toMatch(/^1月、2月、3月、4月、5月、6月、7月尚未交齐/);
    expect(owing).not.toContain('8月');
    expect(owing).not.toContain('9月');
    expect(textOf(page)).toContain('7月尚未交齐');
  });

  it('should say plainly when the branch has not confirmed an amount yet', async () => {
    actAs('demo-member-2');
    const text = textOf(await openPage(minePage));
    expect(text).toContain('支部尚未核定，请联系组织委员');
    expect(text).toContain('今年还没有交纳记录');
  });

  it('should show the bind prompt to an unbound user', async () => {
    actAs('wx-stranger');
    expect(textOf(await openPage(minePage))).toContain('尚未绑定党员身份');
  });
});

describe('党费计算器', () => {
  it('should show 30.01 元 for 3000.01 元 salaried, with the exact 30.0001 and the rounding up [FEE-06, FEE-12]', async () => {
    actAs('demo-member-1');
    const page = await openPage(calcPage);
    expect(page.data.categoryNames[page.data.categoryIndex]).toBe('在职（按月领取工资）');
    await typeBase(page, '3000.01');
    const text = await calculate(page);
    expect(text).toMatch(/每月应交党费\s*30\.01 元/);
    expect(text).toContain('按 1% 计算');
    expect(text).toContain('精确值为 30.0001 元，按规定向上取整到分');
  });

  it('should say there is nothing to round for 3000.00 元, and use 1.5% for 5100.00 元 [FEE-05, FEE-06]', async () => {
    actAs('demo-member-1');
    const page = await openPage(calcPage);
    await typeBase(page, '3000');
    let text = await calculate(page);
    expect(text).toMatch(/每月应交党费\s*15\.00 元/);
    expect(text).toContain('按 0.5% 计算');
    expect(text).toContain('计算结果正好是 15.00 元');
    await typeBase(page, '5100.00');
    text = await calculate(page);
    expect(text).toMatch(/每月应交党费\s*76\.50 元/);
    expect(text).toContain('按 1.5% 计算');
  });

  it('should need no income for a student and show the fixed 0.20 元 [FEE-10]', async () => {
    actAs('demo-member-1');
    const page = await openPage(calcPage);
    await pickCategory(page, 5); // 学生
    expect(find(page, '.base-input')).toBeUndefined();
    expect(textOf(page)).toContain('无需填写收入');
    const text = await calculate(page);
    expect(text).toMatch(/每月应交党费\s*0\.20 元/);
    expect(text).toContain('按规定每月固定交纳');
  });

  it("should show the backend's Chinese refusal for a farmer's amount out of range [FEE-10]", async () => {
    actAs('demo-member-1');
    const page = await openPage(calcPage);
    await pickCategory(page, 4); // 农民
    await typeBase(page, '2');
    const text = await calculate(page);
    expect(text).toContain('农民党员每月交纳0.2元至1元');
    expect(text).not.toContain('DUES');
  });

  it('should refuse what is not an amount in yuan before asking the backend, and store nothing', async () => {
    actAs('demo-member-1');
    const page = await openPage(calcPage);
    await typeBase(page, '3000.001');
    expect(await calculate(page)).toContain('请填写金额（元），最多两位小数');
    await typeBase(page, '4800');
    expect(await calculate(page)).toContain('48.00 元');
    expect(server.backend.docs('duesBases')).toHaveLength(0);
  });
});
