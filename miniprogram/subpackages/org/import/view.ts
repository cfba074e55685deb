/** View helpers of 导入党员: the form's rows, what is sent, and the backend's answer per row. */
import type { ActionInput, ActionOutput } from '../../../services/types';

type ImportRowIn = ActionInput<'org', 'importMembers'>['members'][number];

export interface FormRow {
  key: number;
  name: string;
  status: 'full' | 'probationary';
  joinedAt: string;
  birthDate: string;
  /** 已导入 once the backend created it; the backend's message when it refused the row. */
  created: boolean;
  error: string;
}

export function blankRow(key: number): FormRow {
  return { key, name: '', status: 'full', joinedAt: '', birthDate: '', created: false, error: '' };
}

/** The rows still to send (filled in, not yet created), with where each sits in the form. */
export function rowsToSend(rows: FormRow[]): { at: number; row: ImportRowIn }[] {
  return rows.flatMap((r, at) => {
    if (r.created || (!r.name.trim() && !r.joinedAt && !r.birthDate)) return [];
    const row: ImportRowIn = { name: r.name.trim(), status: r.status, joinedAt: r.joinedAt };
    if (r.birthDate) row.birthDate = r.birthDate;
    return [{ at, row }];
  });
}

/** The form after the answer: each sent row is created, or carries the backend's message. */
export function applyAnswer(
  rows: FormRow[],
  sent: { at: number }[],
  answer: ActionOutput<'org', 'importMembers'>,
): FormRow[] {
  const next = rows.map((r) => ({ ...r }));
  sent.forEach(({ at }, i) => {
    const error = answer.errors.find((e) => e.row === i);
    next[at] = { ...next[at], created: !error, error: error?.message ?? '' };
  });
  return next;
}
