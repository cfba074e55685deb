/** @jest-environment ./tests/setup/page-environment.ts */
// What every page gets from definePage() (miniprogram/utils/define-page.ts), against the real
// backend: the caller's org.me asked once per app start and shared by every page, forgotten when
// it may have changed (another identity, a bind, an answer that the caller is not bound), and
// one action at a time while a tap is being answered.
import {
  actAs,
  find,
  loadPage,
  openPage,
  settle,
  showPage,
  tap,
  textOf,
  typeText,
  useBackend,
  wx,
} from '../setup/simulate';

const server = useBackend('demo');
let homePage: string;
let detailPage: string;
let noticeListPage: string;
let duesMinePage: string;
let calcPage: string;

beforeAll(() => {
  homePage = loadPage('pages/home/index/index');
  detailPage = loadPage('subpackages/activity/detail/index');
  noticeListPage = loadPage('subpackages/notice/list/index');
  duesMinePage = loadPage('subpackages/dues/mine/index');
  calcPage = loadPage('subpackages/dues/calc/index');
});

afterEach(() => jest.restoreAllMocks());

const THEME_DAY = 'demo-theme-day';

/** Spies on the platform's callFunction and counts the calls of one action. */
function countCalls() {
  const spy = jest.spyOn(wx.cloud, 'callFunction');
  const actions = () => spy.mock.calls.map(([opts]: any[]) => `${opts.name}.${opts.data.action}`);
  return { actions, count: (action: string) => actions().filter((a) => a === action).length };
}

describe('org.me, once per app start', () => {
  it('should cost one org.me for a tab and two subpackage pages', async () => {
    const calls = countCalls();
    actAs('demo-member-1');
    expect(textOf(await openPage(homePage))).toContain('您好，陈明');
    const detail = await openPage(detailPage, { id: THEME_DAY });
    expect(textOf(detail)).toContain('主题党日');
    const notices = await openPage(noticeListPage);
    expect(textOf(notices)).toContain('机关第一党支部');
    await showPage(detail); // back to a page already open: its show asks nothing about the caller

    expect(calls.count('org.me')).toBe(1);
    expect(calls.actions()).toEqual(
      expect.arrayContaining(['activity.get', 'notice.status', 'notice.list']),
    );
  });

  it('should share one org.me between pages opened at the same moment', async () => {
    const calls = countCalls();
    actAs('demo-member-1');
    await Promise.all([openPage(detailPage, { id: THEME_DAY }), openPage(duesMinePage)]);
    expect(calls.count('org.me')).toBe(1);
  });

  it('should ask again after the demo identity is switched on 我的 (local mode)', async () => {
    const calls = countCalls();
    actAs('demo-member-1');
    await openPage(noticeListPage);
    // The service 我的 calls on a switch; the cached answer belongs to the previous identity.
    require('../../miniprogram/services/dev-identity').setDevOpenid('demo-secretary');
    await openPage(duesMinePage);
    expect(calls.count('org.me')).toBe(2);
  });

  it('should not remember that a caller is unbound, so a bind made meanwhile shows at once', async () => {
    const calls = countCalls();
    actAs('wx-newcomer');
    expect(textOf(await openPage(noticeListPage))).toContain('尚未绑定党员身份');
    await server.backend.ok('org', 'bind', { code: 'DEMO-INVITE' }, 'wx-newcomer');
    const mine = await openPage(duesMinePage);
    expect(textOf(mine)).not.toContain('尚未绑定党员身份');
    expect(calls.count('org.me')).toBe(2);
  });

  it('should forget the member when the backend answers that the caller is no longer bound', async () => {
    actAs('demo-member-2');
    await openPage(homePage);
    // The binding is withdrawn while the app runs (the member moved away).
    server.backend.emulator.store.get('members')!.get('demo-member-2')!.openid = null;
    server.backend.emulator.store.get('bindings')!.delete('demo-member-2');
    const calls = countCalls();
    const notices = await openPage(noticeListPage);
    expect(textOf(notices)).toContain('尚未绑定党员身份');
    expect(notices.data.status).toBe('unbound');

    await openPage(duesMinePage);
    expect(calls.count('org.me')).toBe(1); // asked again after the refusal, not served from memory
  });
});

describe('one action at a time', () => {
  it('should send one request for two quick taps', async () => {
    const calls = countCalls();
    actAs('demo-member-3');
    const page = await openPage(calcPage);
    await typeText(page, '.base-input', '5100');
    // The second tap arrives before the button has redrawn as loading.
    page.instance.onCalculate();
    expect(page.data.busy).toBe(true);
    page.instance.onCalculate();
    await settle();

    expect(calls.count('dues.calculate')).toBe(1);
    expect(page.data.busy).toBe(false);
    expect(textOf(page)).toContain('76.50');
  });

  it("should put the backend's Chinese message where the page shows it, and keep the page", async () => {
    actAs('demo-member-3');
    const page = await openPage(detailPage, { id: THEME_DAY });
    // 请假 is no longer offered once the cut-off has passed; a form left open from before still
    // submits, and the backend's refusal is what the member reads.
    expect(find(page, '.leave-button')).toBeUndefined();
    page.instance.onOpenPanel({ currentTarget: { dataset: { panel: 'leave' } } });
    await settle();
    await typeText(page, '.reason-input', '出差在外');
    await tap(page, '.leave-submit', '.t-button');
    const refused = await server.backend.err(
      'activity',
      'requestLeave',
      { activityId: THEME_DAY, reason: '出差在外' },
      'demo-member-4',
    );
    expect(page.data.formError).toBe(refused.message);
    expect(textOf(page)).toContain(refused.message);
    expect(textOf(page)).not.toContain(refused.code);
    expect(page.data).toMatchObject({ status: 'ready', busy: false });
  });
});
