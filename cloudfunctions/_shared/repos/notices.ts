import type { Stage } from '../domain/notice/disclosure';
import type { Audience, MatterKind } from '../domain/notice/rules';
import { localInstant } from '../domain/shared/time';
import { _, collection, db, Tx } from './db';
import { joinPerOrg } from './per-org';

export interface Attachment {
  fileId: string;
  name: string;
}

/** A 党务公开 item: archived, never deleted; an edit is a new version [DIS-14]. */
export interface NoticeDoc {
  _id: string;
  orgId: string;
  category: string;
  title: string;
  body: string;
  attachments: Attachment[];
  version: number;
  /** The matter of a five-stage disclosure (the first stage's id) [DIS-03]. */
  matterId: string | null;
  stage: Stage | null;
  expiresOn: string | null;
  publishedAt: Date;
  updatedAt: Date;
  publishedBy: string;
  /** 民主议事 or 三重一大: a matter that must go through the five stages [DIS-04]. */
  matterKind?: MatterKind | null;
  /** Who it is for [DIS-12]; absent on older items: the branch. */
  audience?: Audience;
  /** A public item is public once the 书记 (or 副书记) approved it [DIS-12]. */
  publicApproval?: { status: 'pending' | 'approved'; by: string | null; at: Date | null } | null;
  /** The activity whose record it posts [DIS-16]. */
  activityId?: string | null;
}

/** Every version of a notice, kept [DIS-14]. `_id` = `${noticeId}:v${version}`. */
export interface NoticeVersionDoc {
  _id: string;
  noticeId: string;
  version: number;
  title: string;
  body: string;
  attachments: Attachment[];
  editedAt: Date;
  editedBy: string;
  reason?: string | null;
}

/** A member opened a notice (签阅) [DIS-15]. `_id` = `${noticeId}:${memberId}`: once per member. */
export interface NoticeReadDoc {
  _id: string;
  noticeId: string;
  orgId: string;
  memberId: string;
  at: Date;
  publishedAt: Date;
}

/** A notice as listed: without its body, with whether the reader has opened it. */
export type NoticeListing = Omit<NoticeDoc, 'body' | 'attachments'> & { read: boolean };

const notices = collection<NoticeDoc>('notices');
const versions = collection<NoticeVersionDoc>('noticeVersions');
const reads = collection<NoticeReadDoc>('noticeReads');

export const readId = (noticeId: string, memberId: string) => `${noticeId}:${memberId}`;

export const findNotice = (id: string) => notices.byId(id);

/** The published stages of a matter, in order [DIS-03]. */
export const noticesOfMatter = (orgId: string, matterId: string) =>
  notices.all(notices.ref().where({ orgId, matterId }).orderBy('publishedAt', 'asc'));

/** A new notice and its first version. */
export async function insertNotice(
  doc: NoticeDoc,
  first: NoticeVersionDoc,
  tx?: Tx,
): Promise<void> {
  await notices.add(doc, tx);
  await versions.add(first, tx);
}

/**
 * Saves an edit as the next version inside the caller's transaction, only if nobody saved another
 * since `fromVersion` was read: false when someone did (the caller refuses with CONFLICT and
 * nothing is written). The version is read again through the transaction: a conditional
 * `where().update()` would not join it (the SDK sends it without the transaction).
 */
export async function saveNoticeVersion(
  fromVersion: number,
  next: NoticeVersionDoc,
  tx: Tx,
): Promise<boolean> {
  const { noticeId, version, title, body, attachments, editedAt } = next;
  if ((await notices.byId(noticeId, tx))?.version !== fromVersion) return false;
  await notices
    .ref(tx)
    .doc(noticeId)
    .update({ data: { title, body, attachments, version, updatedAt: editedAt } });
  await versions.add(next, tx);
  return true;
}

/** The versions of a notice, newest first. */
export const versionsOf = (noticeId: string) =>
  versions.all(versions.ref().where({ noticeId }).orderBy('version', 'desc'));

const PAGE = 1000;
const $ = db.command.aggregate;

/** A lookup's sub-pipeline. The SDK has `$.pipeline()` and `_.expr()`; its typings lack them. */
interface SubPipeline {
  match(query: object): SubPipeline;
  project(fields: object): SubPipeline;
  done(): unknown;
}
const subPipeline = () => ($ as unknown as { pipeline(): SubPipeline }).pipeline();
const expr = (e: unknown) => (_ as unknown as { expr(e: unknown): object }).expr(e);

/**
 * A branch's notices, most recently updated first, each with whether `memberId` has opened it:
 * one aggregation (the member's read joined in), paged, without the bodies.
 */
export async function listNotices(
  orgId: string,
  memberId: string,
  category?: string,
  max = 2000,
): Promise<NoticeListing[]> {
  const out: NoticeListing[] = [];
  for (let offset = 0; offset < max; offset += PAGE) {
    const res = (await notices
      .ref()
      .aggregate()
      .match(category ? { orgId, category } : { orgId })
      .sort({ updatedAt: -1 })
      .skip(offset)
      .limit(PAGE)
      .project({ body: 0, attachments: 0 })
      .lookup({
        from: 'noticeReads',
        let: { noticeId: '$_id' },
        pipeline: subPipeline()
          .match(expr($.and([$.eq(['$noticeId', '$$noticeId']), $.eq(['$memberId', memberId])])))
          .project({ _id: 1 })
          .done(),
        as: 'reads',
      })
      .end()) as { list: (Omit<NoticeListing, 'read'> & { reads: unknown[] })[] };
    out.push(...res.list.map(({ reads: mine, ...n }) => ({ ...n, read: mine.length > 0 })));
    if (res.list.length < PAGE) return out;
  }
  throw new Error(`more than ${max} notices`);
}

/**
 * A branch's notices for the theme day [DIS-05]: those updated since `since`, every staged one
 * (for the matters still open), and public ones awaiting approval.
 */
export const noticesForThemeDay = (orgId: string, since: Date) =>
  notices.all(
    notices
      .ref()
      .where(
        _.and([
          { orgId },
          _.or([
            { updatedAt: _.gte(since) },
            { stage: _.neq(null) },
            { 'publicApproval.status': 'pending' },
          ]),
        ]),
      )
      .orderBy('publishedAt', 'asc'),
    5000,
  );

/** Marks a public item approved, inside the caller's transaction [DIS-12]. */
export async function approvePublicNotice(id: string, by: string, at: Date, tx: Tx) {
  await notices
    .ref(tx)
    .doc(id)
    .update({ data: { publicApproval: { status: 'approved', by, at } } });
}

/** The branch's most recently updated notice [DIS-07]. */
export const latestNotice = (orgId: string) =>
  notices.first(notices.ref().where({ orgId }).orderBy('updatedAt', 'desc'));

/**
 * `latestNotice`'s `updatedAt` for many branches in one aggregation (per 1,000 branches): the
 * scheduler's DIS-07. A branch that never published is absent from the map.
 */
export async function latestUpdateByOrg(orgIds: readonly string[]): Promise<Map<string, Date>> {
  const rows = await joinPerOrg<Pick<NoticeDoc, 'updatedAt'>>(orgIds, 'notices', [
    { $sort: { updatedAt: -1 } },
    { $limit: 1 },
    { $project: { _id: 0, updatedAt: 1 } },
  ]);
  const out = new Map<string, Date>();
  for (const [orgId, [latest]] of rows) if (latest) out.set(orgId, new Date(latest.updatedAt));
  return out;
}

/** When a branch's notices of a year were published or updated [FORT-12, DIS-07]. */
export async function noticeTimesIn(orgId: string, year: number): Promise<Date[]> {
  const from = localInstant(`${year}-01-01`);
  const to = localInstant(`${year + 1}-01-01`);
  const inYear = _.gte(from).and(_.lt(to));
  const docs = await notices.all(
    notices
      .ref()
      .where(_.and([{ orgId }, _.or([{ publishedAt: inYear }, { updatedAt: inYear }])]))
      .orderBy('_id', 'asc'),
    5000,
  );
  return docs.flatMap((n) => [n.publishedAt, n.updatedAt]);
}

/** Records that a member opened a notice; false when they had already [DIS-15]. */
export const recordRead = (doc: NoticeReadDoc) => reads.insertOnce(doc);

/** Who has opened a notice. */
export const readsOf = (noticeId: string) =>
  reads.all(reads.ref().where({ noticeId }).orderBy('_id', 'asc'));
