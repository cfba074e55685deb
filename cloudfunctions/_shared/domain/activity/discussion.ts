import { fail, ok, Result } from '../shared/result';

/**
 * One participant's turn on an agenda item: spoke or passed. The content is in the minutes. A
 * statement whose `memberId` is `DISCUSSION_HELD` is the host's record that the item's discussion
 * took place, without naming the speakers [VOTE-20].
 */
export interface Statement {
  item: number;
  memberId: string;
}

/**
 * The `memberId` of the host's record that an item was discussed. Never a member's id (those are
 * generated ids or `demo-…`, and a statement naming a member needs that member present), so it is
 * never taken for anyone's statement, least of all the secretary's [VOTE-19].
 */
export const DISCUSSION_HELD = '#discussion-held';

/** The members' own statements on an item, without the host's record that it was discussed. */
export function statementsOn(item: number, statements: readonly Statement[]): Statement[] {
  return statements.filter((s) => s.item === item && s.memberId !== DISCUSSION_HELD);
}

/**
 * 末位表态 [VOTE-19]: when the branch keeps the order (`vote.secretaryLast`, default on), the
 * secretary's statement on an item is recorded only after every other participant present has
 * spoken or passed on it. The host's record that the item was discussed (`speakerId: null`) is
 * nobody's statement, so the order never holds it back.
 */
export function mayState(f: {
  item: number;
  /** null: the host records that the discussion took place, naming no speaker [VOTE-20]. */
  speakerId: string | null;
  secretaryId: string | null;
  present: readonly string[];
  statements: readonly Statement[];
  secretaryLast: boolean;
}): Result<true> {
  if (!f.secretaryLast || f.speakerId === null || f.speakerId !== f.secretaryId) return ok(true);
  const done = new Set(statementsOn(f.item, f.statements).map((s) => s.memberId));
  const waiting = f.present.filter((id) => id !== f.secretaryId && !done.has(id));
  if (waiting.length)
    return fail(
      'VOTE.SECRETARY_LAST',
      `书记应最后表态：还有${waiting.length}位到会同志没有发言或表示不发言`,
      'VOTE-19',
      { waiting },
    );
  return ok(true);
}

/**
 * 逐项表决 [VOTE-20]: at a meeting with an agenda, a vote names the one item it decides, and that
 * item's discussion must be recorded first: a participant's statement on it, or the host's record
 * that it was discussed (`DISCUSSION_HELD`).
 */
export function mayVoteOnItem(
  agenda: readonly string[],
  item: number | undefined,
  statements: readonly Statement[],
): Result<true> {
  // A vote naming no item is a motion outside the agenda (临时动议), as `activity.vote` of the
  // contract allows; an agenda item is voted on its own, after its discussion.
  if (item === undefined) return ok(true);
  if (item >= Math.max(agenda.length, 1))
    return fail('VOTE.ITEM_NOT_DISCUSSED', '请选择要表决的议程（每项议程分别表决）', 'VOTE-20');
  if (!statements.some((s) => s.item === item))
    return fail(
      'VOTE.ITEM_NOT_DISCUSSED',
      `“${agenda[item] ?? '这项议题'}”还没有记录讨论，请先讨论再表决`,
      'VOTE-20',
    );
  return ok(true);
}
