/**
 * 双述双评's rectification [SEC-15] on the branch's rectification list [APR-18]: published, the
 * 基本称职 secretary's rectification becomes an item of the list of the review's year (owner: the
 * secretary, due with the task). The campaign's task stays the follow-up flag 双述双评 reads (its
 * to-dos, its filed record); the list item is the record of the rectification (reports, what
 * shows it). Whichever side completes it — the secretary's `completeTask`, or the committee's
 * `closeRectification` — both are written in the same transaction, so they never disagree.
 */
import type { Tx } from '../../repos/db';
import { findAppraisal, updateAppraisal, type AppraisalDoc } from '../../repos/appraisals';
import {
  findRectificationList,
  saveRectificationList,
  type RectificationItemDoc,
} from '../../repos/rectifications';
import { localDate } from '../../domain/shared/time';
import { addListItems, itemIdOf, openCount } from './rectification-items';

type Task = Pick<AppraisalDoc['tasks'][number], 'kind' | 'ownerId' | 'due'>;
type Campaign = Pick<AppraisalDoc, '_id' | 'kind' | 'orgId' | 'orgName' | 'year' | 'subjectName'>;

/** The list item of a campaign's rectification. */
export const secretaryItemId = (campaignId: string) => itemIdOf('secretaryReview', campaignId);

/** At publication, inside its transaction: the rectification task onto the list [SEC-15]. */
export async function listSecretaryRectification(
  tx: Tx,
  doc: Campaign,
  tasks: readonly Task[],
  now: number,
): Promise<void> {
  const task = tasks.find((t) => t.kind === 'rectification');
  if (!task || doc.kind !== 'secretaryReview') return;
  await addListItems(
    tx,
    { _id: doc.orgId, name: doc.orgName },
    doc.year,
    [
      {
        source: 'secretaryReview',
        sourceId: doc._id,
        title: '书记述职评议为“基本称职”，按评议意见整改',
        commitment: '按上级党组织的评议意见逐项整改，并报告整改情况',
        ownerId: task.ownerId,
        ownerName: doc.subjectName,
        ownerKind: 'secretary',
        due: task.due ?? localDate(now),
      },
    ],
    now,
  );
}

/** The secretary reported the rectification done (`completeTask`): the list item is done too. */
export async function closeSecretaryItem(
  tx: Tx,
  doc: Campaign,
  note: string,
  by: string,
  now: Date,
): Promise<void> {
  const list = await findRectificationList(doc.orgId, doc.year, tx);
  const id = secretaryItemId(doc._id);
  if (!list?.items.some((i) => i.id === id && i.doneOn === null)) return;
  const on = localDate(now);
  const items = list.items.map((i): RectificationItemDoc =>
    i.id === id
      ? {
          ...i,
          doneOn: on < list.startedOn ? list.startedOn : on,
          evidence: [note],
          reports: [...i.reports, { on, text: note, by, at: now }],
        }
      : i,
  );
  await saveRectificationList({ ...list, items, open: openCount(items), updatedAt: now }, tx);
}

/**
 * The committee closed a 双述双评 item on the list (`closeRectification`): the campaign's task is
 * done too, with the evidence as its note. Nothing when the task is already done.
 */
export async function completeSecretaryTask(
  tx: Tx,
  item: Pick<RectificationItemDoc, 'source' | 'sourceId' | 'evidence'>,
  by: string,
  now: Date,
): Promise<void> {
  if (item.source !== 'secretaryReview') return;
  const doc = await findAppraisal(item.sourceId, tx);
  const index = (doc?.tasks ?? []).findIndex((t) => t.kind === 'rectification');
  if (!doc || index < 0 || doc.tasks[index].done) return;
  const done = { done: true, note: item.evidence.join('；'), doneBy: by, doneAt: now };
  await updateAppraisal(
    doc._id,
    Object.fromEntries(Object.entries(done).map(([k, v]) => [`tasks.${index}.${k}`, v])),
    tx,
  );
}
