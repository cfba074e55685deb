import type { RectificationDigest } from './rectifications';
import type { RoomChecklist } from '../domain/org/five-standards';
import { OrgKind, Profile, Role, Sector } from '../domain/org/model';
import { _, collection, Tx } from './db';

export interface OrgDoc {
  _id: string;
  name: string;
  kind: OrgKind;
  parentId: string | null;
  /** Root first; lets "is X above Y" be one array test. */
  ancestors: string[];
  category: Sector;
  profile: Profile;
  termStart: string;
  termYears: number;
  /**
   * Branch settings [rules.md "config"]: read through `settingOf()` of domain/org/settings.ts,
   * which gives the default for an unset key (points are on by default in 农村 and 社区, PTS-01).
   */
  settings: Record<string, unknown>;
  /** 联合党支部: how many units it covers [ORG-03]. */
  units?: number | null;
  /** The superior's 联系指导 member for this branch [ORG-25]. */
  liaisonId?: string | null;
  /** Committee seats fallen vacant, and since when (local date) [ORG-16]. */
  vacancies?: Partial<Record<Role, string>>;
  /** The election date the superior approved for a postponed or early 换届 [ORG-21]. */
  approvedElection?: { date: string; reason: string; approvedOn: string } | null;
  /** 党员活动室 六有 checklist [ORG-31]. */
  room?: RoomChecklist;
  /**
   * The open items of the branch's rectification list, by year (kept by repos/rectifications.ts
   * with every write of the list), so the to-do list reads them with the org [APR-18].
   */
  rectificationDue?: Record<string, RectificationDigest>;
  /**
   * The members' paid months (`duesYears`) are complete for this org: kept by every payment since
   * it was created, or rebuilt from its payments by the nightly job (orgs from before the summaries).
   * Readers of an org without it read its payments.
   */
  paidMonthsKept?: boolean;
  createdAt: Date;
}

const orgs = collection<OrgDoc>('orgs');

/** Replaces the rectification digest of one year (see `rectificationDue`). */
export async function setRectificationDigest(
  id: string,
  year: number,
  digest: RectificationDigest,
  tx: Tx,
): Promise<void> {
  await orgs
    .ref(tx)
    .doc(id)
    .update({ data: { [`rectificationDue.${year}`]: _.set(digest) } });
}

export const findOrg = (id: string, tx?: Tx) => orgs.byId(id, tx);

/** Creates an org; its paid months are kept from its first payment on (`paidMonthsKept`). */
export async function insertOrg(doc: OrgDoc, tx?: Tx): Promise<void> {
  await orgs.add({ ...doc, paidMonthsKept: true }, tx);
}

/** Orgs whose paid months are not known to be complete (from before the summaries), up to `max`. */
export async function orgsWithoutPaidMonths(max: number): Promise<OrgDoc[]> {
  const res = (await orgs
    .ref()
    .where({ paidMonthsKept: _.neq(true) })
    .orderBy('_id', 'asc')
    .limit(Math.min(max, 1000))
    .get()) as unknown as { data: OrgDoc[] };
  return res.data;
}

/** The org's paid months were rebuilt from its payments. */
export async function markPaidMonthsKept(id: string): Promise<void> {
  await orgs
    .ref()
    .doc(id)
    .update({ data: { paidMonthsKept: true } });
}

/** Sets one branch setting (`settings.<key>`): schedule rule, ranking visibility, … */
export async function setOrgSetting(
  id: string,
  key: string,
  value: unknown,
  tx?: Tx,
): Promise<void> {
  await orgs
    .ref(tx)
    .doc(id)
    .update({ data: { [`settings.${key}`]: value } });
}

/** Sets facts of an org kept on its document (units, liaison, vacancies, room). */
export async function updateOrgFacts(
  id: string,
  patch: Partial<
    Pick<OrgDoc, 'units' | 'liaisonId' | 'vacancies' | 'room' | 'approvedElection' | 'termStart'>
  >,
  tx?: Tx,
): Promise<void> {
  const data = Object.fromEntries(
    Object.entries(patch).map(([k, v]) => [k, v !== null && typeof v === 'object' ? _.set(v) : v]),
  );
  await orgs.ref(tx).doc(id).update({ data });
}

/** The org and everything below it. */
export const subtree = (rootId: string): Promise<OrgDoc[]> =>
  orgs.all(
    orgs
      .ref()
      .where(_.or([{ _id: rootId }, { ancestors: rootId }]))
      .orderBy('_id', 'asc'),
  );

/** The ids of the org and everything below it. */
export async function subtreeIds(rootId: string): Promise<string[]> {
  return (await subtree(rootId)).map((o) => o._id);
}

export async function orgNames(ids: string[]): Promise<Map<string, string>> {
  return new Map((await orgs.byIds(ids)).map((o) => [o._id, o.name]));
}

/** The orgs with these ids and every org below the `below` ones (what a caller relates to). */
export async function relatedOrgs(ids: string[], below: string[]): Promise<OrgDoc[]> {
  const clauses: object[] = [{ _id: _.in([...new Set([...ids, ...below])]) }];
  if (below.length) clauses.push({ ancestors: _.in(below) });
  return orgs.all(orgs.ref().where(_.or(clauses)).orderBy('_id', 'asc'));
}
