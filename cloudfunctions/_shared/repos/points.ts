import type { LedgerEntry } from '../domain/points/pioneer';
import type { StandardItem } from '../domain/points/standard';
import { collection, countOf, Tx } from './db';
import type { MemberDoc } from './members';
import type { OrgDoc } from './orgs';

/**
 * The 积分 area's documents and named queries: standards, the ledger of declared and assessed
 * entries, quarterly publications, appeals, year publications and 堡垒指数 assessments. The views
 * that join them with the records they are computed from are in `points-views.ts`.
 */

/** One version of a branch's standard for a year; `_id` = `${orgId}:${year}:v${version}` [PTS-13]. */
export interface StandardDoc {
  _id: string;
  orgId: string;
  year: number;
  version: number;
  effectiveFrom: string | null;
  items: StandardItem[];
  createdAt: Date;
}

/** A declared or assessed ledger entry; appended, decided once, never rescored [PTS-17]. */
export interface EntryDoc extends Omit<LedgerEntry, 'id'> {
  _id: string;
  orgId: string;
  memberId: string;
  year: number;
  note: string;
  declaredAt: Date;
  decidedBy: string | null;
  reason: string | null;
  /** A confirmed 弄虚作假: reported to the superior [PTS-26]. */
  reportToSuperior?: boolean;
  /** A declaration's evidence (fileIDs), part of the entry, never changed after [PTS-15, PTS-17]. */
  evidence?: string[];
}

/** A quarter published inside the branch; `_id` = `${orgId}:${quarter}` [PTS-18]. */
export interface PublicationDoc {
  _id: string;
  orgId: string;
  quarter: string;
  publishedAt: Date;
  appealUntil: Date;
}

/** A member's 申辩 of one of their index entries [PTS-18]. */
export interface AppealDoc {
  _id: string;
  orgId: string;
  memberId: string;
  entryId: string;
  quarter: string | null;
  reason: string;
  status: 'open' | 'accepted' | 'rejected';
  reply: string | null;
  adjustmentId: string | null;
  /** The points of the adjustment an accepted appeal appended (signed). */
  points?: number | null;
  /** What the appeal is about, in words, so the answer screen can say it. */
  entryLabel: string;
  at: Date;
}

/** The year's scores published to the members; `_id` = `${orgId}:${year}` [PTS-19]. */
export interface PointYearDoc {
  _id: string;
  orgId: string;
  year: number;
  publishedAt: Date;
}

/** The superior's 个性 and reverse items of a branch's 堡垒指数; `_id` = `${orgId}:${year}` [FORT-16]. */
export interface AssessmentDoc {
  _id: string;
  orgId: string;
  year: number;
  evaluation: number;
  fiveStandards: number;
  centralWork: number;
  reverse: string[];
  at: Date;
}

const standards = collection<StandardDoc>('pointStandards');
const entries = collection<EntryDoc>('pointEntries');
const publications = collection<PublicationDoc>('pointPublications');
const appeals = collection<AppealDoc>('pointAppeals');
const years = collection<PointYearDoc>('pointYears');
const assessments = collection<AssessmentDoc>('fortressAssessments');

const yearId = (orgId: string, year: number) => `${orgId}:${year}`;

// Standards

export const insertStandard = (doc: StandardDoc, tx?: Tx) => standards.add(doc, tx);

/** The latest version of a year's standard, or null (the default applies). */
export const latestStandard = (orgId: string, year: number) =>
  standards.first(standards.ref().where({ orgId, year }).orderBy('version', 'desc'));

// The ledger

export const findEntry = (id: string) => entries.byId(id);
export const insertEntry = (doc: EntryDoc, tx?: Tx) => entries.add(doc, tx);

/**
 * Decides a declaration that is still pending, inside the review's transaction; false when another
 * reviewer decided it first (the read and the update of one document make concurrent reviews
 * conflict, and the one run again finds it decided).
 */
export async function decidePendingEntry(
  id: string,
  patch: Pick<EntryDoc, 'status' | 'decidedBy' | 'reason'>,
  tx: Tx,
): Promise<boolean> {
  const current = await entries.byId(id, tx);
  if (current?.status !== 'pending') return false;
  await entries.ref(tx).doc(id).update({ data: patch });
  return true;
}

/** Declarations of a branch waiting for review, oldest first [PTS-15]. */
export const pendingEntries = (orgId: string) =>
  entries.all(entries.ref().where({ orgId, status: 'pending' }).orderBy('declaredAt', 'asc'));

// Publications and appeals

export const publicationId = (orgId: string, quarter: string) => `${orgId}:${quarter}`;

export async function savePublication(doc: PublicationDoc, tx?: Tx): Promise<void> {
  const { _id, ...data } = doc;
  await publications.ref(tx).doc(_id).set({ data });
}

export const insertAppeal = (doc: AppealDoc) => appeals.add(doc);

/** A branch's appeals (or one member's), newest first, with the appellant's name. */
export async function appealsOf(
  orgId: string,
  memberId?: string,
): Promise<(AppealDoc & { name: string })[]> {
  const res = (await appeals
    .ref()
    .aggregate()
    .match(memberId ? { orgId, memberId } : { orgId })
    .sort({ at: -1 })
    .limit(10_000)
    .lookup({ from: 'members', localField: 'memberId', foreignField: '_id', as: 'appellant' })
    .end()) as unknown as { list: (AppealDoc & { appellant: { name: string }[] })[] };
  return res.list.map(({ appellant, ...a }) => ({ ...a, name: appellant[0]?.name ?? '' }));
}
/** An appeal with the appellant (their roles decide who may answer [PRIV-21]) and their org. */
export async function appealCase(
  appealId: string,
): Promise<{ appeal: AppealDoc; appellant: MemberDoc | null; org: OrgDoc | null } | null> {
  const res = (await appeals
    .ref()
    .aggregate()
    .match({ _id: appealId })
    .limit(1)
    .lookup({ from: 'members', localField: 'memberId', foreignField: '_id', as: 'appellant' })
    .lookup({ from: 'orgs', localField: 'orgId', foreignField: '_id', as: 'org' })
    .end()) as unknown as {
    list: (AppealDoc & { appellant: MemberDoc[]; org: OrgDoc[] })[];
  };
  const row = res.list[0];
  if (!row) return null;
  const { appellant, org, ...appeal } = row;
  return { appeal, appellant: appellant[0] ?? null, org: org[0] ?? null };
}

export const countOpenAppeals = (orgId: string) =>
  countOf(appeals.ref().where({ orgId, status: 'open' }));

/**
 * Answers an appeal that is still open, inside the answer's transaction; false when someone
 * answered it first (reading and updating one document makes two answers at once conflict, and
 * the one run again finds it answered), so an accepted adjustment is never applied twice.
 */
export async function answerOpenAppeal(
  id: string,
  patch: Pick<AppealDoc, 'status' | 'reply' | 'adjustmentId' | 'points'>,
  tx: Tx,
): Promise<boolean> {
  const current = await appeals.byId(id, tx);
  if (current?.status !== 'open') return false;
  await appeals.ref(tx).doc(id).update({ data: patch });
  return true;
}

// Year publication and 堡垒指数 assessment

export async function savePointYear(orgId: string, year: number, publishedAt: Date, tx?: Tx) {
  const id = yearId(orgId, year);
  await years.ref(tx).doc(id).set({ data: { orgId, year, publishedAt } });
  return id;
}

export const assessmentId = yearId;
export const findAssessment = (orgId: string, year: number) =>
  assessments.byId(yearId(orgId, year));

export async function saveAssessment(doc: AssessmentDoc, tx?: Tx): Promise<void> {
  const { _id, ...data } = doc;
  await assessments.ref(tx).doc(_id).set({ data });
}
