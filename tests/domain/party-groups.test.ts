import {
  compliance,
  groupsOfRoster,
  heldPeriodsOf,
  HeldActivity,
  notCountedReasons,
  requirements,
} from '../../cloudfunctions/_shared/domain/activity/compliance';
import {
  expectedOf,
  isParticipant,
} from '../../cloudfunctions/_shared/domain/activity/participants';
import {
  checkGroup,
  checkMoveTarget,
  dutiesAfterMove,
  movedAwayFrom,
  rolesAfterMove,
} from '../../cloudfunctions/_shared/domain/org/moves';

const groups = [
  { id: 'g1', memberIds: ['m1', 'm2'] },
  { id: 'g2', memberIds: ['m3'] },
];
const day = (
  date: string,
  groupId: string | null,
  counts = true,
  type: HeldActivity['type'] = 'themeDay',
): HeldActivity => ({ type, date, counts, groupId });
const monthly = { type: 'themeDay' as const, frequency: 'monthly' as const };
const meetings = { type: 'groupMeeting' as const, frequency: 'monthly' as const };

describe('the month of a branch with 党小组 [TD-11, MTG-03]', () => {
  it('is held when every group held a counted theme day, or the branch held one [TD-11]', () => {
    const held = [day('2026-03-05', 'g1'), day('2026-03-20', 'g2'), day('2026-04-08', 'g1')];
    expect([...heldPeriodsOf(monthly, held, 2026, groups)]).toEqual(['2026-03']);
    const branchWide = [...held, day('2026-04-28', null)];
    expect([...heldPeriodsOf(monthly, branchWide, 2026, groups)].sort()).toEqual([
      '2026-03',
      '2026-04',
    ]);
    // one that does not count holds nothing
    const uncounted = [day('2026-05-05', 'g1'), day('2026-05-06', 'g2', false)];
    expect(heldPeriodsOf(monthly, uncounted, 2026, groups).has('2026-05')).toBe(false);
  });

  it('without groups any counted activity holds the period, as before [TD-01]', () => {
    const held = [day('2026-03-05', 'g1'), day('2026-04-05', null, false)];
    expect([...heldPeriodsOf(monthly, held, 2026)]).toEqual(['2026-03']);
    // a group nobody is in owes nothing
    expect([...heldPeriodsOf(monthly, held, 2026, [{ id: 'g9', memberIds: [] }])]).toEqual([
      '2026-03',
    ]);
  });

  it('a 党小组会 is held per group; one naming no group holds none [MTG-03]', () => {
    const m = (date: string, g: string | null) => day(date, g, true, 'groupMeeting');
    const held = [m('2026-06-02', null), m('2026-07-02', 'g1'), m('2026-07-09', 'g2')];
    expect([...heldPeriodsOf(meetings, held, 2026, groups)]).toEqual(['2026-07']);
    expect(notCountedReasons({ ...facts, ungroupedMeeting: true })).toEqual([
      '没有写明是哪个党小组召开的',
    ]);
    expect(notCountedReasons({ ...facts, ungroupedMeeting: false })).toEqual([]);
  });

  it('a group owes the periods ending after it was set up [MTG-03]', () => {
    const later = [groups[0], { id: 'g2', memberIds: ['m3'], since: '2026-09-10' }];
    const held = [day('2026-08-03', 'g1'), day('2026-09-03', 'g1')];
    expect([...heldPeriodsOf(monthly, held, 2026, later)]).toEqual(['2026-08']);
  });

  it('the compliance item counts and names missing months by group [TD-11, MTG-08]', () => {
    const reqs = requirements('default', 'organ', false, { group: 'monthly' });
    const held = [day('2026-01-05', 'g1'), day('2026-01-06', 'g2'), day('2026-02-05', 'g1')];
    const [theme] = compliance(reqs, held, 2026, '2026-03-10', [], groups);
    expect(theme).toMatchObject({ type: 'themeDay', held: 1, missing: ['2026-02'] });
    expect(reqs.find((r) => r.type === 'groupMeeting')).toMatchObject({ ruleId: 'MTG-03' });
  });

  it('reads the groups from the roster [ORG-23]', () => {
    const roster = [
      { _id: 'm1', orgId: 'b', groupId: 'g1' },
      { _id: 'm2', orgId: 'b', groupId: 'g1' },
      { _id: 'm3', orgId: 'b', groupId: null },
      { _id: 'm4', orgId: 'other', groupId: 'gx' },
    ];
    expect(groupsOfRoster(roster, 'b')).toEqual([{ id: 'g1', memberIds: ['m1', 'm2'] }]);
    expect(groupsOfRoster(roster)).toHaveLength(2);
  });
});

const facts = {
  type: 'groupMeeting' as const,
  status: 'closed',
  title: '3月党小组会',
  agenda: [],
  minutes: '学习了党章。',
  attendedBesidesHost: 2,
  lateRegistration: null,
};

describe('who is expected at a group’s activity [TD-11]', () => {
  const roster = [
    { _id: 'm1', orgId: 'b', roles: [], groupId: 'g1' },
    { _id: 'm2', orgId: 'b', roles: [], groupId: 'g2' },
    { _id: 'm3', orgId: 'b', roles: [] },
  ];
  it('the group’s members for its activity, the whole branch otherwise [TD-11, TD-07]', () => {
    const ids = (groupId?: string) =>
      expectedOf({ orgId: 'b', type: 'themeDay', groupId }, roster).map((m) => m._id);
    expect(ids('g1')).toEqual(['m1']);
    expect(ids()).toEqual(['m1', 'm2', 'm3']);
    expect(isParticipant({ orgId: 'b', type: 'groupMeeting', groupId: 'g2' }, roster[0])).toBe(
      false,
    );
  });
});

describe('the rules of a move and of a group [PRIV-20, ORG-23]', () => {
  const node = (id: string, kind: any, parentId: string | null = 'top') => ({
    _id: id,
    kind,
    parentId,
    ancestors: parentId ? [parentId] : [],
  });
  it('a group must be a 党小组 of the member’s own branch [ORG-23]', () => {
    expect(checkGroup(node('g1', 'partyGroup', 'b'), 'b').ok).toBe(true);
    expect(checkGroup(null, 'b').ok).toBe(true);
    for (const g of [node('g2', 'partyGroup', 'c'), node('c', 'branch'), undefined]) {
      expect(checkGroup(g, 'b')).toMatchObject({ ok: false, code: 'ORG.NOT_A_GROUP' });
    }
  });
  it('the target is another branch the actor administers [PRIV-20]', () => {
    expect(checkMoveTarget(node('c', 'branch'), 'b', true).ok).toBe(true);
    expect(checkMoveTarget(node('c', 'jointBranch'), 'b', true).ok).toBe(true);
    for (const [t, may] of [
      [node('c', 'branch'), false],
      [node('top', 'baseCommittee', null), true],
      [node('gc', 'generalBranch'), true],
      [node('g', 'partyGroup', 'c'), true],
      [null, true],
    ] as const) {
      expect(checkMoveTarget(t, 'b', may)).toMatchObject({
        ok: false,
        code: 'ORG.NOT_IN_TREE',
        ruleId: 'PRIV-20',
      });
    }
    expect(checkMoveTarget(node('b', 'branch'), 'b', true)).toMatchObject({
      code: 'INPUT.INVALID',
    });
  });
  it('roles and 分工 of the old branch and its groups go; seats nobody else holds fall vacant [PRIV-20, ORG-16]', () => {
    const out = rolesAfterMove({
      roles: [
        { orgId: 'b', role: 'orgCommissioner' },
        { orgId: 'b', role: 'secretary' },
        { orgId: 'b', role: 'scorer' },
        { orgId: 'top', role: 'superiorAdmin' },
      ],
      leftOrgIds: new Set(['b', 'g1']),
      fromOrgId: 'b',
      vacancies: {},
      othersHold: new Set(['secretary']),
      today: '2026-12-01',
    });
    expect(out.roles).toEqual([{ orgId: 'top', role: 'superiorAdmin' }]);
    expect(out.removed).toHaveLength(3);
    expect(out.vacancies).toEqual({ orgCommissioner: '2026-12-01' });
    expect(dutiesAfterMove({ b: '组织工作', top: '联系' }, new Set(['b']))).toEqual({
      top: '联系',
    });
    expect(movedAwayFrom({ orgId: 'c', movedFrom: ['b'] }, 'b')).toBe(true);
    expect(movedAwayFrom({ orgId: 'b', movedFrom: ['b'] }, 'b')).toBe(false);
    expect(movedAwayFrom({ orgId: 'c' }, 'b')).toBe(false);
  });
});
