/** @jest-environment ./tests/setup/page-environment.ts */
// Binding a WeChat account with an invite code, through the pages, against the real backend.
import {
  actAs,
  find,
  loadPage,
  openPage,
  settle,
  showPage,
  tap,
  textOf,
  useBackend,
  wx,
  type PageComponent,
} from '../setup/simulate';

const server = useBackend('demo');
let mePage: string;
let bindPage: string;

beforeAll(() => {
  mePage = loadPage('pages/me/index/index');
  bindPage = loadPage('pages/me/bind/index');
});

afterEach(() => jest.restoreAllMocks());

async function enterCode(page: PageComponent, code: string): Promise<void> {
  // What typing does: the native input inside t-input emits `input` with the new value.
  find(page, '.code-input', '.t-input__control')!.dispatchEvent('input', {
    detail: { value: code },
  });
  await settle();
}

const bindButtonDisabled = (page: PageComponent) =>
  !!find(page, '.bind-button', '.t-button--disabled');

describe('绑定党员身份', () => {
  it('should show the privacy notice and keep 绑定 disabled until consent is ticked [PRIV-18]', async () => {
    actAs('wx-newcomer');
    const page = await openPage(bindPage);
    const text = textOf(page);
    expect(text).toContain('个人信息保护说明');
    expect(text).toContain('138****1234');
    expect(text).toContain('不收集身份证号');

    await enterCode(page, 'DEMO-INVITE');
    expect(bindButtonDisabled(page)).toBe(true);
    await tap(page, '.bind-button', '.t-button');
    expect(server.backend.docs('bindings').some((b) => b._id === 'wx-newcomer')).toBe(false);

    await tap(page, '.consent-box', '.t-checkbox');
    expect(bindButtonDisabled(page)).toBe(false);
  });

  it('should take an unbound user from the bind prompt to 我的 showing their member record', async () => {
    actAs('wx-newcomer');
    const me = await openPage(mePage);
    expect(textOf(me)).toContain('尚未绑定党员身份');
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    await tap(me, '.page__bind-prompt', '.bind-prompt__button', '.t-button');
    expect(navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/pages/me/bind/index' }),
    );

    const navigateBack = jest.spyOn(wx, 'navigateBack');
    const bind = await openPage(bindPage);
    await enterCode(bind, 'DEMO-INVITE');
    await tap(bind, '.consent-box', '.t-checkbox');
    await tap(bind, '.bind-button', '.t-button');
    expect(textOf(bind)).toContain('绑定成功');
    expect(navigateBack).toHaveBeenCalled();

    await showPage(me); // back on 我的
    const text = textOf(me);
    expect(text).toContain('赵新');
    expect(text).toContain('机关第一党支部');
    expect(text).not.toContain('尚未绑定党员身份');
  });

  it('should show the Chinese message, not the code, when the invite was already used', async () => {
    await server.backend.ok('org', 'bind', { code: 'DEMO-INVITE' }, 'wx-first-phone');

    actAs('wx-second-phone');
    const bind = await openPage(bindPage);
    await enterCode(bind, 'DEMO-INVITE');
    await tap(bind, '.consent-box', '.t-checkbox');
    await tap(bind, '.bind-button', '.t-button');
    const text = textOf(bind);
    expect(text).toContain('该邀请码已被使用');
    expect(text).not.toContain('INVITE.USED');
    expect(text).not.toContain('绑定成功');
    expect(server.backend.docs('bindings').some((b) => b._id === 'wx-second-phone')).toBe(false);
  });

  it('should say so when the code does not exist', async () => {
    actAs('wx-newcomer');
    const bind = await openPage(bindPage);
    await enterCode(bind, 'NO-SUCH-CODE');
    await tap(bind, '.consent-box', '.t-checkbox');
    await tap(bind, '.bind-button', '.t-button');
    const refused = await server.backend.err('org', 'bind', { code: 'NO-SUCH-CODE' }, 'wx-other');
    expect(textOf(bind)).toContain(refused.message);
  });
});
