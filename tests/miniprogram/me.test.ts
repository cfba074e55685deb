/** @jest-environment ./tests/setup/page-environment.ts */
// 我的 page against the real backend: who the member is, the error state, large text.
import { actAs, loadPage, openPage, settle, tap, textOf, useBackend, wx } from '../setup/simulate';

const server = useBackend('demo');
let mePage: string;

beforeAll(() => {
  mePage = loadPage('pages/me/index/index');
});

describe('我的', () => {
  it('should show the secretary her name, branch, status and the 书记 role', async () => {
    actAs('demo-secretary');
    const page = await openPage(mePage);
    const text = textOf(page);
    expect(text).toContain('李红');
    expect(text).toContain('机关第一党支部');
    expect(text).toContain('正式党员');
    expect(text).toContain('书记');
    expect(text).not.toContain('secretary');
  });

  it('should name every role of a member who holds two, in Chinese', async () => {
    actAs('demo-organizer');
    const text = textOf(await openPage(mePage));
    expect(text).toContain('张伟');
    expect(text).toContain('组织委员');
    expect(text).toContain('记分员');
  });

  it('should mark a probationary member and a 流动党员', async () => {
    actAs('demo-probationary');
    expect(textOf(await openPage(mePage))).toContain('预备党员');
    actAs('demo-mobile');
    const text = textOf(await openPage(mePage));
    expect(text).toContain('马骏');
    expect(text).toContain('流动党员');
  });

  it('should show the bind prompt, not an error, to a WeChat user who is not bound', async () => {
    actAs('wx-stranger');
    const page = await openPage(mePage);
    expect(textOf(page)).toContain('尚未绑定党员身份');
    expect(page.querySelector('.page__bind-prompt')).toBeTruthy();
  });

  it("should show the backend's own Chinese message when org.me fails, and recover on 重试", async () => {
    // A member record the function cannot read makes org.me fail inside the real backend.
    const doc = server.backend.emulator.store.get('members')!.get('demo-secretary')!;
    const roles = doc.roles;
    doc.roles = 'unreadable';
    jest.spyOn(console, 'error').mockImplementation(() => undefined); // the function logs it
    const refused = await server.backend.invoke(
      'org',
      { action: 'me', data: {} },
      'demo-secretary',
    );
    expect(refused.ok).toBe(false);
    const { code, message } = (refused as { error: { code: string; message: string } }).error;

    actAs('demo-secretary');
    const page = await openPage(mePage);
    expect(textOf(page)).toContain(message);
    expect(textOf(page)).not.toContain(code);
    expect(textOf(page)).not.toContain('李红');

    doc.roles = roles;
    await tap(page, '.page__state', '.state-view__retry', '.t-button');
    expect(textOf(page)).toContain('李红');
  });

  it('should say 网络异常 when the call never reaches the backend', async () => {
    jest.spyOn(wx.cloud, 'callFunction').mockRejectedValueOnce(new Error('request:fail timeout'));
    actAs('demo-secretary');
    const text = textOf(await openPage(mePage));
    expect(text).toContain('网络异常，请稍后重试');
    expect(text).not.toContain('NETWORK');
  });

  it('should switch every text to the large size and remember it', async () => {
    actAs('demo-elder');
    const page = await openPage(mePage);
    expect(page.querySelector('.page--large')).toBeUndefined();

    await tap(page, '.large-switch', '.t-switch');
    expect(page.querySelector('.page--large')).toBeTruthy();

    const reopened = await openPage(mePage);
    expect(reopened.querySelector('.page--large')).toBeTruthy();

    await tap(reopened, '.large-switch', '.t-switch');
    await settle();
    expect(reopened.querySelector('.page--large')).toBeUndefined();
  });
});

afterEach(() => jest.restoreAllMocks());
