import { decide, OWN_CASE_REFUSAL, Permission, REFUSALS, Subject } from '../domain/org/policy';
import { Ports } from '../ports';
import { findMemberByOpenid, MemberDoc } from '../repos/members';
import { appendAuditEntries } from '../repos/audit';
import { inTransaction, Tx } from '../repos/db';
import { findOrg, OrgDoc } from '../repos/orgs';
import { auditDoc, AuditEntry, rolesActedIn } from './audit';
import { AppError, forbidden, notFound } from './errors';

/** Whose case a decision is: a member id, a subject, or the member's document (with its roles). */
export type SubjectRef = string | Subject | Pick<MemberDoc, '_id' | 'roles'>;

/** One audit entry of a write; `org` when the use case has the entry's org loaded. */
export type AuditInput = Omit<AuditEntry, 'action' | 'orgId'> & { orgId?: string; org?: OrgDoc };

/** What the work of `ctx.write` answers: the entries recording it (none: nothing was written) and a result. */
export interface Audited<T> {
  audit: AuditInput | readonly AuditInput[] | null;
  result?: T;
}

export interface Caller {
  openid: string;
  member: MemberDoc;
}

/** What a use case gets: the time of the request, the ports, the caller and the authorisation checks. */
export interface Ctx {
  fn: string;
  action: string;
  now: Date;
  ports: Ports;
  openid: string | undefined;
  /** The bound caller; throws AUTH.UNBOUND when the OPENID is not bound to a member. */
  caller(): Promise<Caller>;
  /**
   * The one authorisation check: loads the org (or takes it loaded) and checks the caller holds
   * `permission` on it under the policy; with a subject, never on the caller's own case [PRIV-21].
   */
  require(
    permission: Permission,
    org: string | OrgDoc,
    opts?: { subject?: SubjectRef },
  ): Promise<OrgDoc>;
  /** Whether the caller holds `permission` on a loaded org (for what an output offers). */
  may(permission: Permission, org: OrgDoc, opts?: { subject?: SubjectRef }): Promise<boolean>;
  /**
   * An administrator write and its audit entries, atomically [PRIV-06]: `work` writes through the
   * repos with `tx` (every request inside it goes through `tx`, reads too) and answers the
   * entries; they are appended in the same transaction. A throw rolls every write back.
   */
  write<T = undefined>(work: (tx: Tx) => Promise<Audited<T>>): Promise<T>;
}

export function createContext(fn: string, action: string, ports: Ports): Ctx {
  const openid = ports.identity.openid();
  const now = ports.clock.now();
  let callerPromise: Promise<Caller> | undefined;

  const caller = () => {
    callerPromise ??= (async () => {
      if (!openid) throw new AppError('AUTH.UNBOUND');
      const member = await findMemberByOpenid(openid);
      if (!member) throw new AppError('AUTH.UNBOUND');
      return { openid, member };
    })();
    return callerPromise;
  };

  // The orgs this call loaded or was given (ctx.require), for the roles of its audit entries.
  const orgs = new Map<string, OrgDoc>();
  const known = (org: OrgDoc) => (orgs.set(org._id, org), org);
  async function loadOrg(orgId: string): Promise<OrgDoc> {
    await caller();
    const org = orgs.get(orgId) ?? (await findOrg(orgId));
    if (!org) throw notFound('组织');
    return known(org);
  }
  async function entries(list: readonly AuditInput[], tx: Tx) {
    if (!list.length) return []; // nothing to attribute: a system write (the timer) has no caller
    const c = await caller(); // settled before any action runs
    const actor = (org: OrgDoc | null) => ({
      memberId: c.member._id,
      openid: c.openid,
      roles: rolesActedIn(c.member.roles, org),
    });
    const out = [];
    for (const { org: given, ...e } of list) {
      const orgId = given?._id ?? e.orgId;
      const org = given ?? (orgId ? (orgs.get(orgId) ?? (await findOrg(orgId, tx))) : null);
      out.push(auditDoc(actor(org), now, { ...e, orgId, action: `${fn}.${action}` }));
    }
    return out;
  }
  const node = (org: OrgDoc) => ({ id: org._id, kind: org.kind, ancestors: org.ancestors });
  const subjectOf = (s: SubjectRef | undefined): Subject | undefined =>
    typeof s === 'string' ? { id: s } : s && '_id' in s ? { id: s._id, roles: s.roles } : s;
  async function check(
    permission: Permission,
    org: OrgDoc,
    subject: SubjectRef | undefined,
  ): Promise<true | AppError> {
    const { member } = await caller();
    const actor = { id: member._id, orgId: member.orgId, roles: member.roles };
    const d = decide(permission, actor, node(org), subjectOf(subject));
    if (d.ok) return true;
    return d.reason === 'ownCase'
      ? new AppError('AUTH.FORBIDDEN', OWN_CASE_REFUSAL, { ruleId: 'PRIV-21' })
      : forbidden(REFUSALS[permission]);
  }

  return {
    fn,
    action,
    now,
    ports,
    openid,
    caller,
    async require(permission, orgOrId, opts = {}) {
      const org = typeof orgOrId === 'string' ? await loadOrg(orgOrId) : known(orgOrId);
      const verdict = await check(permission, org, opts.subject);
      if (verdict !== true) throw verdict;
      return org;
    },
    async may(permission, org, opts = {}) {
      return (await check(permission, known(org), opts.subject)) === true;
    },
    async write(work) {
      return inTransaction(async (tx) => {
        const { audit, result } = await work(tx);
        const list = audit === null ? [] : Array.isArray(audit) ? audit : [audit as AuditInput];
        await appendAuditEntries(await entries(list, tx), tx);
        return result as never;
      });
    },
  };
}
