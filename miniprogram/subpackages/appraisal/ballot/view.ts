/** What the member's ballot page shows: the subjects and their grades, nothing of anyone else's. */
import type { OpenBallot } from '../../../services/appraisal';

/** The one sentence that says why nobody can see the member's choice. */
export const SEALED_SENTENCE =
  '投票记录和测评票分开保存，测评票上没有姓名和时间，任何人都看不到您投了什么。';

export function ballotView(b: OpenBallot, marks: Record<string, string>) {
  return {
    ballotId: b.ballotId,
    title: b.title,
    capText:
      b.maxBest !== null && b.grades.length ? `“${b.grades[0].label}”最多可以选${b.maxBest}人` : '',
    subjects: b.subjects.map((s) => ({
      id: s.id,
      name: s.name,
      options: b.grades.map((g) => ({
        key: g.key,
        label: g.label,
        chosen: marks[s.id] === g.key,
      })),
    })),
  };
}

export type BallotView = ReturnType<typeof ballotView>;

/** 王某：优秀；李某：称职 — read back before the vote is cast. */
export function choiceText(b: OpenBallot, marks: Record<string, string>): string {
  return b.subjects
    .map((s) => `${s.name}：${b.grades.find((g) => g.key === marks[s.id])?.label ?? ''}`)
    .join('；');
}
