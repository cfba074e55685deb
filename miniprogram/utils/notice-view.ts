/**
 * Chinese labels and small view objects for the 党务公开 pages. The backend decides every
 * category, stage order and refusal; these only format what it answers.
 */
import type { ActionInput, ActionOutput } from '../services/types';

export type NoticeItem = ActionOutput<'notice', 'list'>[number];
export type NoticeDetail = ActionOutput<'notice', 'get'>;
export type Stage = NonNullable<ActionInput<'notice', 'publish'>['stage']>;

/** One matter, five stages, in order (DIS-03); the backend refuses a stage out of order. */
export const STAGES: readonly Stage[] = ['提议', '审议程序', '决议结果', '实施方案', '办理结果'];

const OFFSET_MS = 8 * 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** 2026年11月22日 (Beijing time). */
export function dateText(iso: string): string {
  const d = new Date(Date.parse(iso) + OFFSET_MS);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** 11月22日 09:30 (Beijing time). */
export function momentText(iso: string): string {
  const d = new Date(Date.parse(iso) + OFFSET_MS);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

export function toItemView(n: NoticeItem) {
  return {
    id: n.id,
    title: n.title,
    category: n.category,
    stage: n.stage ?? '',
    date: dateText(n.updatedAt),
    edited: n.version > 1,
    unread: !n.read,
  };
}
export type NoticeItemView = ReturnType<typeof toItemView>;

/** The five stages of the notice's matter: published ones with their notice, the rest pending. */
export function toTimelineView(d: NoticeDetail) {
  if (!d.matterId) return [];
  return STAGES.map((stage, i) => {
    const published = d.timeline.find((t) => t.stage === stage);
    return {
      key: stage,
      step: i + 1,
      stage,
      id: published?.id ?? '',
      title: published?.title ?? '尚未公开',
      date: published ? dateText(published.publishedAt) : '',
      published: !!published,
      current: published?.id === d.id,
    };
  });
}
export type TimelineView = ReturnType<typeof toTimelineView>;

export function toDetailView(d: NoticeDetail) {
  return {
    id: d.id,
    title: d.title,
    category: d.category,
    stage: d.stage ?? '',
    body: d.body,
    publishedText: `${dateText(d.publishedAt)}发布`,
    editedText: d.version > 1 ? `第${d.version}版，${dateText(d.updatedAt)}修改` : '',
    attachments: d.attachments.map((a, i) => ({ key: `${i}`, fileId: a.fileId, name: a.name })),
    history: d.history.map((h) => ({
      key: `v${h.version}`,
      versionText: `第${h.version}版`,
      title: h.title,
      when: momentText(h.editedAt),
      current: h.version === d.version,
    })),
  };
}
export type NoticeDetailView = ReturnType<typeof toDetailView>;
