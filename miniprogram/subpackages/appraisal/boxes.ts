/**
 * What every page that runs 测评 boxes does alike (双述双评's board, 民主评议's page, 评议党支部):
 * the meetings a box can be opened at, the question before 结束投票 and reading the paper-entry
 * form (发出, 收回 and each count) [SEC-09, APR-06, FORT-20].
 */
import { confirmDialog } from '../../utils/platform';
import { parseCount } from './board/view';

export { meetingChoices } from './board/meetings';

/** Said where 手机投票 is chosen without a meeting to vote at. */
export const NEED_MEETING = '手机投票要选一次会议：签到参加这次会议的人可以投票';

/** Asks before a box is closed (it is counted at once). */
export const confirmClose = (): Promise<boolean> =>
  confirmDialog('结束投票', '结束后不能再投票，随即计票。确定结束吗？', '结束投票');

export type PaperTally =
  | { error: string }
  | {
      issued: number;
      returned: number;
      /** Every row's count by its key (`issued`, `returned`, `<grade>` or `<subject>:<grade>`). */
      n: Record<string, number>;
      /** The `<subject>:<grade>` rows, by subject and grade. */
      counts: Record<string, Record<string, number>>;
    };

/** The typed paper entry, or the sentence naming the first row left blank or not a whole number. */
export function readPaperTally(
  rows: readonly { key: string; label: string }[],
  typed: Record<string, string>,
): PaperTally {
  const parsed = Object.fromEntries(rows.map((r) => [r.key, parseCount(typed[r.key] ?? '')]));
  const blank = rows.find((r) => parsed[r.key] === null);
  if (blank) return { error: `请填写“${blank.label}”（整数，没有填0）` };
  const n = parsed as Record<string, number>;
  const counts: Record<string, Record<string, number>> = {};
  for (const [key, count] of Object.entries(n)) {
    const [subject, grade] = key.split(':');
    if (grade) counts[subject] = { ...counts[subject], [grade]: count };
  }
  return { issued: n.issued, returned: n.returned, n, counts };
}
