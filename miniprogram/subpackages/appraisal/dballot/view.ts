/**
 * 民主测评票 (民主评议党员 [APR-05, APR-06]) and the 评组织 rating of one's branch [FORT-20]: every
 * subject the backend lists, the profile's grades as big choices, and a live count of how many
 * of the best grade this member has chosen out of the most the form allows (`maxBest`, the
 * backend's floor(N/3)). This is the member's own form, never a count of anyone's votes.
 */
import type { OpenBallot } from '../../../services/appraisal';
import { kindOfId } from '../../../utils/appraisal-kinds';

export type Kind = 'democratic' | 'branch';

/** Which appraisal a ballot belongs to, from its campaign's id (api.md: `<kind>:<org>:<year>`). */
export const kindOf = (b: Pick<OpenBallot, 'campaignId'>): Kind =>
  kindOfId(b.campaignId) === 'branchAppraisal' ? 'branch' : 'democratic';

/** True where this ballot is not a 双述双评 one (the meeting page sends those to ballot/). */
export const isDemocraticOrBranch = (b: Pick<OpenBallot, 'campaignId'>): boolean =>
  kindOfId(b.campaignId) !== 'secretaryReview';

export const ASK: Record<Kind, string> = {
  democratic: '请为每一位正式党员选一个等次，不记名。没有把握的可以不选，算作弃权。',
  branch: '请评价本支部一年来的工作，不记名。',
};

export const PROBATIONARY_NOTE = '预备党员参加评议，但不评定等次，所以不在名单上。';

export function dballotView(b: OpenBallot, marks: Record<string, string>) {
  const best = b.grades[0];
  const chosenBest = best ? b.subjects.filter((s) => marks[s.id] === best.key).length : 0;
  const capped = !!best && b.maxBest !== null;
  const full = capped && chosenBest >= (b.maxBest ?? 0);
  const kind = kindOf(b);
  return {
    ballotId: b.ballotId,
    title: b.title,
    kind,
    ask: ASK[kind],
    probationary: kind === 'democratic' ? PROBATIONARY_NOTE : '',
    /** The live counter of this member's own choices; absent where the form has no cap. */
    counter: !capped
      ? null
      : {
          text:
            b.maxBest === 0
              ? `本次测评不能选“${best.label}”`
              : `您已选“${best.label}”${chosenBest}人，最多可选${b.maxBest}人`,
          why: `“${best.label}”最多为正式党员人数的三分之一（不足1人的部分不算）`,
          full,
        },
    marked: b.subjects.filter((s) => marks[s.id]).length,
    total: b.subjects.length,
    subjects: b.subjects.map((s) => ({
      id: s.id,
      name: s.name,
      options: b.grades.map((g, i) => {
        const chosen = marks[s.id] === g.key;
        return {
          key: g.key,
          label: g.label,
          chosen,
          // The best grade is shut once the cap is reached (shown in words too).
          shut: i === 0 && capped && full && !chosen,
        };
      }),
    })),
  };
}

export type DballotView = ReturnType<typeof dballotView>;

/** 优秀：王某、李某；合格：张某；不选（弃权）：赵某 — read back before the ballot is cast. */
export function choiceSummary(b: OpenBallot, marks: Record<string, string>): string {
  const parts = b.grades
    .map((g) => {
      const names = b.subjects.filter((s) => marks[s.id] === g.key).map((s) => s.name);
      return names.length ? `${g.label}：${names.join('、')}` : '';
    })
    .filter(Boolean);
  const blank = b.subjects.filter((s) => !marks[s.id]).map((s) => s.name);
  if (blank.length) parts.push(`不选（弃权）：${blank.join('、')}`);
  return parts.join('；');
}
