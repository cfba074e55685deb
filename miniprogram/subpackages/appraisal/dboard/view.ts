/**
 * What the committee's 民主评议 decision board shows [APR-05, APR-06, APR-09, APR-10, APR-20]:
 * per member side by side the 个人自评, the 互评 summary, the tally (or why it is held back), the
 * 先锋指数 and its flags, the advisory grade; the quota meter and the ties. The advice, the
 * majority, the quota and the ties are the backend's; the page only words them, and opens a reason
 * box where the backend would ask for one (a flag not graded 不合格, a grade other than the clear
 * majority, a tie) — the backend still decides.
 */
import type { DemocraticBoardOut } from '../../../services/appraisal';

type Board = DemocraticBoardOut;
type Member = Board['members'][number];
type Grade = Board['grades'][number]['key'];

const BASIS_WORDS: Record<Member['advisoryBasis'], string> = {
  majority: '过半数的票',
  median: '票数居中的等次',
  imported: '流入地的结果',
  none: '',
};

export type FlagChoice = '' | 'unqualified' | 'keep';

export function gradeLabel(b: Pick<Board, 'grades'>, g: string | null | undefined): string {
  return b.grades.find((x) => x.key === g)?.label ?? '';
}

export function tallyText(b: Board, m: Member): string {
  if (!m.graded) return '';
  if (!m.tally) return b.ballot?.hidden ?? '民主测评还没有结束，暂无票数';
  return b.grades.map((g) => `${g.label}${m.tally?.[g.key] ?? 0}票`).join('　');
}

/** Whether the backend will ask for a reason for this pick (the page opens the box first). */
export function needsReason(m: Member, pick: string | undefined, flag: FlagChoice): boolean {
  if (!m.graded || !pick) return false;
  if (m.flags.length && flag !== 'unqualified') return true;
  if (m.majority && pick !== m.majority) return true;
  return m.tie;
}

export function memberView(
  b: Board,
  m: Member,
  pick: string | undefined,
  flag: FlagChoice,
  reason: string,
  meId: string,
) {
  const advisory = gradeLabel(b, m.advisory);
  const basis = BASIS_WORDS[m.advisoryBasis];
  return {
    id: m.memberId,
    name: m.name,
    probationary: m.status === 'probationary',
    graded: m.graded,
    /** The caller's own case: decided by the other committee members [PRIV-21]. */
    own: m.memberId === meId,
    imported: m.imported
      ? `已在${m.imported.orgName}参加评议：${gradeLabel(b, m.imported.grade) || '不评定等次'}，不再重复评定`
      : '',
    self: m.selfEvaluation ?? '',
    mutual: m.mutualSummary ?? '',
    tally: tallyText(b, m),
    points:
      m.points?.total === null || m.points?.total === undefined
        ? '先锋指数：未记录'
        : `先锋指数：${m.points.total}分${m.points.rank ? `（支部第${m.points.rank}名）` : ''}`,
    flags: m.flags.map((f) => ({ key: `${f.ruleId}:${f.reason}`, message: f.message })),
    flag,
    advisory: advisory ? `参考等次：${advisory}${basis ? `（依据${basis}）` : ''}` : '',
    tie: m.tie ? '与其他同志“优秀”票数相同，处在名额边界上，请写明取舍的理由' : '',
    options: b.grades.map((g) => ({ key: g.key, label: g.label, chosen: pick === g.key })),
    reasonShown: needsReason(m, pick, flag) || !!reason,
    reason,
    handling: m.handling ? `处置：${m.handling.optionText}` : '',
    /** The grade as saved (the handling follows a decided 不合格, not a pick on screen). */
    saved: m.grade ?? '',
  };
}

export type MemberView = ReturnType<typeof memberView>;

/** 优秀：最多3人，已评2人，还剩1人（正式党员9人）, counting the picks on screen. */
export function quotaText(b: Board, picks: Record<string, string>) {
  const best = b.grades[0];
  const used = b.members.filter((m) => m.graded && picks[m.memberId] === best?.key).length;
  const left = b.quota.limit - used;
  return {
    text: `“${best?.label ?? ''}”最多${b.quota.limit}人，已选${used}人，${left >= 0 ? `还可选${left}人` : `超出${-left}人`}`,
    of: `参加评定的正式党员${b.quota.of}人，“${best?.label ?? ''}”不超过三分之一`,
    note: b.quota.note,
    percent: b.quota.limit ? Math.min(100, Math.round((used / b.quota.limit) * 100)) : 100,
    over: left < 0,
    full: left <= 0,
  };
}

export type QuotaText = ReturnType<typeof quotaText>;

export function tieTexts(b: Board): string[] {
  return b.ties.map((t) => {
    const names = t.memberIds.map((id) => b.members.find((m) => m.memberId === id)?.name ?? '');
    return `${names.join('、')}的“${gradeLabel(b, b.grades[0]?.key)}”票都是${t.votes}票，名额还剩${t.seats}个：选谁都要写明理由，不按录入顺序决定`;
  });
}

export function problemListText(b: Board): string {
  if (b.problemList) {
    const p = b.problemList;
    return `本年度问题清单：共${p.total}项，已完成${p.done}项，未完成${p.open}项${p.overdue ? `，逾期${p.overdue}项` : ''}`;
  }
  return b.problemListNote ?? '';
}

/**
 * The grades as the decide call takes them: the members graded here that have a pick, never the
 * caller's own (decided by the others [PRIV-21]); 预备 and imported members are left out.
 */
export function gradesToSend(
  b: Board,
  picks: Record<string, string>,
  meId: string,
): Record<string, Grade> {
  return Object.fromEntries(
    b.members
      .filter((m) => m.graded && m.memberId !== meId && picks[m.memberId])
      .map((m) => [m.memberId, picks[m.memberId] as Grade]),
  );
}
