/** @jest-environment ./tests/setup/page-environment.ts */
// 党费收缴 (the organizer's monthly collection sheet) against the real backend: marking a month
// paid with the amount prefilled and a proxy, the note a make-up more than six months back
// needs, 核定 a member's amount without the base staying on screen, arrears worded as a prompt
// to talk, and the secretary's half-yearly publication. Phone and backend share 15 Sep 2026.
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
  type PageComponent,
} from '../setup/simulate';

const server = useBackend('demo');
let collectPage: string;

const NOW = Date.parse('2026-09-15T02:00:00Z');
const ORGANIZER = 'demo-organizer';

beforeAll(() => {
  collectPage = loadPage('subpackages/dues/collect/index');
});

beforeEach(() => {
  server.backend.emulator.clock.freeze(NOW);
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
});

afterEach(() => {
  jest.restoreAllMocks();
  server.backend.restoreClock();
});

async function setBase(memberId: string, baseFen: number, fromMonth = '2026-01') {
  await server.backend.ok(
    'dues',
    'setBase',
    { memberId, year: 2026, category: 'salaried', baseFen, fromMonth },
    ORGANIZER,
  );
}

async function pickMonth(page: PageComponent, month: number): Promise<void> {
  page.querySelector('.month-picker')!.dispatchEvent('change', { detail: { value: month - 1 } });
  await settle();
}

function rowOf(page: PageComponent, memberId: string) {
  return page.data.rows.find((r: any) => r.memberId === memberId);
}

const paymentsOf = (memberId: string) =>
  server.backend.docs('duesPayments').filter((p) => p.memberId === memberId);

describe('党费收缴', () => {
  it('should mark this month paid with the due amount prefilled and the proxy named [FEE-21]', async () => {
    await setBase('demo-member-1', 510000);
    actAs(ORGANIZER);
    const page = await openPage(collectPage);
    expect(textOf(page)).toContain('2026年9月');
    expect(rowOf(page, 'demo-member-1')).toMatchObject({
      name: '陈明',
      dueText: '应交 76.50 元',
      statusText: '未交',
      canPay: true,
    });
    expect(rowOf(page, 'demo-member-2')).toMatchObject({ statusText: '未核定', canPay: false });
    // Still to pay first, then paid, then not yet 核定.
    expect(page.data.rows[0]).toMatchObject({ memberId: 'demo-member-1', header: '待交（1 人）' });
    expect(textOf(page)).toContain('未核定（13 人）');

    await tap(page, '.row-demo-member-1 .pay-button', '.t-button');
    expect(page.data.amount).toBe('76.50');
    expect(find(page, '.row-demo-member-1 .note-input')).toBeUndefined();
    await typeText(page, `${'.row-demo-member-1'} ${'.proxy-input'}`, '王芳');
    await tap(page, '.row-demo-member-1 .pay-submit', '.t-button');

    expect(paymentsOf('demo-member-1')).toEqual([
      expect.objectContaining({
        month: '2026-09',
        amountFen: 7650,
        proxy: { memberId: null, name: '王芳' },
        recordedBy: 'demo-organizer',
      }),
    ]);
    const text = textOf(page);
    expect(text).toContain('已登记 陈明 9月党费 76.50 元（由 王芳 代交）');
    expect(text).toContain('9月应交 1 人，已交齐 1 人，共收 76.50 元');
    expect(rowOf(page, 'demo-member-1')).toMatchObject({ statusText: '已交', canPay: false });
    expect(textOf(page)).toContain('已交齐（1 人）');
  });

  it('should ask for a note up front for a make-up more than six months back [FEE-25]', async () => {
    await setBase('demo-member-1', 510000);
    actAs(ORGANIZER);
    const page = await openPage(collectPage);
    await pickMonth(page, 2); // February: seven months back
    await tap(page, '.row-demo-member-1 .pay-button', '.t-button');
    expect(find(page, '.row-demo-member-1 .note-input')).toBeTruthy();

    await tap(page, '.row-demo-member-1 .pay-submit', '.t-button');
    expect(textOf(page)).toContain('补交6个月以前的党费，请写明情况说明');
    expect(paymentsOf('demo-member-1')).toHaveLength(0);

    await typeText(
      page,
      `${'.row-demo-member-1'} ${'.note-input'}`,
      '外出务工期间未能按月交纳，本人返乡后补交',
    );
    await tap(page, '.row-demo-member-1 .pay-submit', '.t-button');
    expect(paymentsOf('demo-member-1')).toEqual([
      expect.objectContaining({
        month: '2026-02',
        note: '外出务工期间未能按月交纳，本人返乡后补交',
      }),
    ]);
    expect(textOf(page)).toContain('已附补交情况说明');
  });

  it("should show the note box with the backend's message when the backend asks for one [FEE-25]", async () => {
    await setBase('demo-member-1', 510000);
    actAs(ORGANIZER);
    const page = await openPage(collectPage);
    // The backend's day is later than the phone's: to it, September is now a long make-up.
    server.backend.emulator.clock.freeze(Date.parse('2027-05-15T02:00:00Z'));
    await tap(page, '.row-demo-member-1 .pay-button', '.t-button');
    expect(find(page, '.row-demo-member-1 .note-input')).toBeUndefined();
    await tap(page, '.row-demo-member-1 .pay-submit', '.t-button');
    const text = textOf(page);
    expect(text).toContain('补交6个月以前的党费，请写明情况说明');
    expect(text).not.toContain('DUES');
    expect(find(page, '.row-demo-member-1 .note-input')).toBeTruthy();
    expect(paymentsOf('demo-member-1')).toHaveLength(0);

    await typeText(page, `${'.row-demo-member-1'} ${'.note-input'}`, '长期外出，返回后补交');
    await tap(page, '.row-demo-member-1 .pay-submit', '.t-button');
    expect(paymentsOf('demo-member-1')).toHaveLength(1);
  });

  it('should 核定 a member from the chosen month and not keep the base on screen [FEE-16, DIS-09]', async () => {
    actAs(ORGANIZER);
    const page = await openPage(collectPage);
    await tap(page, '.row-demo-member-2 .base-link');
    await typeText(page, `${'.row-demo-member-2'} ${'.base-input'}`, '4900');
    await tap(page, '.row-demo-member-2 .base-submit', '.t-button');

    expect(server.backend.docs('duesBases')).toEqual([
      expect.objectContaining({
        memberId: 'demo-member-2',
        category: 'salaried',
        monthlyFen: 4900,
        fromMonth: '2026-09',
      }),
    ]);
    const text = textOf(page);
    expect(text).toContain('已核定 刘洋：自9月起每月 49.00 元');
    expect(rowOf(page, 'demo-member-2')).toMatchObject({ dueText: '应交 49.00 元', canPay: true });
    expect(page.data.base).toBe('');
    expect(text).not.toContain('4900');
  });

  it('should list members with unpaid months as a prompt to talk, never a verdict [FEE-23]', async () => {
    await setBase('demo-member-3', 300000);
    await setBase('demo-member-4', 300000, '2026-08');
    actAs(ORGANIZER);
    const page = await openPage(collectPage);
    const text = textOf(page);
    expect(text).toContain('需要关心的党员');
    // Overdue months only: September is due by its end [FEE-24].
    expect(text).toContain('杨帆：8 个月未交齐（1月、2月、3月、4月、5月、6月等）');
    expect(text).toContain('连续6个月未交纳党费，请支部了解情况、谈心提醒（不自动处理）');
    expect(text).toContain('黄磊：1 个月未交齐（8月）');
    expect(text).toContain('不作为处理结论');
    expect(page.data.arrears.find((a: any) => a.key === 'demo-member-4').alert).toBe('');
    expect(text).not.toMatch(/脱党|除名|处分/);
  });

  it('should show another month of the year when picked', async () => {
    await setBase('demo-member-1', 510000);
    await server.backend.ok(
      'dues',
      'pay',
      { memberId: 'demo-member-1', month: '2026-08', amountFen: 5000 },
      ORGANIZER,
    );
    actAs(ORGANIZER);
    const page = await openPage(collectPage);
    expect(page.data.monthNames).toHaveLength(9);
    await pickMonth(page, 8);
    expect(rowOf(page, 'demo-member-1')).toMatchObject({
      statusText: '少交',
      paidText: '已交 50.00 元',
      canPay: true,
      owed: '26.50',
    });
  });

  it('should turn a plain member away [PRIV-05]', async () => {
    actAs('demo-member-1');
    const page = await openPage(collectPage);
    expect(textOf(page)).toContain('只有组织委员、党费管理员或书记可以查看党费收缴情况');
    expect(find(page, '.sheet')).toBeUndefined();
  });

  it('should show the secretary the sheet read-only: she reads the ledger but does not record [FEE-27]', async () => {
    await setBase('demo-member-1', 510000);
    actAs('demo-secretary');
    const page = await openPage(collectPage);
    const text = textOf(page);
    expect(text).toContain('9月应交 1 人，已交齐 0 人，共收 0.00 元');
    expect(rowOf(page, 'demo-member-1')).toMatchObject({ statusText: '未交', canPay: true });
    expect(text).toContain('党费由组织委员或党费管理员登记，此处仅供查看');
    // No button that the backend would refuse her (dues.pay and dues.setBase need dues.record).
    expect(find(page, '.row-demo-member-1 .pay-button')).toBeUndefined();
    expect(find(page, '.row-demo-member-1 .base-link')).toBeUndefined();
    const refused = await server.backend.err(
      'dues',
      'pay',
      { memberId: 'demo-member-1', month: '2026-09', amountFen: 7650 },
      'demo-secretary',
    );
    expect(refused.code).toBe('AUTH.FORBIDDEN');
  });

  it("should let the 组织委员 publish the half-year's months and amounts, never the base [DIS-08, DIS-09]", async () => {
    await setBase('demo-member-1', 510000);
    await server.backend.ok(
      'dues',
      'pay',
      { memberId: 'demo-member-1', month: '2026-03', amountFen: 7650 },
      ORGANIZER,
    );
    actAs(ORGANIZER);
    const page = await openPage(collectPage);
    expect(textOf(page)).toContain('公开2026年上半年党费收缴情况');
    jest.spyOn(wx, 'showModal').mockImplementation((opts: any) => {
      setTimeout(() => opts.success({ confirm: true, cancel: false }), 0);
    });
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    await tap(page, '.publish-button', '.t-button');

    const [notice] = server.backend.docs('notices');
    // The half-year that has ended: in September, the first half.
    expect(notice).toMatchObject({ category: '党费缴纳', title: '2026年上半年党费收缴情况公开' });
    expect(notice.body).toContain('陈明：已交1/6个月，计76.50元');
    expect(notice.body).not.toMatch(/5100|510000/);
    expect(navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: `/subpackages/notice/detail/index?id=${notice._id}` }),
    );
  });

  it('should offer the secretary the publication too, and nobody who may not publish', async () => {
    actAs('demo-secretary');
    expect(textOf(await openPage(collectPage))).toContain('公开2026年上半年党费收缴情况');
    actAs('demo-member-1');
    expect(find(await openPage(collectPage), '.publish-button')).toBeUndefined();
  });
});
