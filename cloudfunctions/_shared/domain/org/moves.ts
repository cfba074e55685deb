import { fail, ok, type Result } from '../shared/result';
import { vacanciesAfter } from './committee-alerts';
import { isBranchKind, OrgKind, Role, RoleGrant } from './model';

/*
 * Moving a member between the branches of one tree [PRIV-20] and putting them in one of their
 * branch's 党小组 [ORG-23]: pure rules, no I/O.
 */

/** What the rules read of an org. */
export interface OrgNode {
  _id: string;
  kind: OrgKind;
  parentId: string | null;
  ancestors: readonly string[];
}

/**
 * The group must be a 党小组 (an org of kind partyGroup) of the member's own branch [ORG-23];
 * null (no group) is always allowed.
 */
export function checkGroup(group: OrgNode | null | undefined, branchId: string): Result<void> {
  if (group === null) return ok(undefined);
  if (!group || group.kind !== 'partyGroup' || group.parentId !== branchId) {
    return fail('ORG.NOT_A_GROUP', '请选择这位党员所在支部的党小组', 'ORG-23', {
      fields: ['groupId'],
    });
  }
  return ok(undefined);
}

/**
 * The target of a move: another branch (not a general branch, committee or 党小组) that the
 * actor administers [PRIV-20]; `administers` is the policy's answer for the target.
 */
export function checkMoveTarget(
  target: OrgNode | null | undefined,
  fromOrgId: string,
  administers: boolean,
): Result<void> {
  if (!target || !isBranchKind(target.kind) || !administers) {
    return fail('ORG.NOT_IN_TREE', '只能调到本级党组织管辖的党支部', 'PRIV-20', {
      fields: ['toOrgId'],
    });
  }
  if (target._id === fromOrgId) {
    return fail('INPUT.INVALID', '这位党员已经在这个支部了', undefined, { fields: ['toOrgId'] });
  }
  return ok(undefined);
}

/**
 * What a member keeps and loses when moved out of `fromOrgId` [PRIV-20, ORG-16]: the roles held
 * in the old branch and its 党小组 go (`leftOrgIds`), roles elsewhere (a seat on a superior
 * committee) stay; each committee seat nobody else holds falls vacant today.
 */
export function rolesAfterMove(input: {
  roles: readonly RoleGrant[];
  leftOrgIds: ReadonlySet<string>;
  fromOrgId: string;
  /** The old branch's vacancies before the move. */
  vacancies: Partial<Record<Role, string>>;
  /** The roles others still hold in the old branch. */
  othersHold: ReadonlySet<Role>;
  today: string;
}): { roles: RoleGrant[]; removed: RoleGrant[]; vacancies: Partial<Record<Role, string>> } {
  const removed = input.roles.filter((r) => input.leftOrgIds.has(r.orgId));
  const roles = input.roles.filter((r) => !input.leftOrgIds.has(r.orgId));
  const vacancies = removed
    .filter((r) => r.orgId === input.fromOrgId)
    .reduce(
      (v, r) =>
        vacanciesAfter(
          v,
          { role: r.role, on: false, heldIt: true, othersHoldIt: input.othersHold.has(r.role) },
          input.today,
        ),
      input.vacancies,
    );
  return { roles, removed, vacancies };
}

/** The 分工 kept after a move: those written for the orgs left are dropped [ORG-14]. */
export function dutiesAfterMove(
  duties: Readonly<Record<string, string>> | undefined,
  leftOrgIds: ReadonlySet<string>,
): Record<string, string> {
  return Object.fromEntries(Object.entries(duties ?? {}).filter(([k]) => !leftOrgIds.has(k)));
}

/**
 * Whether a member was moved away from this org: their records there are history, read-only
 * [PRIV-20] (the member document lists the branches it was moved out of).
 */
export const movedAwayFrom = (
  member: { orgId: string; movedFrom?: readonly string[] | null },
  orgId: string,
): boolean => member.orgId !== orgId && !!member.movedFrom?.includes(orgId);
