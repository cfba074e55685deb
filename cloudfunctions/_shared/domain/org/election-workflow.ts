import type { ElectionStep } from '../../contracts/org-oversight';
import { fail, ok, Result } from '../shared/result';
import { checkRoleChange } from './roles';
import { COMMITTEE_ROLES, MemberStatus, OrgKind, Role, RoleGrant } from './model';

/**
 * The 换届 workflow as pure rules [ORG-20, ORG-21, ORG-10, ORG-11, ORG-13, PRIV-21]: 请示 →
 * 批复 (approved or returned) → the election meeting's tallies → the new committee recorded.
 */

export const ELECTION_STEP_LABELS: Record<ElectionStep, string> = {
  requested: '已请示，等待上级批复',
  approved: '上级已同意，待召开选举大会',
  rejected: '上级未同意，已退回',
  elected: '已选举，待登记新一届支委会',
  recorded: '新一届支委会已产生',
};

/** Steps that keep a 请示 open: another cannot be filed meanwhile. */
export const OPEN_STEPS: readonly ElectionStep[] = ['requested', 'approved', 'elected'];

const NEXT: Record<ElectionStep, readonly ElectionStep[]> = {
  requested: ['approved', 'rejected'],
  approved: ['elected', 'recorded'],
  elected: ['recorded'],
  rejected: [],
  recorded: [],
};

const ORDER_MESSAGES: Partial<Record<ElectionStep, string>> = {
  approved: '这份请示已经批复过了',
  rejected: '这份请示已被退回，请重新提交请示',
  recorded: '这次换届已经登记完成',
  requested: '这份请示尚未批复，不能登记选举结果',
};

/** Moving a 请示 from one step to the next, in order only [ORG-20]. */
export function checkStep(from: ElectionStep, to: ElectionStep): Result<void> {
  if (NEXT[from].includes(to)) return ok(undefined);
  return fail(
    'ELECTION.STEP_ORDER',
    ORDER_MESSAGES[from] ?? '换届工作须按请示、批复、选举、登记的顺序进行',
    'ORG-20',
  );
}

/** Only 党支部 (and 联合党支部) file a 换届选举请示 here; temporary branches have no 换届 [ORG-08]. */
export function checkCanRequest(kind: OrgKind): Result<void> {
  if (kind === 'branch' || kind === 'jointBranch') return ok(undefined);
  return fail('INPUT.INVALID', '只有党支部需要在这里提交换届选举请示（临时党支部和党小组不换届）');
}

/**
 * 应选支委人数 fits the branch [ORG-10, ORG-11]: below 7 正式党员 there is no committee, only a
 * 书记 and at most one 副书记 (1–2 seats); otherwise a committee of 3 to 7.
 */
export function checkSeats(seats: number, fullMembers: number): Result<void> {
  if (fullMembers < 7) {
    return seats <= 2
      ? ok(undefined)
      : fail(
          'ROLE.NO_COMMITTEE',
          '正式党员不足7名的支部不设支部委员会，只选书记和副书记（应选不超过2人）',
          'ORG-10',
        );
  }
  if (seats < 3 || seats > 7) {
    return fail('ROLE.COMMITTEE_FULL', '支部委员会应由3至7人组成', 'ORG-11');
  }
  return ok(undefined);
}

/** Whether an open request blocks a new one [ELECTION.PENDING]. */
export function checkNoneOpen(steps: readonly ElectionStep[]): Result<void> {
  return steps.some((s) => OPEN_STEPS.includes(s))
    ? fail('ELECTION.PENDING', '已有一份换届选举请示正在办理，请等待上级批复或完成这次换届')
    : ok(undefined);
}

/**
 * Nobody decides their own case [PRIV-21]: the one who filed the 请示, a member of that branch or
 * anyone on its committee does not approve it; another superior administrator does.
 */
export function isOwnElectionCase(
  actor: { id: string; orgId: string; roles: readonly RoleGrant[] },
  request: { orgId: string; requestedBy: string },
): boolean {
  return (
    actor.id === request.requestedBy ||
    actor.orgId === request.orgId ||
    actor.roles.some((r) => r.orgId === request.orgId && COMMITTEE_ROLES.includes(r.role))
  );
}

export interface ElectedMember {
  id: string;
  orgId: string;
  status: MemberStatus;
  transferred: boolean;
}

export interface NewCommittee {
  org: { id: string; kind: OrgKind; fullMembers: number };
  seats: number;
  /** The given seats, one row per role (one person may hold several) [ORG-13]. */
  committee: readonly { memberId: string; role: Role }[];
  /** The members named, as loaded (missing ones are absent). */
  members: ReadonlyMap<string, ElectedMember>;
}

/**
 * The new committee the election produced [ORG-10, ORG-11, ORG-13, ORG-20]: every person a
 * 正式党员 of the branch still on its roster, exactly one 书记, each role held once, no more people
 * than the seats approved, and each grant passing the same checks as `setRole` (`checkRoleChange`)
 * against the new committee as a whole.
 */
export function checkNewCommittee(c: NewCommittee): Result<void> {
  for (const row of c.committee) {
    const m = c.members.get(row.memberId);
    if (!m || m.transferred || m.orgId !== c.org.id || m.status !== 'full') {
      return fail('ELECTION.NOT_ELECTED', '新一届支委会成员须是本支部在册的正式党员', 'ORG-20');
    }
  }
  const keys = c.committee.map((r) => `${r.memberId}:${r.role}`);
  if (new Set(keys).size !== keys.length) {
    return fail('INPUT.INVALID', '同一位同志的同一职务只需填写一次');
  }
  const secretaries = c.committee.filter((r) => r.role === 'secretary').length;
  if (secretaries !== 1) {
    return fail('CONFLICT', '新一届支委会须有且只有一名书记', 'ORG-13');
  }
  const people = new Set(c.committee.map((r) => r.memberId)).size;
  if (people > c.seats) {
    return fail('ROLE.COMMITTEE_FULL', `人数超过了上级批准的应选人数（${c.seats}人）`, 'ORG-11');
  }
  if (c.org.fullMembers >= 7 && people < 3) {
    return fail('ROLE.COMMITTEE_FULL', '支部委员会应由3至7人组成', 'ORG-11');
  }
  for (const row of c.committee) {
    const m = c.members.get(row.memberId)!;
    const r = checkRoleChange({
      role: row.role,
      on: true,
      member: { id: m.id, orgId: m.orgId, status: m.status },
      org: c.org,
      holders: c.committee.filter((h) => h !== row),
    });
    if (!r.ok) return r;
  }
  return ok(undefined);
}

/**
 * Each member's grants once the new committee takes office: committee roles in this org become
 * exactly the given ones; duty roles (记分员, 党费管理员 …) and grants in other orgs stay.
 * Answers only the members whose grants change.
 */
export function committeeGrants(
  orgId: string,
  current: readonly { id: string; roles: readonly RoleGrant[] }[],
  committee: readonly { memberId: string; role: Role }[],
): Map<string, { before: RoleGrant[]; after: RoleGrant[] }> {
  const out = new Map<string, { before: RoleGrant[]; after: RoleGrant[] }>();
  for (const m of current) {
    const kept = m.roles.filter((r) => !(r.orgId === orgId && COMMITTEE_ROLES.includes(r.role)));
    const given = committee
      .filter((r) => r.memberId === m.id)
      .map((r) => ({ orgId, role: r.role }));
    const after = [...kept, ...given];
    const same =
      after.length === m.roles.length &&
      after.every((g) => m.roles.some((r) => r.orgId === g.orgId && r.role === g.role));
    if (!same) out.set(m.id, { before: [...m.roles], after });
  }
  return out;
}
