import { MemberStatus, RoleGrant } from '../domain/org/model';
import { findBinding } from './bindings';
import { _, collection, Tx, updatedCount } from './db';

export interface MemberDoc {
  _id: string;
  orgId: string;
  name: string;
  status: MemberStatus;
  joinedAt: string;
  birthDate: string | null;
  /** Stored for the secretary's call button only; pages get it masked [PRIV-03]. */
  phone: string | null;
  /** 流动党员 */
  mobile: boolean;
  exempt: boolean;
  exemptReason: string | null;
  roles: RoleGrant[];
  openid: string | null;
  boundAt: Date | null;
  privacyConsentAt?: Date | null;
  /** Bumped by each dues payment's transaction, so payments for one member serialise [FEE-13]. */
  duesTurn?: number;
  personKey: string;
  /** The written 分工 per org where the member sits on the committee [ORG-14]. */
  duties?: Record<string, string>;
  /** Set once the member's 组织关系 is transferred out: the roster then leaves them out [PRIV-20]. */
  transfer?: TransferRecord | null;
  /** The branch's 党小组 (an org of kind partyGroup under `orgId`) the member is in [ORG-23, TD-11]. */
  groupId?: string | null;
  /** Branches of the tree the member was moved out of: their records there are history [PRIV-20]. */
  movedFrom?: string[];
  createdAt: Date;
}

/** A transfer out [PRIV-20, FEE-29]: the history stays, read-only; the dues paid through go along. */
export interface TransferRecord {
  toOrgName: string;
  reason: string;
  /** Local date of the transfer; from its month the member is off rosters and dues. */
  on: string;
  month: string;
  /** The last month paid in full (`YYYY-MM`), or null when no dues were ever confirmed [FEE-29]. */
  paidThrough: string | null;
  /** Local date the receiving branch accepted; contact fields are cleared then. */
  acceptedOn: string | null;
}

/** What makes "the same person twice" race-free: `_id` is the person key [decisions.md]. */
interface PersonKeyDoc {
  _id: string;
  memberId: string;
}

const members = collection<MemberDoc>('members');
const personKeys = collection<PersonKeyDoc>('personKeys');

export const findMember = (id: string, tx?: Tx) => members.byId(id, tx);

/**
 * The member bound to an OPENID: one indexed read of `members.openid` on the hot path (every
 * call resolves its caller). `bindings` (whose `_id` is the OPENID) stays the source of truth
 * that makes a binding unique; a member whose copy is missing is found through it and repaired —
 * only when nobody else holds the member meanwhile [CHK-08].
 */
export async function findMemberByOpenid(openid: string): Promise<MemberDoc | null> {
  const bound = await members.first(members.ref().where({ openid }));
  if (bound) return bound;
  const binding = await findBinding(openid);
  const member = binding ? await findMember(binding.memberId) : null;
  if (!member) return null;
  if (member.openid === null && !(await claimMember(member._id, { openid }))) return null;
  if (member.openid !== null && member.openid !== openid) return null;
  return { ...member, openid };
}

const current = (m: MemberDoc) => !m.transfer;

/** The members of an org by name (the roster): without members transferred out [PRIV-20]. */
export const listOrgMembers = async (orgId: string) =>
  (await members.all(members.ref().where({ orgId }).orderBy('name', 'asc'))).filter(current);

/** Members transferred out of an org, their history kept for audit [PRIV-20]. */
export const listTransferredMembers = async (orgId: string) =>
  (await members.all(members.ref().where({ orgId }).orderBy('name', 'asc'))).filter(
    (m) => !current(m),
  );

/** Holders of any role in these orgs (the member docs carry their grants). */
export const listRoleHolders = (orgIds: string | readonly string[]) =>
  members.all(
    members
      .ref()
      .where({
        roles: _.elemMatch({ orgId: typeof orgIds === 'string' ? orgIds : _.in([...orgIds]) }),
      })
      .orderBy('_id', 'asc'),
  );

/** 正式 and 预备 members of one org (one aggregation). */
export async function countByStatus(
  orgId: string,
): Promise<{ full: number; probationary: number }> {
  return (await countByStatusIn([orgId])).get(orgId) ?? { full: 0, probationary: 0 };
}

/** 正式 and 预备 members per org, for many orgs in one aggregation. */
export async function countByStatusIn(
  orgIds: readonly string[],
): Promise<Map<string, { full: number; probationary: number }>> {
  const res = (await members
    .ref()
    .aggregate()
    .match({ orgId: _.in([...orgIds]), transfer: _.eq(null) })
    .group({ _id: { orgId: '$orgId', status: '$status' }, n: { $sum: 1 } })
    .limit(10_000)
    .end()) as { list: { _id: { orgId: string; status: MemberStatus }; n: number }[] };
  const out = new Map<string, { full: number; probationary: number }>();
  for (const row of res.list) {
    const c = out.get(row._id.orgId) ?? { full: 0, probationary: 0 };
    c[row._id.status] = row.n;
    out.set(row._id.orgId, c);
  }
  return out;
}

/** Of these person keys, those already on a roster (the same person twice [decisions.md]). */
export async function takenPersonKeys(keys: readonly string[], tx?: Tx): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const query = personKeys
    .ref(tx)
    .where({ _id: _.in([...new Set(keys)]) })
    .orderBy('_id', 'asc');
  return new Set((await personKeys.all(query)).map((k) => k._id));
}

/**
 * Inserts new members with their person keys, one request per collection. The keys must be free
 * (`takenPersonKeys`, read in the same transaction): inside one, a duplicate key may abort it.
 */
export async function insertMembers(docs: readonly MemberDoc[], tx?: Tx): Promise<void> {
  if (!docs.length) return;
  const keys: PersonKeyDoc[] = docs.map((d) => ({ _id: d.personKey, memberId: d._id }));
  await personKeys.ref(tx).add({ data: keys as never });
  await members.ref(tx).add({ data: docs as never });
}

/**
 * Inside the transaction that records a dues payment: a write to the member's document, so two
 * payments for one member in flight at once conflict and the later one runs again after the
 * earlier has landed (CloudBase retries a conflicting transaction; the emulator runs them one at a
 * time). Without it both would read the same earlier payments [FEE-13].
 */
export async function takeDuesTurn(id: string, tx: Tx): Promise<void> {
  await members
    .ref(tx)
    .doc(id)
    .update({ data: { duesTurn: _.inc(1) } });
}

export async function updateMember(
  id: string,
  patch: Partial<Omit<MemberDoc, '_id' | 'openid' | 'roles'>>,
  tx?: Tx,
): Promise<void> {
  await members.ref(tx).doc(id).update({ data: patch });
}

/**
 * Claims a member for one OPENID: a conditional update (`openid: null → openid`), so of two
 * phones binding the same member at the same moment exactly one gets it [CHK-08].
 */
export async function claimMember(
  id: string,
  patch: { openid: string } & Partial<Pick<MemberDoc, 'boundAt' | 'privacyConsentAt'>>,
): Promise<boolean> {
  return (
    (await updatedCount(members.ref().where({ _id: id, openid: null }).update({ data: patch }))) ===
    1
  );
}

export async function setRoles(id: string, roles: RoleGrant[], tx?: Tx): Promise<void> {
  await members
    .ref(tx)
    .doc(id)
    .update({ data: { roles: _.set(roles) } });
}

/** The names of these members (for the actors of the audit log). */
export async function memberNames(ids: readonly string[]): Promise<Map<string, string>> {
  return new Map((await members.byIds(ids)).map((m) => [m._id, m.name]));
}

/** Writes one member's 分工 in one org [ORG-14]. */
export async function setDuty(id: string, orgId: string, duty: string, tx?: Tx): Promise<void> {
  await members
    .ref(tx)
    .doc(id)
    .update({ data: { [`duties.${orgId}`]: duty } });
}

/**
 * Records a transfer out: the transfer record, no roles, no duties, no WeChat binding (the person
 * binds again in the receiving branch); with `clearContact`, the phone is gone too [PRIV-20].
 */
export async function recordTransfer(
  id: string,
  transfer: TransferRecord,
  opts: { clearContact: boolean },
  tx: Tx,
): Promise<void> {
  const data: Record<string, unknown> = {
    transfer: _.set(transfer),
    roles: _.set([]),
    duties: _.set({}),
    openid: null,
    boundAt: null,
  };
  if (opts.clearContact) data.phone = null;
  await members.ref(tx).doc(id).update({ data });
}

/** Puts a member in one of their branch's 党小组, or none [ORG-23]. */
export async function setMemberGroupId(id: string, groupId: string | null, tx: Tx): Promise<void> {
  await members.ref(tx).doc(id).update({ data: { groupId } });
}

/** Whether a person key is taken, read in the transaction that would take it. */
export const personKeyTaken = async (key: string, tx: Tx): Promise<boolean> =>
  !!(await personKeys.byId(key, tx));

/**
 * Moves a member to another branch of the tree [PRIV-20]: the org, the roles and 分工 kept, no
 * 党小组, the old branch added to `movedFrom`, and the person key re-issued for the new branch
 * (free: checked with `personKeyTaken` in the same transaction). Their records stay where they are.
 */
export async function moveMemberDoc(
  member: Pick<MemberDoc, '_id' | 'personKey' | 'movedFrom'>,
  to: {
    orgId: string;
    personKey: string;
    fromOrgId: string;
    roles: RoleGrant[];
    duties: Record<string, string>;
  },
  tx: Tx,
): Promise<void> {
  await personKeys.ref(tx).doc(member.personKey).remove();
  await personKeys.ref(tx).add({ data: { _id: to.personKey, memberId: member._id } as never });
  await members
    .ref(tx)
    .doc(member._id)
    .update({
      data: {
        orgId: to.orgId,
        personKey: to.personKey,
        roles: _.set(to.roles),
        duties: _.set(to.duties),
        groupId: null,
        movedFrom: _.set([...new Set([...(member.movedFrom ?? []), to.fromOrgId])]),
      },
    });
}
