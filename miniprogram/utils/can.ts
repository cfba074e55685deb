/**
 * What a page may offer, read from `org.me`'s `can` map: the backend's one permission policy
 * says, per permission, on which orgs the caller may exercise it. Pages keep no role lists; these
 * only choose which buttons and links to show, and the backend still decides every action.
 */
import type { MeOutput, Permission } from '../services/types';

/** Whether the caller holds `permission` on `orgId` (by default their own branch). */
export function can(me: MeOutput, permission: Permission, orgId = me.member.orgId): boolean {
  return me.can[permission]?.includes(orgId) ?? false;
}

/** The orgs on which the caller holds `permission` (empty when none). */
export function orgsWith(me: MeOutput, permission: Permission): string[] {
  return me.can[permission] ?? [];
}

/** Whether the caller holds `permission` on any org at all (a link to a page that then picks one). */
export function canAnywhere(me: MeOutput, permission: Permission): boolean {
  return orgsWith(me, permission).length > 0;
}
