import { randomUUID } from 'crypto';
import type { RoleGrant } from '../domain/org/model';
import { EMULATOR_HOOKS, EmulatorHooks } from '../ports';
import type { AuditDoc } from '../repos/audit';
import type { OrgDoc } from '../repos/orgs';

export interface AuditEntry {
  action: string;
  orgId?: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  reason?: string;
}

export type Actor = AuditDoc['actor'];

/**
 * The roles an actor acted in on an org [PRIV-06]: the roles they hold in it, and the
 * superiorAdmin grants they hold on an org above it (a superior acts from above). Roles held
 * elsewhere — another branch, a duty in the superior org — are not what they acted in.
 */
export function rolesActedIn(
  grants: readonly RoleGrant[],
  org: Pick<OrgDoc, '_id' | 'ancestors'> | null,
): string[] {
  if (!org) return [];
  const above = new Set(org.ancestors);
  const held = grants.filter(
    (g) => g.orgId === org._id || (g.role === 'superiorAdmin' && above.has(g.orgId)),
  );
  return [...new Set(held.map((g) => g.role))];
}

/**
 * An entry of the append-only audit log of administrator writes [PRIV-06]: who (member, the roles
 * they acted in, OPENID), when, what, before and after. Appended by `ctx.write` inside the
 * transaction of the write it records, so there is never one without the other.
 */
export function auditDoc(actor: Actor, at: Date, entry: AuditEntry): AuditDoc {
  return {
    _id: auditId(entry.action),
    ...entry,
    actor,
    at,
    before: entry.before ?? null,
    after: entry.after ?? null,
  };
}

function auditId(action: string): string {
  const hooks = (globalThis as Record<symbol, unknown>)[EMULATOR_HOOKS] as
    EmulatorHooks | undefined;
  return hooks?.auditId?.(action) ?? randomUUID().replace(/-/g, '');
}
