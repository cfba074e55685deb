import { OrgNode, Role, RoleGrant, ROLES } from '../../cloudfunctions/_shared/domain/org/model';
import {
  Actor,
  decide,
  REFUSALS,
  Permission,
  PERMISSIONS,
  permissionMap,
  POLICY,
} from '../../cloudfunctions/_shared/domain/org/policy';
import { Backend, snapshot, startBackend } from '../support/backend';
import { plainJpeg } from '../support/media-fixtures';
import { uploadMedia } from '../support/media-kit';
import type { ActionInput, ActionName, FunctionName } from '../../miniprogram/services/types';

/**
 * The authorisation matrix, generated from the one permission policy [PRIV-05, PRIV-21]:
 * 1. `decide()` for every permission × identity × own, foreign and outside org, against the table;
 * 2. for every permission, one real action called through the emulator by a holder (ok) and by a
 *    non-holder (AUTH.FORBIDDEN, nothing written);
 * 3. `org.me`'s `can` map of every demo identity equals the policy's `permissionMap()`.
 */

const COMMITTEE: OrgNode = { id: 'demo-committee', kind: 'baseCommittee', ancestors: [] };
const OWN: OrgNode = { id: 'demo-branch', kind: 'branch', ancestors: ['demo-committee'] };
const FOREIGN: OrgNode = { id: 'demo-branch-2', kind: 'branch', ancestors: ['demo-committee'] };
/** A branch of another committee: outside the demo superior's tree. */
const OUTSIDE: OrgNode = { id: 'other-branch', kind: 'branch', ancestors: ['other-committee'] };
const ORGS = [COMMITTEE, OWN, FOREIGN, OUTSIDE];

const actor = (id: string, orgId: string, roles: RoleGrant[]): Actor => ({ id, orgId, roles });
const grant = (orgId: string, role: Role): RoleGrant => ({ orgId, role });

/** The identities of the matrix: the demo ones, a deputy and one holder of every role alone. */
const IDENTITIES: Record<string, Actor> = {
  member: actor('demo-member-1', OWN.id, []),
  secretary: actor('demo-secretary', OWN.id, [grant(OWN.id, 'secretary')]),
  'orgCommissioner+scorer': actor('demo-organizer', OWN.id, [
    grant(OWN.id, 'orgCommissioner'),
    grant(OWN.id, 'scorer'),
  ]),
  superior: actor('demo-superior', COMMITTEE.id, [grant(COMMITTEE.id, 'superiorAdmin')]),
  'secretary of another branch': actor('demo-secretary-2', FOREIGN.id, [
    grant(FOREIGN.id, 'secretary'),
  ]),
  ...Object.fromEntries(
    (Object.keys(ROLES) as Role[])
      .filter((r) => r !== 'superiorAdmin')
      .map((r) => [`${r} only`, actor(`only-${r}`, OWN.id, [grant(OWN.id, r)])]),
  ),
};

/** What the table says, read straight off POLICY: roles held in the org, superior above, members. */
function fromTable(p: Permission, a: Actor, org: OrgNode): boolean {
  const g: { roles: readonly Role[]; superior: boolean; members?: boolean } = POLICY[p];
  const holdsRole = a.roles.some((r) => r.orgId === org.id && g.roles.includes(r.role));
  const superior = a.roles.some(
    (r) => r.role === 'superiorAdmin' && (r.orgId === org.id || org.ancestors.includes(r.orgId)),
  );
  return holdsRole || (g.superior && superior) || (!!g.members && a.orgId === org.id);
}

describe('the policy table decides every permission × identity × org [PRIV-05]', () => {
  afterAll(() =>
    console.log(
      `authorisation matrix: ${PERMISSIONS.length} permissions × ${Object.keys(IDENTITIES).length} ` +
        `identities × ${ORGS.length} orgs = ` +
        `${PERMISSIONS.length * Object.keys(IDENTITIES).length * ORGS.length} decisions, ` +
        'each also refused on the identity’s own case',
    ),
  );
  it.each(PERMISSIONS)('%s: as the table says, for every identity × org', (p) => {
    for (const [who, a] of Object.entries(IDENTITIES))
      for (const org of ORGS)
        expect([who, org.id, decide(p, a, org).ok]).toEqual([who, org.id, fromTable(p, a, org)]);
  });

  it('gives a plain member only the member-level permissions, on their own branch', () => {
    const m = IDENTITIES.member;
    for (const p of PERMISSIONS) {
      expect([p, decide(p, m, OWN).ok]).toEqual([p, !!POLICY[p].members]);
      for (const org of [COMMITTEE, FOREIGN, OUTSIDE])
        expect([p, decide(p, m, org).ok]).toEqual([p, false]);
    }
  });
  it('gives the secretary of another branch nothing on this one', () => {
    for (const p of PERMISSIONS)
      expect([p, decide(p, IDENTITIES['secretary of another branch'], OWN).ok]).toEqual([p, false]);
  });
  it('lets the superior do what the table gives superiors below it, and nothing outside its tree', () => {
    for (const p of PERMISSIONS) {
      for (const org of [OWN, FOREIGN])
        expect([p, decide(p, IDENTITIES.superior, org).ok]).toEqual([p, POLICY[p].superior]);
      expect([p, decide(p, IDENTITIES.superior, OUTSIDE).ok]).toEqual([p, false]);
    }
  });
  it('keeps what api.md promises: organisers record dues, the secretary does not [FEE-27]', () => {
    expect(decide('dues.record', IDENTITIES['orgCommissioner+scorer'], OWN).ok).toBe(true);
    expect(decide('dues.record', IDENTITIES['duesManager only'], OWN).ok).toBe(true);
    expect(decide('dues.record', IDENTITIES.secretary, OWN).ok).toBe(false);
    expect(decide('dues.publish', IDENTITIES['orgCommissioner+scorer'], OWN).ok).toBe(true);
    expect(decide('notice.publish', IDENTITIES['disclosureMaintainer only'], OWN).ok).toBe(true);
    expect(decide('points.review', IDENTITIES['scorer only'], OWN).ok).toBe(true);
    expect(decide('activity.manage', IDENTITIES['scorer only'], OWN).ok).toBe(false);
    expect(decide('org.administer', IDENTITIES.secretary, OWN).ok).toBe(false);
    expect(decide('role.assignDuty', IDENTITIES.secretary, OWN).ok).toBe(true);
  });
});

describe('nobody decides their own case [PRIV-21]', () => {
  it.each(PERMISSIONS)('%s: refuses every identity on their own case', (p) => {
    for (const a of Object.values(IDENTITIES))
      for (const org of ORGS)
        expect(decide(p, a, org, { id: a.id, roles: a.roles })).toEqual({
          ok: false,
          reason: 'ownCase',
          ruleId: 'PRIV-21',
        });
  });
  const secretary = IDENTITIES.secretary;
  const deputy = actor('deputy', OWN.id, [grant(OWN.id, 'deputySecretary')]);
  const withStandIn = PERMISSIONS.filter((p) => POLICY[p].roles.includes('secretary'));
  it.each(withStandIn)(
    '%s: passes the secretary’s own case to someone else of the table (deputy, commissioner or superior)',
    (p) => {
      const subject = { id: secretary.id, roles: secretary.roles };
      const standIns = Object.values(IDENTITIES)
        .concat(deputy)
        .filter((a) => a.id !== secretary.id && decide(p, a, OWN, subject).ok);
      expect(standIns.length).toBeGreaterThan(0);
      const forSecretary: readonly Role[] =
        (POLICY[p] as { forSecretary?: readonly Role[] }).forSecretary ?? [];
      if (forSecretary.includes('deputySecretary'))
        expect(decide(p, deputy, OWN, subject).ok).toBe(true);
      if (POLICY[p].superior) expect(decide(p, IDENTITIES.superior, OWN, subject).ok).toBe(true);
    },
  );
  it('lets the deputy decide the secretary’s leave and a member’s, but not their own', () => {
    const subjectSecretary = { id: secretary.id, roles: secretary.roles };
    expect(decide('leave.decide', deputy, OWN, subjectSecretary).ok).toBe(true);
    expect(decide('leave.decide', deputy, OWN, { id: 'demo-member-4' }).ok).toBe(true);
    expect(decide('leave.decide', deputy, OWN, { id: deputy.id }).ok).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// The real actions, through the emulator and the real wx-server-sdk.

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());

const SEC = 'demo-secretary';
const ORGANIZER = 'demo-organizer';
const SUPERIOR = 'demo-superior';
const MEMBER = 'demo-member-1';
/** Seated by the test: 副书记 (by the superior) and 公开栏维护人 (by the secretary). */
const DEPUTY = 'demo-member-7';
const DISCLOSURE = 'demo-member-8';
/** Seated by the test as 记分员 only: holds points.award but not points.veto. */
const SCORER_ONLY = 'demo-member-5';
/** The secretary of another branch: holds nothing on demo-branch. */
const FOREIGN_SECRETARY = 'demo-secretary-2';

async function seatTestRoles(): Promise<void> {
  const seat = (memberId: string, role: Role, by: string) =>
    b.ok('org', 'setRole', { memberId, orgId: OWN.id, role, on: true }, by);
  await seat(DEPUTY, 'deputySecretary', SUPERIOR);
  await seat(DISCLOSURE, 'disclosureMaintainer', SEC);
  await seat(SCORER_ONLY, 'scorer', SEC);
}

const future = { startAt: '2026-12-18T15:00:00+08:00', endAt: '2026-12-18T17:00:00+08:00' };
const newActivity = (by = SEC) =>
  b
    .ok(
      'activity',
      'create',
      { orgId: OWN.id, type: 'themeDay', title: '12月第二次主题党日', place: '活动室', ...future },
      by,
    )
    .then((r) => r.id as string);

/** Builds a row's data, creating what it needs first (a leave request, an appeal …). */
type Build<F extends FunctionName, A extends ActionName<F>> = () =>
  Promise<ActionInput<F, A>> | ActionInput<F, A>;

/** A row's action on its built data, refused or done as `who`. */
interface Prepared {
  err(who: string): ReturnType<Backend['err']>;
  ok(who: string): Promise<unknown>;
}

/**
 * Binds a row to its action, so that its data is checked against the contract where the row is
 * written; `prepare()` builds the data once, for the refused call and the allowed one.
 */
function bind<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  data: Build<F, A>,
): { prepare(): Promise<Prepared> } {
  return {
    async prepare() {
      const input: ActionInput<F, A> = await data();
      return {
        err: (who) => b.err(fn, action, input, who),
        ok: (who) => b.ok(fn, action, input, who),
      };
    },
  };
}

interface Call {
  /** The org the permission is exercised on (to check the holders against the policy). */
  org: OrgNode;
  holder: string;
  nonHolder: string;
  prepare(): Promise<Prepared>;
}
/** A row of CALLS; `NoInfer`: the action fixes the input the data must fit (literals stay literal). */
const call = <F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  { data, ...c }: Omit<Call, 'prepare'> & { data: NoInfer<Build<F, A>> },
): Call => ({ ...c, ...bind(fn, action, data) });

const importRow = {
  name: '新同志',
  status: 'full',
  joinedAt: '2021-07-01',
} satisfies ActionInput<'org', 'importMembers'>['members'][number];

/** One representative action per permission. */
const CALLS: Partial<Record<Permission, Call>> = {
  'org.read': call('org', 'listMembers', {
    org: OWN,
    holder: MEMBER,
    nonHolder: 'demo-secretary-2',
    data: () => ({ orgId: OWN.id }),
  }),
  'member.manage': call('org', 'importMembers', {
    org: OWN,
    holder: ORGANIZER,
    nonHolder: MEMBER,
    data: () => ({ orgId: OWN.id, members: [importRow] }),
  }),
  'role.assignDuty': call('org', 'setRole', {
    org: OWN,
    holder: SEC,
    nonHolder: ORGANIZER,
    data: () => ({ memberId: 'demo-member-2', orgId: OWN.id, role: 'scorer', on: true }),
  }),
  'org.administer': call('org', 'createOrg', {
    org: COMMITTEE,
    holder: SUPERIOR,
    nonHolder: SEC,
    data: () => ({
      parentId: COMMITTEE.id,
      name: '机关第三党支部',
      kind: 'branch',
      category: 'organ',
      termStart: '2026-01-01',
    }),
  }),
  'org.configure': call('org', 'setSetting', {
    org: OWN,
    holder: SEC,
    nonHolder: ORGANIZER,
    data: () => ({
      orgId: OWN.id,
      key: 'membersSeeRanking',
      value: true,
      reason: '支部党员大会决定公开排名',
    }),
  }),
  'audit.read': call('org', 'auditLog', {
    org: OWN,
    holder: SEC,
    nonHolder: ORGANIZER,
    data: () => ({ orgId: OWN.id }),
  }),
  'activity.manage': call('activity', 'create', {
    org: OWN,
    holder: ORGANIZER,
    nonHolder: DISCLOSURE,
    data: () => ({ orgId: OWN.id, type: 'partyLecture', title: '12月党课', ...future }),
  }),
  'attendance.correct': call('activity', 'setAttendance', {
    org: OWN,
    holder: DEPUTY,
    nonHolder: MEMBER,
    data: () => ({
      activityId: 'demo-theme-day',
      memberId: 'demo-member-6',
      status: 'present',
      reason: '老同志无智能手机，现场点名',
    }),
  }),
  'leave.decide': call('activity', 'decideLeave', {
    org: OWN,
    holder: DEPUTY,
    nonHolder: MEMBER,
    async data() {
      const activityId = await newActivity();
      await b.ok('activity', 'requestLeave', { activityId, reason: '出差' }, 'demo-member-4');
      return { activityId, memberId: 'demo-member-4', approve: true };
    },
  }),
  'activity.approveLate': call('activity', 'approveLateRegistration', {
    org: OWN,
    holder: SUPERIOR,
    nonHolder: SEC,
    async data() {
      const { id } = await b.ok(
        'activity',
        'create',
        {
          orgId: OWN.id,
          type: 'partyLecture',
          title: '11月党课',
          startAt: '2026-11-20T14:00:00+08:00',
          endAt: '2026-11-20T15:00:00+08:00',
          lateReason: '当天停电，线下开展，未能在线创建',
        },
        SEC,
      );
      return { activityId: id, approve: true };
    },
  }),
  'activity.oversee': call('activity', 'compliance', {
    org: OWN,
    holder: SEC,
    nonHolder: MEMBER,
    data: () => ({ orgId: OWN.id, year: 2026 }),
  }),
  'points.standard': call('points', 'publishQuarter', {
    org: OWN,
    holder: ORGANIZER,
    nonHolder: MEMBER,
    data: () => ({ orgId: OWN.id, quarter: '2026-Q4' }),
  }),
  'points.review': call('points', 'review', {
    org: OWN,
    holder: ORGANIZER,
    nonHolder: 'demo-member-2',
    async data() {
      const { entryId } = await b.ok(
        'points',
        'declare',
        { itemCode: 'volunteer', month: '2026-11', note: '社区防汛值守一天' },
        MEMBER,
      );
      return { entryId, approve: true };
    },
  }),
  'points.award': call('points', 'award', {
    org: OWN,
    holder: ORGANIZER,
    nonHolder: MEMBER,
    data: () => ({
      memberId: 'demo-member-3',
      itemCode: 'lecture',
      month: '2026-11',
      note: '讲党课',
    }),
  }),
  'points.veto': call('points', 'award', {
    org: OWN,
    holder: SEC,
    nonHolder: SCORER_ONLY, // may award, may not veto: the refusal must come from the veto check
    data: () => ({
      memberId: 'demo-member-2',
      itemCode: 'disciplinePunishment',
      month: '2026-10',
      note: '经支部党员大会讨论，受党内警告处分',
    }),
  }),
  'points.readAll': call('points', 'index', {
    org: OWN,
    holder: ORGANIZER,
    nonHolder: MEMBER,
    data: () => ({ year: 2026, memberId: 'demo-member-2' }),
  }),
  'appeal.resolve': call('points', 'resolveAppeal', {
    org: OWN,
    holder: SEC,
    nonHolder: ORGANIZER,
    async data() {
      await b.ok('points', 'publishQuarter', { orgId: OWN.id, quarter: '2026-Q4' }, ORGANIZER);
      const { appealId } = await b.ok(
        'points',
        'appeal',
        { entryId: 'att:demo-theme-day-last:demo-member-7', reason: '当天因公出差，事先请过假' },
        'demo-member-7',
      );
      return { appealId, accept: false, reply: '经核实当日未请假' };
    },
  }),
  'fortress.read': call('points', 'fortress', {
    org: OWN,
    holder: SEC,
    nonHolder: MEMBER,
    data: () => ({ orgId: OWN.id, year: 2026 }),
  }),
  'fortress.assess': call('points', 'assessFortress', {
    org: OWN,
    holder: SUPERIOR,
    nonHolder: SEC,
    data: () => ({
      orgId: OWN.id,
      year: 2026,
      evaluation: 18,
      fiveStandards: 10,
      centralWork: 8,
      reverse: [],
    }),
  }),
  'dues.record': call('dues', 'setBase', {
    org: OWN,
    holder: ORGANIZER,
    nonHolder: SEC,
    data: () => ({ memberId: MEMBER, year: 2026, category: 'salaried', baseFen: 510000 }),
  }),
  'dues.read': call('dues', 'ledger', {
    org: OWN,
    holder: SEC,
    nonHolder: MEMBER,
    data: () => ({ orgId: OWN.id, year: 2026 }),
  }),
  'dues.publish': call('dues', 'publish', {
    org: OWN,
    holder: ORGANIZER,
    nonHolder: MEMBER,
    data: () => ({ orgId: OWN.id, period: '2026-H2' }),
  }),
  'notice.publish': call('notice', 'publish', {
    org: OWN,
    holder: DISCLOSURE,
    nonHolder: MEMBER,
    data: () => ({
      orgId: OWN.id,
      category: '发展党员',
      title: '关于接收郑晓同志为预备党员的公示',
      body: '经支部党员大会讨论，拟接收郑晓同志为中共预备党员，公示期5个工作日。',
    }),
  }),
};

CALLS['appraisal.decide'] = call('appraisal', 'open', {
  org: OWN,
  holder: SUPERIOR,
  nonHolder: SEC,
  data: () => ({ kind: 'secretaryReview', orgId: OWN.id, year: 2026 }),
});
CALLS['appraisal.conduct'] = call('appraisal', 'list', {
  org: OWN,
  holder: ORGANIZER,
  nonHolder: MEMBER,
  data: () => ({ orgId: OWN.id, year: 2026 }),
});

CALLS['media.moderate'] = call('media', 'remove', {
  org: OWN,
  holder: SEC,
  nonHolder: MEMBER,
  async data() {
    // Someone else's file: only the committee (or the superior) may remove it.
    const { fileId } = await uploadMedia(b, 'demo-member-2', {
      orgId: OWN.id,
      purpose: 'declaration',
      name: '志愿服务.jpg',
      bytes: plainJpeg(),
    });
    return { fileId };
  },
});

CALLS['appraisal.decideMembers'] = call('appraisal', 'open', {
  org: OWN,
  holder: ORGANIZER,
  nonHolder: MEMBER,
  data: () => ({ kind: 'democraticAppraisal', orgId: OWN.id, year: 2026 }),
});

CALLS['org.oversee'] = call('org', 'dashboard', {
  org: COMMITTEE,
  holder: SUPERIOR,
  nonHolder: SEC,
  data: () => ({ orgId: COMMITTEE.id, year: 2026 }),
});
CALLS['group.assign'] = call('org', 'setMemberGroup', {
  org: OWN,
  holder: SEC,
  nonHolder: MEMBER,
  data: () => ({ memberId: 'demo-member-2', groupId: null }),
});
CALLS['election.request'] = call('org', 'requestElection', {
  org: OWN,
  holder: SEC,
  nonHolder: ORGANIZER,
  data: () => ({
    orgId: OWN.id,
    plannedDate: '2027-06-01',
    seats: 5,
    reason: '本届支部委员会任期将满，申请按期换届',
  }),
});

/** 双述双评 of demo-secretary up to the 党员大会 step, with a 支部党员大会 to hold its ballot. */
async function reviewAtAssembly(): Promise<string> {
  const id = 'secretaryReview:demo-secretary:2026';
  const texts = { decisions: '落实', keyTasks: '完成', serveMasses: '走访', integrity: '自律' };
  await b.ok('appraisal', 'open', { kind: 'secretaryReview', orgId: OWN.id, year: 2026 }, SUPERIOR);
  await b.ok('appraisal', 'saveReport', { id, sections: texts }, SEC);
  await b.ok('appraisal', 'submitReport', { id }, SEC);
  await b.ok('appraisal', 'approveReport', { id, approve: true }, SUPERIOR);
  const { id: activityId } = await b.ok(
    'activity',
    'create',
    { orgId: OWN.id, type: 'branchAssembly', title: '述职评议党员大会', ...future },
    SEC,
  );
  return activityId;
}

/** Permissions whose actions do not exist yet (the appraisal function is still to come). */
const NO_ACTION_YET: Partial<Record<Permission, string>> = {};

describe('each permission guards a real action: a holder may, a non-holder may not [PRIV-05]', () => {
  beforeEach(async () => {
    await b.reset('demo');
    await seatTestRoles();
  });
  afterEach(() => b.restoreClock());

  it('has a representative action for every permission of the policy', () => {
    const missing = PERMISSIONS.filter((p) => !CALLS[p] && !NO_ACTION_YET[p]);
    expect(missing).toEqual([]);
  });

  const rows = PERMISSIONS.filter((p) => CALLS[p]).map((p) => [p, CALLS[p]!] as const);
  it.each(rows)('%s', async (p, call) => {
    const members = new Map(b.docs('members').map((m) => [m._id, m]));
    const asActor = (id: string): Actor => {
      const m = members.get(id);
      return actor(m._id, m.orgId, m.roles);
    };
    // The chosen holder and non-holder are what the policy says they are.
    expect(decide(p, asActor(call.holder), call.org).ok).toBe(true);
    expect(decide(p, asActor(call.nonHolder), call.org).ok).toBe(false);

    const prepared = await call.prepare();
    const before = snapshot(b);
    const refused = await prepared.err(call.nonHolder);
    expect(refused.code).toBe('AUTH.FORBIDDEN');
    // The refusal is this permission's own, so it came from this check and no other.
    expect(refused.message).toBe(REFUSALS[p]);
    expect(snapshot(b)).toBe(before);
    // From another branch: a check made against the caller's own org instead of the target's
    // would let this through.
    if (call.org.id === OWN.id) {
      expect((await prepared.err(FOREIGN_SECRETARY)).code).toBe('AUTH.FORBIDDEN');
      expect(snapshot(b)).toBe(before);
    }
    await prepared.ok(call.holder);
  });
});

interface OwnCase {
  /** Who tries to decide their own case. */
  self: string;
  /** Who may decide it instead (another holder, or the stand-in for the secretary). */
  standIn: string;
  prepare(): Promise<Prepared>;
}
const ownCase = <F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  { data, ...c }: Omit<OwnCase, 'prepare'> & { data: NoInfer<Build<F, A>> },
): OwnCase => ({ ...c, ...bind(fn, action, data) });

/** Actions that decide about one member: the holder is refused on their own case. */
const OWN_CASES: Partial<Record<Permission, OwnCase>> = {
  'member.manage': ownCase('org', 'setMemberFlags', {
    self: SEC,
    standIn: ORGANIZER,
    data: () => ({ memberId: SEC, exempt: true, exemptReason: '本人申请免于积分' }),
  }),
  'attendance.correct': ownCase('activity', 'setAttendance', {
    self: DEPUTY,
    standIn: SEC,
    data: () => ({
      activityId: 'demo-theme-day',
      memberId: DEPUTY,
      status: 'present',
      reason: '本人到场',
    }),
  }),
  'leave.decide': ownCase('activity', 'decideLeave', {
    self: DEPUTY,
    standIn: ORGANIZER,
    async data() {
      const activityId = await newActivity();
      await b.ok('activity', 'requestLeave', { activityId, reason: '出差' }, DEPUTY);
      return { activityId, memberId: DEPUTY, approve: true };
    },
  }),
  'points.review': ownCase('points', 'review', {
    self: ORGANIZER,
    standIn: SEC,
    async data() {
      const { entryId } = await b.ok(
        'points',
        'declare',
        { itemCode: 'volunteer', month: '2026-11', note: '结对帮扶' },
        ORGANIZER,
      );
      return { entryId, approve: true };
    },
  }),
  'points.award': ownCase('points', 'award', {
    self: ORGANIZER,
    standIn: SEC,
    data: () => ({ memberId: ORGANIZER, itemCode: 'lecture', month: '2026-11', note: '讲党课' }),
  }),
  'appeal.resolve': ownCase('points', 'resolveAppeal', {
    self: SEC,
    standIn: DEPUTY,
    async data() {
      await b.ok('points', 'publishQuarter', { orgId: OWN.id, quarter: '2026-Q4' }, ORGANIZER);
      const { appealId } = await b.ok(
        'points',
        'appeal',
        { entryId: 'att:demo-theme-day-last:demo-secretary', reason: '请核实' },
        SEC,
      );
      return { appealId, accept: false, reply: '经核实无误' };
    },
  }),
  'dues.record': ownCase('dues', 'setBase', {
    self: ORGANIZER,
    standIn: SUPERIOR,
    data: () => ({ memberId: ORGANIZER, year: 2026, category: 'salaried', baseFen: 510000 }),
  }),
};

/** The secretary's own review passes to a commissioner [PRIV-21, SEC-13]. */
OWN_CASES['appraisal.conduct'] = ownCase('appraisal', 'openBallot', {
  self: SEC,
  standIn: ORGANIZER,
  async data() {
    const activityId = await reviewAtAssembly();
    return { id: 'secretaryReview:demo-secretary:2026', box: 'assembly', mode: 'app', activityId };
  },
});

/** 民主评议: a committee member's own 互评 summary is recorded by another [PRIV-21]. */
OWN_CASES['appraisal.decideMembers'] = ownCase('appraisal', 'recordMutual', {
  self: SEC,
  standIn: ORGANIZER,
  async data() {
    const id = 'democraticAppraisal:demo-branch:2026';
    await b.ok(
      'appraisal',
      'open',
      { kind: 'democraticAppraisal', orgId: OWN.id, year: 2026 },
      SEC,
    );
    await b.ok('appraisal', 'completeStep', { id, step: 'study', note: '集中学习' }, SEC);
    await b.ok('appraisal', 'completeStep', { id, step: 'selfEvaluation', note: '口头自评' }, SEC);
    return { id, memberId: SEC, summary: '工作认真负责' };
  },
});

describe('a holder is refused on their own case, another decides it [PRIV-21]', () => {
  beforeEach(async () => {
    await b.reset('demo');
    await seatTestRoles();
  });
  afterEach(() => b.restoreClock());

  const rows = PERMISSIONS.filter((p) => OWN_CASES[p]).map((p) => [p, OWN_CASES[p]!] as const);
  it.each(rows)('%s', async (_p, c) => {
    const prepared = await c.prepare();
    const before = snapshot(b);
    const refused = await prepared.err(c.self);
    expect(refused).toMatchObject({ code: 'AUTH.FORBIDDEN', details: { ruleId: 'PRIV-21' } });
    expect(refused.message).toMatch(/本人/);
    expect(snapshot(b)).toBe(before);
    await prepared.ok(c.standIn);
  });
});

describe('org.me returns the policy’s permission map for every demo identity', () => {
  beforeAll(() => b.reset('demo'));
  const bound = () =>
    b.docs('members').filter((m) => m.openid && !m.openid.startsWith('wx-')) as {
      _id: string;
      openid: string;
      orgId: string;
      roles: RoleGrant[];
    }[];

  it('equals permissionMap() over the orgs each identity relates to', async () => {
    const orgs = b.docs('orgs').map((o) => ({ id: o._id, kind: o.kind, ancestors: o.ancestors }));
    const identities = bound();
    expect(identities.length).toBeGreaterThanOrEqual(14);
    for (const m of identities) {
      const administered = m.roles.filter((r) => r.role === 'superiorAdmin').map((r) => r.orgId);
      const related = orgs.filter(
        (o) =>
          o.id === m.orgId ||
          m.roles.some((r) => r.orgId === o.id) ||
          o.ancestors.some((a: string) => administered.includes(a)),
      );
      const me = await b.ok('org', 'me', {}, m.openid);
      const sorted = (map: Record<string, string[]>) =>
        Object.fromEntries(Object.entries(map).map(([k, v]) => [k, [...v].sort()]));
      expect([m._id, sorted(me.can)]).toEqual([
        m._id,
        sorted(permissionMap(actor(m._id, m.orgId, m.roles), related)),
      ]);
    }
  });
  it('gives demo-member-1 only member-level permissions, on demo-branch', async () => {
    const { can } = await b.ok('org', 'me', {}, MEMBER);
    const held = Object.entries(can as Record<Permission, string[]>).filter(([, o]) => o.length);
    expect(held.length).toBeGreaterThan(0);
    for (const [p, orgIds] of held) {
      expect([p, POLICY[p as Permission].members]).toEqual([p, true]);
      expect(orgIds).toEqual([OWN.id]);
    }
    expect(Object.keys(can).sort()).toEqual([...PERMISSIONS].sort());
  });
  it('gives the superior the superior permissions on every org of its tree', async () => {
    const { can } = await b.ok('org', 'me', {}, SUPERIOR);
    for (const p of PERMISSIONS.filter((q) => POLICY[q].superior))
      expect([p, [...can[p]].sort()]).toEqual([p, [COMMITTEE.id, OWN.id, FOREIGN.id].sort()]);
  });
});
