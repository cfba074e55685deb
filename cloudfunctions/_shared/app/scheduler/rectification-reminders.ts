import { overdueItems, reportsDue } from '../../domain/appraisal/rectification';
import { workAlertData } from '../../domain/org/work-alert';
import { localDate } from '../../domain/shared/time';
import { peopleOf } from '../../repos/appraisal-scan';
import { openRectificationLists } from '../../repos/rectifications';
import type { Ctx } from '../../runtime/context';
import { reportsFor } from '../appraisal/rectification-queries';
import { toDomain } from '../appraisal/rectification-list';
import { OnceMessage, sendOnceEach, SendTally } from '../messaging/send-once';
import { WORK_ALERT } from './outbox';

const PAGE = 'subpackages/appraisal/rectification/index';
/** A report window is announced this many days before it closes [APR-18]. */
const AHEAD_DAYS = 15;

const daysBefore = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/**
 * The daily 工作提醒 of the rectification lists [APR-18], by subscription message (`workAlert`),
 * with consent and at most once each [PRIV-10]: to whoever reports for an item (its owner; for the
 * 支部班子 with nobody named, the secretary) 15 days before a progress report is due, once it is
 * overdue, and once the item is past its deadline.
 *
 * Reads do not grow with the number of branches: the open lists of this year and last year (one
 * query), and only when one needs a reminder, the people concerned (one query); then the sends.
 */
export async function sendRectificationReminders(ctx: Ctx): Promise<SendTally> {
  const none: SendTally = { sent: 0, noConsent: 0, failed: 0 };
  if (!ctx.ports.templateId(WORK_ALERT)) return none;
  const today = localDate(ctx.now);
  const year = Number(today.slice(0, 4));
  const lists = await openRectificationLists([year - 1, year]);
  type Due = { listId: string; orgId: string; org: string; key: string; what: string };
  const found: (Due & { item: (typeof lists)[number]['items'][number] })[] = [];
  for (const doc of lists) {
    const list = toDomain(doc);
    const base = { listId: doc._id, orgId: doc.orgId, org: doc.orgName };
    const byId = new Map(doc.items.map((i) => [i.id, i]));
    for (const d of reportsDue(list, today)) {
      const item = byId.get(d.itemId)!;
      if (item.doneOn !== null || d.status === 'reported') continue;
      if (d.status === 'due' && today < daysBefore(d.dueOn, AHEAD_DAYS)) continue;
      const key = `${d.itemId}:${d.dueOn}:${d.status}`;
      const what = d.status === 'due' ? '请报告整改进展' : '整改进展未按时报告';
      found.push({ ...base, key, what, item });
    }
    for (const i of overdueItems(list, today))
      found.push({ ...base, key: `${i.id}:late`, what: '整改已过期限', item: byId.get(i.id)! });
  }
  if (!found.length) return none;
  const people = await peopleOf(
    found.flatMap((f) => (f.item.ownerId ? [f.item.ownerId] : [])),
    found.filter((f) => !f.item.ownerId).map((f) => f.orgId),
  );
  const messages: OnceMessage[] = [];
  for (const f of found)
    for (const m of people)
      if (m.openid && m.orgId === f.orgId && reportsFor(f.item, m, f.orgId))
        messages.push({
          claimId: `rectification:${f.listId}:${f.key}:${m._id}`,
          about: { kind: 'APR-18' },
          member: { _id: m._id, openid: m.openid },
          page: `${PAGE}?orgId=${encodeURIComponent(f.orgId)}&year=${f.listId.slice(-4)}`,
          data: workAlertData({ what: f.what, org: f.org, hint: f.item.problem, at: ctx.now }),
        });
  return sendOnceEach(ctx, WORK_ALERT, messages);
}
