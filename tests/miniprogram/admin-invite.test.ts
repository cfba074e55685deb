/** @jest-environment ./tests/setup/page-environment.ts */
// 邀请党员绑定 and the 支部管理 entry points of 我的, against the real backend: the secretary
// issues a code for a member not yet bound, sees it big with its expiry, shares it as a card that
// opens the bind page with the code typed in, and the newcomer binds with it. A plain member
// sees no 支部管理 at all.
import { actAs, find, loadPage, openPage, tap, textOf, useBackend, wx } from '../setup/simulate';

const server = useBackend('demo');
let mePage: string;
let invitePage: string;
let bindPage: string;

beforeAll(() => {
  mePage = loadPage('pages/me/index/index');
  invitePage = loadPage('subpackages/org/invite/index');
  bindPage = loadPage('pages/me/bind/index');
});

afterEach(() => jest.restoreAllMocks());

describe('邀请党员绑定', () => {
  it('should issue a single-use code, show it grouped with its expiry, and share a card that binds', async () => {
    actAs('demo-secretary');
    const page = await openPage(invitePage);
    expect(textOf(page)).toContain('赵新');
    expect(textOf(page)).toContain('位党员已绑定微信');
    await tap(page, '.person-demo-newcomer .create-button', '.t-button');

    const invite = server.backend
      .docs('invites')
      .find((i) => i.memberId === 'demo-newcomer' && i._id !== 'DEMO-INVITE');
    expect(invite).toBeDefined();
    const code: string = invite._id;
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    const card = textOf(find(page, '.code-card'));
    expect(card).toContain(`${code.slice(0, 4)} ${code.slice(4)}`);
    // Issued at 2026-12-01 09:00 Beijing, valid for 7 days.
    expect(card).toContain('12月8日 09:00 前有效');
    expect(card).not.toMatch(/[A-Za-z]{2,}.*[a-z]/);

    const copy = jest.spyOn(wx, 'setClipboardData').mockImplementation(() => undefined);
    await tap(page, '.copy-button', '.t-button');
    expect(copy).toHaveBeenCalledWith(expect.objectContaining({ data: code }));

    const share = page.instance.onShareAppMessage();
    expect(share.title).toContain('赵新');
    expect(share.path).toBe(`/pages/me/bind/index?code=${code}`);

    // The card opens the bind page with the code already typed in.
    actAs('wx-zhaoxin');
    const bind = await openPage(bindPage, { code });
    expect(bind.data.code).toBe(code);
    await tap(bind, '.consent-box', '.t-checkbox');
    jest.spyOn(wx, 'switchTab').mockImplementation(() => undefined);
    await tap(bind, '.bind-button', '.t-button');
    expect(server.backend.docs('bindings').find((b) => b._id === 'wx-zhaoxin')?.memberId).toBe(
      'demo-newcomer',
    );
  });

  it('should say so when every member is bound, and show the backend refusal on a second code', async () => {
    actAs('demo-secretary');
    const page = await openPage(invitePage);
    await server.backend.ok('org', 'bind', { code: 'DEMO-INVITE' }, 'wx-other');
    await tap(page, '.person-demo-newcomer .create-button', '.t-button');
    expect(textOf(find(page, '.message'))).toBe('该党员已绑定微信，无需再发邀请码');
    expect(find(page, '.code-card')).toBeUndefined();
  });

  it('should turn a plain member away from the invite page', async () => {
    actAs('demo-member-1');
    const page = await openPage(invitePage);
    expect(textOf(page)).toContain('只有支部委员可以邀请党员绑定');
    expect(find(page, '.create-button')).toBeUndefined();
  });
});

describe('我的 · 支部管理', () => {
  it('should offer the secretary every administrator page her permissions allow', async () => {
    actAs('demo-secretary');
    const page = await openPage(mePage);
    const admin = textOf(find(page, '.admin-links'));
    for (const title of [
      '邀请党员绑定',
      '新建活动',
      '评定加扣分',
      '积分标准',
      '支委分工',
      '支部设置',
    ])
      expect(admin).toContain(title);
  });

  it('should show a plain member no 支部管理 section', async () => {
    actAs('demo-member-1');
    const page = await openPage(mePage);
    expect(textOf(page)).toContain('我的党费');
    expect(find(page, '.admin-links')).toBeUndefined();
    expect(textOf(page)).not.toContain('支部管理');
  });

  it('should offer the 组织委员 and 记分员 the points pages but not 支部设置 or 支委分工', async () => {
    actAs('demo-organizer');
    const page = await openPage(mePage);
    const admin = textOf(find(page, '.admin-links'));
    expect(admin).toContain('评定加扣分');
    expect(admin).toContain('积分标准');
    expect(admin).not.toContain('支部设置');
    expect(admin).not.toContain('支委分工');
  });
});
