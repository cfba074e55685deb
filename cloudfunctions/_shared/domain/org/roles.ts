import { fail, ok, Result } from '../shared/result';
import {
  COMMISSIONER_ROLES,
  COMMITTEE_ROLES,
  isBranchKind,
  isSuperiorKind,
  MemberStatus,
  OrgKind,
  Role,
  ROLES,
} from './model';

export interface RoleChange {
  role: Role;
  on: boolean;
  member: { id: string; orgId: string; status: MemberStatus };
  org: { id: string; kind: OrgKind; fullMembers: number };
  /** Current holders of roles in this org. */
  holders: readonly { memberId: string; role: Role }[];
}

/**
 * Checks a role grant against the hard ORG rules: one 书记 and at most one 副书记 [ORG-13];
 * no commissioner seats below 7 正式党员 [ORG-10]; a committee of at most 7 people [ORG-11];
 * 党小组长 only a 正式党员 [ORG-24]; superior administrators only of orgs with orgs below.
 */
export function checkRoleChange(c: RoleChange): Result<void> {
  if (!c.on) return ok(undefined);
  if (c.member.orgId !== c.org.id) {
    return fail('ROLE.NOT_IN_ORG', '只能给本组织的党员设置职务');
  }
  if (c.role === 'superiorAdmin') {
    return isSuperiorKind(c.org.kind)
      ? ok(undefined)
      : fail('ROLE.NOT_ALLOWED', '只有党委或党总支可设置上级管理员');
  }
  if (
    c.role !== 'scorer' &&
    c.role !== 'duesManager' &&
    c.role !== 'disclosureMaintainer' &&
    !isBranchKind(c.org.kind) &&
    c.role !== 'groupLeader'
  ) {
    return fail('ROLE.NOT_ALLOWED', `${ROLES[c.role]}只能在党支部设置`);
  }
  const others = c.holders.filter((h) => h.memberId !== c.member.id);
  if (
    (c.role === 'secretary' || c.role === 'deputySecretary') &&
    others.some((h) => h.role === c.role)
  ) {
    return fail('CONFLICT', `本支部已有${ROLES[c.role]}，请先免去原任职务`, 'ORG-13');
  }
  if (COMMISSIONER_ROLES.includes(c.role) && c.org.fullMembers < 7) {
    return fail(
      'ROLE.NO_COMMITTEE',
      `正式党员不足7名的支部不设支部委员会，只设书记和副书记`,
      'ORG-10',
    );
  }
  if (COMMITTEE_ROLES.includes(c.role)) {
    const seats = new Set(
      c.holders.filter((h) => COMMITTEE_ROLES.includes(h.role)).map((h) => h.memberId),
    );
    seats.add(c.member.id);
    if (seats.size > 7) return fail('ROLE.COMMITTEE_FULL', '支部委员会最多7人', 'ORG-11');
  }
  if (c.role === 'groupLeader' && c.member.status !== 'full') {
    return fail('ROLE.NOT_ELIGIBLE', '党小组长须由正式党员担任', 'ORG-24');
  }
  return ok(undefined);
}

/** Roles only a superior may grant: the secretary and deputy take office on the superior's approval [ORG-15]. */
export const superiorGrantedRoles: readonly Role[] = [
  'secretary',
  'deputySecretary',
  'superiorAdmin',
];
