/**
 * What the editor keeps on the phone until the notice is published (or the edit saved), and the
 * matter a new notice is linked to: none, a new matter (its 提议), or an existing matter by the
 * id of its 提议 notice, which is the matter's id (DIS-03).
 */
import type { ActionOutput } from '../../../services/types';
import { STAGES, type Stage } from '../../../utils/notice-view';

export type Mode = 'new' | 'edit';

/** `matter`: '' none, 'new', or the matter's id. */
export interface Draft {
  category: string;
  title: string;
  body: string;
  reason: string;
  matter: string;
  stage: string;
  /** Files already uploaded for it (kept with the draft so leaving the page loses none). */
  attachments?: Attachment[];
}

/** A notice's attachment as `notice.publish` takes it. */
export interface Attachment {
  fileId: string;
  name: string;
}

export interface Matter {
  id: string;
  title: string;
}

export const NO_MATTER = '不关联事项';
export const NEW_MATTER = '新事项（从“提议”开始公开）';

export function draftKey(mode: Mode, orgId: string, id: string): string {
  return mode === 'edit' ? `noticeDraft:edit:${id}` : `noticeDraft:${orgId}`;
}

export function readDraft(key: string): Draft | null {
  const d = wx.getStorageSync(key) as Draft | '';
  return d && typeof d === 'object' ? d : null;
}

/** The matters a new notice can join: each begins with its 提议. */
export function mattersOf(list: ActionOutput<'notice', 'list'>): Matter[] {
  return list.filter((n) => n.stage === '提议').map((n) => ({ id: n.id, title: n.title }));
}

/** The matter picker's choice (0 none, 1 new, 2… an existing matter) as a draft's `matter`. */
export function matterKey(index: number, matters: Matter[]): string {
  if (index === 1) return 'new';
  return index >= 2 ? (matters[index - 2]?.id ?? '') : '';
}

/** The picker index of a draft's `matter` (-1 when that matter is gone). */
export function matterIndexOf(key: string, matters: Matter[]): number {
  if (!key) return 0;
  return key === 'new' ? 1 : 2 + matters.findIndex((m) => m.id === key);
}

/** What choosing a matter offers: the stages still to publish and a line about it. */
export function stagesFor(
  index: number,
  published: readonly string[],
): { stages: Stage[]; hint: string } {
  if (index <= 0) return { stages: [], hint: '' };
  if (index === 1)
    return {
      stages: ['提议'],
      hint: '本条作为新事项的第一步“提议”公开，之后可依次公开其余阶段',
    };
  const stages = STAGES.filter((st) => !published.includes(st));
  return {
    stages,
    hint: stages.length
      ? `已公开：${published.join('、')}`
      : '该事项五个阶段均已公开，请选择其他事项',
  };
}
