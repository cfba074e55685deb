import { OrgKind, Profile, Sector } from '../domain/org/model';
import { _, db, findById, getAll } from './db';

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
  settings: { pointsEnabled: boolean; membersSeeRanking: boolean };
  createdAt: Date;
}

export const findOrg = (id: string) => findById<OrgDoc>('orgs', id);

export async function insertOrg(doc: OrgDoc): Promise<void> {
  await db.collection('orgs').add({ data: doc });
}

/** The org and everything below it. */
export async function subtree(rootId: string): Promise<OrgDoc[]> {
  const below = await getAll<OrgDoc>(
    db
      .collection('orgs')
      .where(_.or([{ _id: rootId }, { ancestors: rootId }]))
      .orderBy('_id', 'asc'),
  );
  return below;
}

export async function orgNames(ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const docs = await getAll<OrgDoc>(
    db
      .collection('orgs')
      .where({ _id: _.in([...new Set(ids)]) })
      .orderBy('_id', 'asc'),
  );
  return new Map(docs.map((o) => [o._id, o.name]));
}

/** The orgs with these ids and every org below the `below` ones (what a caller relates to). */
export async function relatedOrgs(ids: string[], below: string[]): Promise<OrgDoc[]> {
  const clauses = [{ _id: _.in([...new Set([...ids, ...below])]) }];
  if (below.length) clauses.push({ ancestors: _.in(below) } as never);
  return getAll<OrgDoc>(db.collection('orgs').where(_.or(clauses)).orderBy('_id', 'asc'));
}
