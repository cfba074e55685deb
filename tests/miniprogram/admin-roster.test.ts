/** @jest-environment ./tests/setup/page-environment.ts */
// 党员名册, against the real backend: the secretary sees each member's status, marks and whether
// they are bound (phone masked); marks a member 免于积分 only with the decision's reason; gives a
// duty post but is not offered 书记/副书记, which the superior gives; transfers a member out with
// destination and reason. A plain member sees no 名册 entry and is turned away.
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
let rosterPage: string;
let mePage: string;

beforeAll(() => {
  rosterPage = loadPage('subpackages/org/roster/index');
  mePage = loadPage('pages/me/index/index');
});

const memberDoc = (id: string) => server.backend.docs('members').find((m) => m._id === id);

describe('党员名册', () => {
  it('should list every member with status, marks and binding, the phone masked', async () => {
    actAs('demo-secretary');
    const page = await openPage(rosterPage);
    expect(textOf(find(page, '.person-demo-mobile'))).toContain('流动党员');
    expect(textOf(find(page, '.person-demo-elder'))).toContain('免于积分');
    expect(textOf(find(page, '.person-demo-newcomer'))).toContain('尚未绑定微信');
    const secretary = textOf(find(page, '.person-demo-secretary'));
    expect(secretary).toContain('职务：书记');
    expect(secretary).toContain('139****5678');
    expect(textOf(page)).not.toContain('13912345678');
  });

  it('[ORG-15] should exempt only with a reason, and give a duty post but not 副书记', async () => {
    actAs('demo-secretary');
    const page = await openPage(rosterPage);
    await tap(page, '.person-demo-member-1');
    expect(find(page, '.post-deputySecretary')).toBeUndefined();
    await tap(page, '.exempt-button', '.t-button');
    expect(textOf(find(page, '.exempt-error'))).toBe('免于积分须写明决定理由');
    expect(memberDoc('demo-member-1').exempt).toBe(false);

    await typeText(page, '.exempt-reason', '长期患病卧床，经支委会研究免于积分');
    await tap(page, '.exempt-button', '.t-button');
    expect(memberDoc('demo-member-1').exempt).toBe(true);
    expect(memberDoc('demo-member-1').exemptReason).toBe('长期患病卧床，经支委会研究免于积分');
    expect(textOf(find(page, '.flag--column'))).toContain('取消免于积分');

    await tap(page, '.mobile-button', '.t-button');
    expect(memberDoc('demo-member-1').mobile).toBe(true);

    await tap(page, '.post-groupLeader .post-button', '.t-button');
    expect(memberDoc('demo-member-1').roles).toContainEqual({
      orgId: 'demo-branch',
      role: 'groupLeader',
    });
    expect(textOf(find(page, '.post-groupLeader'))).toContain('免去');
  });

  it('[ORG-15] should let the superior appoint a 副书记 of the branch', async () => {
    actAs('demo-superior');
    const page = await openPage(rosterPage);
    // The superior switches between the branches below.
    await tap(page, '.branch-demo-branch-2');
    expect(page.data.orgId).toBe('demo-branch-2');
    expect(find(page, '.person-demo-member-2')).toBeUndefined();
    await tap(page, '.branch-demo-branch');
    await tap(page, '.person-demo-member-2');
    await tap(page, '.post-deputySecretary .post-button', '.t-button');
    expect(memberDoc('demo-member-2').roles).toContainEqual({
      orgId: 'demo-branch',
      role: 'deputySecretary',
    });
  });

  it('should transfer a member out with destination and reason', async () => {
    actAs('demo-secretary');
    const page = await openPage(rosterPage);
    await tap(page, '.person-demo-member-2');
    await tap(page, '.transfer-button', '.t-button');
    expect(textOf(find(page, '.transfer-error'))).toContain('请写明转往哪个党组织');
    await typeText(page, '.to-org-input', '示范学院第三党支部');
    await typeText(page, '.transfer-reason', '工作调动');
    // It cannot be undone, so the page asks first; cancelling changes nothing [PRIV-20].
    const cancel = answerDialogs(false);
    await tap(page, '.transfer-button', '.t-button');
    expect(cancel).toHaveBeenCalledWith(
      expect.objectContaining({ title: expect.stringContaining('转出'), confirmText: '确认转出' }),
    );
    expect(memberDoc('demo-member-2').transfer ?? null).toBeNull();
    cancel.mockRestore();
    const confirm = answerDialogs(true);
    await tap(page, '.transfer-button', '.t-button');
    confirm.mockRestore();
    expect(memberDoc('demo-member-2').transfer).toMatchObject({
      toOrgName: '示范学院第三党支部',
      reason: '工作调动',
    });
    expect(page.data.current).toBeNull();
  });

  it('should be offered to the secretary under 支部管理 (名册、导入、操作记录, not 新建下级组织)', async () => {
    actAs('demo-secretary');
    const me = await openPage(mePage);
    expect(find(me, '.roster-link')).toBeDefined();
    expect(find(me, '.import-link')).toBeDefined();
    expect(find(me, '.audit-link')).toBeDefined();
    expect(find(me, '.create-org-link')).toBeUndefined();
    actAs('demo-superior');
    const superior = await openPage(mePage);
    expect(find(superior, '.create-org-link')).toBeDefined();
  });

  it('should not be offered to a plain member', async () => {
    actAs('demo-member-1');
    const me = await openPage(mePage);
    expect(find(me, '.roster-link')).toBeUndefined();
    expect(find(me, '.import-link')).toBeUndefined();
    expect(find(me, '.audit-link')).toBeUndefined();
    expect(find(me, '.create-org-link')).toBeUndefined();
    const page = await openPage(rosterPage);
    expect(textOf(page)).toContain('党员名册由支部委员管理');
  });
});
