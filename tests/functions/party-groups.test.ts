import { Backend, snapshot, startBackend } from '../support/backend';
import { SEC, SUP } from '../support/org-rules';

// 党小组 as orgs of their own, through the real functions: putting members in a group [ORG-23], a
// theme day or 党小组会 held by one group [TD-11, MTG-03] and how the branch's month is judged.
let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo')); // frozen at the demo instant, 2026-12-01 09:00 in Beijing
afterEach(() => b.restoreClock());

const at = (iso: string) => b.emulator.clock.freeze(Date.parse(iso));
const memberDoc = (id: string) => b.docs('members').find((m) => m._id === id)!;

async function newGroup(name: string, parentId = 'demo-branch'): Promise<string> {
  const input = { parentId, name, kind: 'partyGroup', category: 'organ', termStart: '2026-01-01' };
  return (await b.ok('org', 'createOrg', input as never, SUP)).id;
}
async function putIn(groupId: string, ...memberIds: string[]) {
  for (const memberId of memberIds) await b.ok('org', 'setMemberGroup', { memberId, groupId }, SEC);
}

/** Held on 1 December 10:00–12:00 by `groupId` (or the whole branch), one member marked present. */
async function heldOn(
  type: 'themeDay' | 'groupMeeting',
  groupId: string | undefined,
  present: string,
  opts: { record?: boolean } = {},
): Promise<string> {
  at('2026-12-01T01:00:00Z');
  const { id } = await b.ok(
    'activity',
    'create',
    {
      orgId: 'demo-branch',
      type,
      title: type === 'themeDay' ? '12月主题党日' : '12月党小组会',
      startAt: '2026-12-01T10:00:00+08:00',
      endAt: '2026-12-01T12:00:00+08:00',
      agenda: ['组织学习讨论'],
      ...(groupId ? { groupId } : {}),
    },
    SEC,
  );
  at('2026-12-01T02:30:00Z');
  await b.ok(
    'activity',
    'setAttendance',
    { activityId: id, memberId: present, status: 'present', reason: '现场签到设备故障，补记' },
    SEC,
  );
  at('2026-12-01T04:30:00Z');
  await b.ok('activity', 'close', { activityId: id }, SEC);
  if (opts.record !== false)
    await b.ok('activity', 'record', { activityId: id, minutes: '学习了党章。' }, SEC);
  return id;
}

const item = async (type: string) => {
  const { items } = await b.ok('activity', 'compliance', { orgId: 'demo-branch', year: 2026 }, SEC);
  return items.find((i) => i.type === type);
};
/** The months held of a monthly requirement: the ones neither missing nor still due (December). */
async function heldLabels(type: string): Promise<string[]> {
  const i = (await item(type))!;
  const months = Array.from({ length: 12 }, (_, n) => `2026-${String(n + 1).padStart(2, '0')}`);
  const notMissing = months.filter((m) => !i.missing.includes(m));
  // November and earlier have ended: not missing means held; December is held iff counted once more
  const ended = notMissing.filter((m) => m < '2026-12');
  return i.held > ended.length ? [...ended, '2026-12'] : ended;
}

describe('org.setMemberGroup [ORG-23]', () => {
  it('puts a member in one of the branch’s 党小组 and takes them out, audited [ORG-23]', async () => {
    const group = await newGroup('第一党小组');
    const res = await b.ok(
      'org',
      'setMemberGroup',
      { memberId: 'demo-member-3', groupId: group },
      'demo-organizer',
    );
    expect(res).toEqual({ memberId: 'demo-member-3', groupId: group });
    expect(memberDoc('demo-member-3').groupId).toBe(group);
    const entries = () => b.docs('auditLogs').filter((a) => a.action === 'org.setMemberGroup');
    expect(entries()).toHaveLength(1);
    expect(entries()[0]).toMatchObject({
      orgId: 'demo-branch',
      entityId: 'demo-member-3',
      before: { groupId: null },
      after: { groupId: group },
    });
    // the same again changes nothing and writes no entry
    await b.ok('org', 'setMemberGroup', { memberId: 'demo-member-3', groupId: group }, SEC);
    expect(entries()).toHaveLength(1);
    await b.ok('org', 'setMemberGroup', { memberId: 'demo-member-3', groupId: null }, SEC);
    expect(memberDoc('demo-member-3').groupId).toBeNull();
    expect(entries()).toHaveLength(2);
  });

  it('refuses a group of another branch, an org that is no group, a plain member and a transferred member [ORG-23]', async () => {
    const other = await newGroup('第二支部党小组', 'demo-branch-2');
    const before = snapshot(b);
    for (const groupId of [other, 'demo-branch', 'demo-branch-2', 'no-such-org']) {
      const err = await b.err('org', 'setMemberGroup', { memberId: 'demo-member-3', groupId }, SEC);
      expect(err).toMatchObject({ code: 'ORG.NOT_A_GROUP', details: { ruleId: 'ORG-23' } });
      expect(err.message).toBe('请选择这位党员所在支部的党小组');
    }
    const mine = await newGroup('第一党小组');
    const snap = snapshot(b);
    const plain = await b.err(
      'org',
      'setMemberGroup',
      { memberId: 'demo-member-3', groupId: mine },
      'demo-member-1',
    );
    expect(plain.code).toBe('AUTH.FORBIDDEN');
    expect(snapshot(b)).toBe(snap);
    expect(before).not.toBe(snap); // the second group was created in between
    await b.ok(
      'org',
      'transferOut',
      { memberId: 'demo-member-5', toOrgName: '某街道第二党支部', reason: '工作调动' },
      SEC,
    );
    const err = await b.err(
      'org',
      'setMemberGroup',
      { memberId: 'demo-member-5', groupId: mine },
      SEC,
    );
    expect(err).toMatchObject({ code: 'MEMBER.TRANSFERRED', details: { ruleId: 'PRIV-20' } });
  });
});

describe('activities held by 党小组 [TD-11, MTG-03]', () => {
  it('a group’s theme day expects the group’s members only, and closing marks only them [TD-11]', async () => {
    const g1 = await newGroup('第一党小组');
    await putIn(g1, 'demo-member-1', 'demo-member-2', 'demo-member-3');
    const id = await heldOn('themeDay', g1, 'demo-member-1');
    const rows = b.docs('attendance').filter((a) => a.activityId === id);
    // the group's members, and the host who held it (present [CHK-06]); nobody else
    const others = rows.map((r) => r.memberId).filter((m) => m !== 'demo-secretary');
    expect(others.sort()).toEqual(['demo-member-1', 'demo-member-2', 'demo-member-3']);
    expect(
      rows
        .filter((r) => r.status === 'absent')
        .map((r) => r.memberId)
        .sort(),
    ).toEqual(['demo-member-2', 'demo-member-3']);
    const list = await b.ok('activity', 'attendance', { activityId: id }, SEC);
    expect(list.map((r) => r.memberId).sort()).toEqual([
      'demo-member-1',
      'demo-member-2',
      'demo-member-3',
    ]);
    expect(b.docs('activities').find((a) => a._id === id).groupId).toBe(g1);
  });

  it('refuses a group for other types, and a group of another branch [TD-11, ORG-23]', async () => {
    const other = await newGroup('第二支部党小组', 'demo-branch-2');
    const mine = await newGroup('第一党小组');
    const base = {
      orgId: 'demo-branch',
      title: '党课',
      startAt: '2026-12-10T10:00:00+08:00',
      endAt: '2026-12-10T12:00:00+08:00',
    };
    const before = snapshot(b);
    const lecture = await b.err(
      'activity',
      'create',
      { ...base, type: 'partyLecture', groupId: mine },
      SEC,
    );
    expect(lecture).toMatchObject({ code: 'INPUT.INVALID', details: { ruleId: 'TD-11' } });
    const foreign = await b.err(
      'activity',
      'create',
      { ...base, type: 'themeDay', groupId: other },
      SEC,
    );
    expect(foreign.code).toBe('ORG.NOT_A_GROUP');
    expect(snapshot(b)).toBe(before);
  });

  it('the branch month is met when every group held a counted theme day, or the branch held one, on the compliance page and the superior’s grid [TD-11]', async () => {
    const g1 = await newGroup('第一党小组');
    const g2 = await newGroup('第二党小组');
    await putIn(g1, 'demo-member-1', 'demo-member-2');
    await putIn(g2, 'demo-member-3', 'demo-member-4');
    // November's theme day was held by the whole branch: it holds the month for every group
    expect(await heldLabels('themeDay')).toEqual(['2026-11']);
    await heldOn('themeDay', g1, 'demo-member-1');
    expect(await heldLabels('themeDay')).toEqual(['2026-11']); // the second group has not met
    // the superior's grid judges the month the same way: not held while one group has not met
    const gridCell = async () => {
      const grid = await b.ok('org', 'dashboard', { orgId: 'demo-committee', year: 2026 }, SUP);
      return grid.branches.find((r) => r.orgId === 'demo-branch')!.cells.themeDay['2026-12'];
    };
    expect(await gridCell()).toBe('due');
    await heldOn('themeDay', g2, 'demo-member-3', { record: false });
    expect(await heldLabels('themeDay')).toEqual(['2026-11']); // held, but without its 纪实
    const g2day = b.docs('activities').find((a) => a.groupId === g2)._id;
    await b.ok('activity', 'record', { activityId: g2day, minutes: '学习了党章。' }, SEC);
    expect(await heldLabels('themeDay')).toEqual(['2026-11', '2026-12']);
    expect(await gridCell()).toBe('held');
  });

  it('a branch-wide theme day holds the month for all its groups [TD-11]', async () => {
    const g1 = await newGroup('第一党小组');
    await putIn(g1, 'demo-member-1');
    await heldOn('themeDay', undefined, 'demo-member-2');
    expect(await heldLabels('themeDay')).toEqual(['2026-11', '2026-12']);
  });

  it('with 党小组, the 党小组会 is required of every group, and one naming no group holds none [MTG-03]', async () => {
    expect(await item('groupMeeting')).toBeUndefined(); // no groups, no group leaders: not required
    const g1 = await newGroup('第一党小组');
    const g2 = await newGroup('第二党小组');
    await putIn(g1, 'demo-member-1', 'demo-member-2');
    await putIn(g2, 'demo-member-3');
    const required = (await item('groupMeeting'))!;
    expect(required).toMatchObject({
      ruleId: 'MTG-03',
      frequency: 'monthly',
      required: 12,
      held: 0,
    });
    const ungrouped = await heldOn('groupMeeting', undefined, 'demo-member-1');
    at('2026-12-02T02:00:00Z');
    const i = (await item('groupMeeting'))!;
    expect(i.held).toBe(0);
    expect(i.notCounted).toEqual([
      expect.objectContaining({ activityId: ungrouped, reasons: ['没有写明是哪个党小组召开的'] }),
    ]);
    await heldOn('groupMeeting', g1, 'demo-member-1');
    expect((await item('groupMeeting'))!.held).toBe(0);
    await heldOn('groupMeeting', g2, 'demo-member-3');
    expect((await item('groupMeeting'))!.held).toBe(1);
  });
});
