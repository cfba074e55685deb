import { _, collection, db, Tx } from './db';

/** One entry of the append-only audit log of administrator writes [PRIV-06]. */
export interface AuditDoc {
  _id: string;
  /** `<function>.<action>` */
  action: string;
  orgId?: string;
  entity: string;
  entityId: string;
  actor: { memberId: string; openid: string; roles: string[] };
  at: Date;
  before: unknown;
  after: unknown;
  reason?: string;
}

const auditLogs = collection<AuditDoc>('auditLogs');

/** Appends entries, inside the transaction of the write they record when given one [PRIV-06]. */
export async function appendAuditEntries(entries: readonly AuditDoc[], tx?: Tx): Promise<void> {
  if (entries.length === 1) await auditLogs.add(entries[0], tx);
  else if (entries.length) await auditLogs.ref(tx).add({ data: entries as never });
}

export interface AuditQuery {
  orgIds: readonly string[];
  from?: Date;
  to?: Date;
  entity?: string;
  offset: number;
  limit: number;
}

/** One page of the log of these orgs, newest first; `entity` matches it and its sub-entities. */
export async function listAuditEntries(q: AuditQuery): Promise<AuditDoc[]> {
  const where: Record<string, unknown> = { orgId: _.in([...q.orgIds]) };
  if (q.from && q.to) where.at = _.gte(q.from).and(_.lt(q.to));
  else if (q.from) where.at = _.gte(q.from);
  else if (q.to) where.at = _.lt(q.to);
  if (q.entity) where.entity = db.RegExp({ regexp: `^${escape(q.entity)}(\\.|$)` });
  const res = (await auditLogs
    .ref()
    .where(where)
    .orderBy('at', 'desc')
    .orderBy('_id', 'desc')
    .skip(q.offset)
    .limit(q.limit)
    .get()) as unknown as { data: AuditDoc[] };
  return res.data;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
