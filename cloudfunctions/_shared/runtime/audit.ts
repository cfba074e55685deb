import { appendAuditEntry } from '../repos/audit';

export interface AuditEntry {
  action: string;
  orgId?: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  reason?: string;
}

/**
 * Append-only audit log of administrator writes [PRIV-06]: who (member, roles, OPENID), when,
 * what, before and after. Written after the change succeeded, so a refused call leaves no entry.
 */
export async function appendAudit(
  actor: { memberId: string; openid: string; roles: string[] },
  at: Date,
  entry: AuditEntry,
): Promise<void> {
  await appendAuditEntry({
    ...entry,
    actor,
    at,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
