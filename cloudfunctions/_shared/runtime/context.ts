import { decide, OWN_CASE_REFUSAL, Permission, REFUSALS, Subject } from '../domain/org/policy';
import { Ports } from '../ports';
import { findMemberByOpenid, MemberDoc } from '../repos/members';
import { findOrg, OrgDoc } from '../repos/orgs';
import { appendAudit, AuditEntry } from './audit';
import { AppError, forbidden, notFound } from './errors';

/** Whose case a decision is: a member id, a subject, or the member's document (with its roles). */
export type SubjectRef = string | Subject | Pick<MemberDoc, '_id' | 'roles'>;

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
  /** Appends an audit log entry for an administrator write [PRIV-06]. */
  audit(entry: Omit<AuditEntry, 'action'>): Promise<void>;
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

  async function loadOrg(orgId: string): Promise<{ org: OrgDoc; c: Caller }> {
    const c = await caller();
    const org = await findOrg(orgId);
    if (!org) throw notFound('组织');
    return { org, c };
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
      const org = typeof orgOrId === 'string' ? (await loadOrg(orgOrId)).org : orgOrId;
      const verdict = await check(permission, org, opts.subject);
      if (verdict !== true) throw verdict;
      return org;
    },
    async may(permission, org, opts = {}) {
      return (await check(permission, org, opts.subject)) === true;
    },
    async audit(entry) {
      const c = await caller();
      const roles = c.member.roles
        .filter((g) => !entry.orgId || g.orgId === entry.orgId || g.role === 'superiorAdmin')
        .map((g) => g.role);
      await appendAudit({ memberId: c.member._id, openid: c.openid, roles }, now, {
        ...entry,
        action: `${fn}.${action}`,
      });
    },
  };
}
