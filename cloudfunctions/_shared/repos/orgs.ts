import { OrgKind, Profile, Sector } from '../domain/org/model';
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
  createdAt: Date;
}

const orgs = collection<OrgDoc>('orgs');

export const findOrg = (id: string, tx?: Tx) => orgs.byId(id, tx);

export async function insertOrg(doc: OrgDoc, tx?: Tx): Promise<void> {
  await orgs.add(doc, tx);
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
