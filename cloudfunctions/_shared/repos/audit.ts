import { _, collection, db } from './db';

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

export const appendAuditEntry = (entry: Omit<AuditDoc, '_id'>) => auditLogs.add(entry);

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
