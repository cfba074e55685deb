/** @jest-environment ./tests/setup/page-environment.ts */
// 调动党员, against the real backend: the superior puts a member in one of the branch's 党小组 and
// moves a member to another branch of the tree with a reason (asked first; the records stay with
// the old branch [PRIV-20]); a branch secretary is not offered the move; a plain member is
// turned away.
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
let movePage: string;

beforeAll(() => {
  movePage = loadPage('subpackages/org/move/index');
});

const memberDoc = (id: string) => server.backend.docs('members').find((m) => m._id === id)!;

async function addGroup(name: string): Promise<string> {
  const { id } = await server.backend.ok(
    'org',
    'createOrg',
    {
      parentId: 'demo-branch',
      name,
      kind: 'partyGroup',
      category: 'organ',
      termStart: '2026-01-01',
    },
    'demo-superior',
  );
  return id;
}

describe('调动党员', () => {
  it('[ORG-23] should put a member in a 党小组 of the branch, and take them out again', async () => {
    const group = await addGroup('机关第一党支部第一党小组');
    actAs('demo-superior');
    const page = await openPage(movePage);
    await tap(page, '.branch-demo-branch');
    await tap(page, '.person-demo-member-3');
    expect(textOf(find(page, '.current-group'))).toBe('党小组：未编入');
    await tap(page, `.group-${group}`);
    await tap(page, '.group-button', '.t-button');
    expect(memberDoc('demo-member-3').groupId).toBe(group);
    expect(textOf(find(page, '.done'))).toBe('已把杨帆编入机关第一党支部第一党小组');
    expect(textOf(find(page, '.current-group'))).toBe('党小组：机关第一党支部第一党小组');

    await tap(page, '.group-none');
    await tap(page, '.group-button', '.t-button');
    expect(memberDoc('demo-member-3').groupId ?? null).toBeNull();
    expect(textOf(find(page, '.done'))).toBe('杨帆已不在党小组中');
  });

  it('[PRIV-20] should move a member to another branch with a reason, asking first', async () => {
    actAs('demo-superior');
    const page = await openPage(movePage, { orgId: 'demo-branch', memberId: 'demo-member-4' });
    expect(textOf(find(page, '.detail'))).toContain('黄磊');
    await tap(page, '.move-button', '.t-button');
    expect(textOf(find(page, '.move-error'))).toBe('请选择或填写：调往哪个支部、调动理由');

    await tap(page, '.target-demo-branch-2');
    await typeText(page, '.move-reason', '工作岗位调整到第二党支部所在部门');
    const cancel = answerDialogs(false);
    await tap(page, '.move-button', '.t-button');
    expect(cancel).toHaveBeenCalledWith(
      expect.objectContaining({ title: '把黄磊调到机关第二党支部', confirmText: '确认调动' }),
    );
    cancel.mockRestore();
    expect(memberDoc('demo-member-4').orgId).toBe('demo-branch');

    const confirm = answerDialogs(true);
    await tap(page, '.move-button', '.t-button');
    confirm.mockRestore();
    expect(memberDoc('demo-member-4').orgId).toBe('demo-branch-2');
    const moves = server.backend.docs('memberMoves');
    expect(moves).toHaveLength(1);
    expect(moves[0]).toMatchObject({
      memberId: 'demo-member-4',
      reason: '工作岗位调整到第二党支部所在部门',
    });
    expect(textOf(find(page, '.done'))).toBe('已把黄磊调到机关第二党支部，原来的记录留在原支部');
    expect(find(page, '.person-demo-member-4')).toBeUndefined();
    // The branch it went to lists the member now.
    await tap(page, '.branch-demo-branch-2');
    expect(find(page, '.person-demo-member-4')).toBeDefined();
  });

  it('should not offer a branch secretary the move', async () => {
    actAs('demo-secretary');
    const page = await openPage(movePage);
    await tap(page, '.person-demo-member-5');
    expect(textOf(find(page, '.detail'))).toContain('周敏');
    expect(find(page, '.move-button')).toBeUndefined();
  });

  it('should turn a plain member away', async () => {
    actAs('demo-member-1');
    const page = await openPage(movePage);
    expect(textOf(page)).toContain('调动党员、分配党小组由支部书记、组织委员或上级党组织办理');
  });
});
