/**
 * `hunan`: the 问题清单 (MTG-39, on the branch's one rectification list) and its year-end status
 * beside the 民主评议 decision [APR-19], read through the rectification read model (one round
 * trip). Other profiles: none.
 */
import { rectificationStatus } from './rectification-queries';
import type { DemocraticDoc } from './democratic-view';

export interface ProblemListView {
  status: { total: number; done: number; open: number; overdue: number } | null;
  note: string | null;
}

export async function problemListOf(doc: DemocraticDoc, now: Date): Promise<ProblemListView> {
  if (doc.profile !== 'hunan') return { status: null, note: null };
  const s = await rectificationStatus(doc.orgId, doc.year, now);
  if (!s) return { status: null, note: '本年度还没有建立问题清单（整改清单）' };
  return {
    status: { total: s.total, done: s.done, open: s.open, overdue: s.overdue },
    note: `问题清单共${s.total}项，已完成${s.done}项，未完成${s.open}项${s.overdue ? `，其中${s.overdue}项已超期` : ''}`,
  };
}
