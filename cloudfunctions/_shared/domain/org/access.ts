import { COMMITTEE_ROLES, OrgNode, Role, RoleGrant } from './model';

/**
 * Who may act on an org [PRIV-05]: the holders of a role in that org, and the superior
 * administrators of any org above it (a superior may do what the committee may, below it).
 */
export function holdsRole(
  grants: readonly RoleGrant[],
  org: OrgNode,
  roles: readonly Role[],
): boolean {
  return grants.some((g) => g.orgId === org.id && roles.includes(g.role));
}

export function isSuperiorOf(grants: readonly RoleGrant[], org: OrgNode): boolean {
  return grants.some((g) => g.role === 'superiorAdmin' && org.ancestors.includes(g.orgId));
}

/** A superior administrator of this org itself or of one above it. */
export function administers(grants: readonly RoleGrant[], org: OrgNode): boolean {
  return isSuperiorOf(grants, org) || holdsRole(grants, org, ['superiorAdmin']);
}

export function isCommittee(grants: readonly RoleGrant[], org: OrgNode): boolean {
  return holdsRole(grants, org, COMMITTEE_ROLES) || isSuperiorOf(grants, org);
}

/** Committee, or one of the listed duty roles of that org (scorer, duesManager, …). */
export function mayAct(
  grants: readonly RoleGrant[],
  org: OrgNode,
  duties: readonly Role[] = [],
): boolean {
  return isCommittee(grants, org) || holdsRole(grants, org, duties);
}
