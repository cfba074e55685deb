import { MemberStatus, RoleGrant } from '../domain/org/model';
import { _, countOf, db, findById, getAll, insertOnce } from './db';

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
  personKey: string;
  createdAt: Date;
}

const members = () => db.collection('members');

export const findMember = (id: string) => findById<MemberDoc>('members', id);

/**
 * The member bound to an OPENID: one indexed read of `members.openid` on the hot path (every
 * call resolves its caller). `bindings` (whose `_id` is the OPENID) stays the source of truth
 * that makes a binding unique; a member whose copy is missing is found through it and repaired.
 */
export async function findMemberByOpenid(openid: string): Promise<MemberDoc | null> {
  const res = (await members().where({ openid }).limit(1).get()) as unknown as {
    data: MemberDoc[];
  };
  if (res.data[0]) return res.data[0];
  const binding = await findById<{ memberId: string }>('bindings', openid);
  const member = binding ? await findMember(binding.memberId) : null;
  if (member && !member.openid) await updateMember(member._id, { openid });
  return member ? { ...member, openid } : null;
}

export const listOrgMembers = (orgId: string) =>
  getAll<MemberDoc>(members().where({ orgId }).orderBy('name', 'asc'));

/** Holders of any role in an org (the member docs carry their grants). */
export const listRoleHolders = (orgId: string) =>
  getAll<MemberDoc>(
    members()
      .where({ roles: _.elemMatch({ orgId }) })
      .orderBy('_id', 'asc'),
  );

export async function countByStatus(
  orgId: string,
): Promise<{ full: number; probationary: number }> {
  const [full, probationary] = await Promise.all(
    (['full', 'probationary'] as const).map((status) =>
      countOf(members().where({ orgId, status })),
    ),
  );
  return { full, probationary };
}

/** Inserts a member; false when a person with the same key already exists. */
export async function insertMember(doc: MemberDoc): Promise<boolean> {
  if (!(await insertOnce('personKeys', { _id: doc.personKey, memberId: doc._id }))) return false;
  await members().add({ data: doc });
  return true;
}

export async function updateMember(
  id: string,
  patch: Partial<Omit<MemberDoc, '_id'>>,
): Promise<void> {
  await members().doc(id).update({ data: patch });
}

export async function setRoles(id: string, roles: RoleGrant[]): Promise<void> {
  await members()
    .doc(id)
    .update({ data: { roles: _.set(roles) } });
}
