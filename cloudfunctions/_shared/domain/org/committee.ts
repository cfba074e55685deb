import { COMMITTEE_ROLES, RoleGrant } from './model';

/** The 支委 seats of one org, as facts for its alerts [ORG-09, ORG-12, ORG-13]. */
export interface CommitteeSeats {
  /** Distinct people holding a 支委 seat. */
  size: number;
  hasSecretary: boolean;
}

/**
 * Counts the committee of each org from the grants its role holders carry: one seat per person
 * (a 书记 who is also 组织委员 is one member of the committee), and whether a 书记 is set.
 */
export function committeeSeats(
  holders: readonly { roles: readonly RoleGrant[] }[],
): Map<string, CommitteeSeats> {
  const out = new Map<string, CommitteeSeats>();
  for (const m of holders) {
    const seated = new Set(
      m.roles.filter((r) => COMMITTEE_ROLES.includes(r.role)).map((r) => r.orgId),
    );
    for (const orgId of seated) {
      const s = out.get(orgId) ?? { size: 0, hasSecretary: false };
      s.size += 1;
      s.hasSecretary ||= m.roles.some((r) => r.orgId === orgId && r.role === 'secretary');
      out.set(orgId, s);
    }
  }
  return out;
}

/** The orgs whose superior administrator this member is (they relate to everything below). */
export const administeredOrgs = (grants: readonly RoleGrant[]): string[] =>
  grants.filter((g) => g.role === 'superiorAdmin').map((g) => g.orgId);

/** Every org a member relates to directly: their own branch and the orgs of their grants. */
export const ownOrgs = (member: { orgId: string; roles: readonly RoleGrant[] }): string[] => [
  ...new Set([member.orgId, ...member.roles.map((r) => r.orgId)]),
];

/** A member's grants after one role of one org is switched on or off (each grant held once). */
export function switchRole(
  grants: readonly RoleGrant[],
  change: { orgId: string; role: RoleGrant['role']; on: boolean },
): RoleGrant[] {
  const others = grants.filter((g) => !(g.orgId === change.orgId && g.role === change.role));
  return change.on ? [...others, { orgId: change.orgId, role: change.role }] : others;
}
