/** The grading board [SEC-10, SEC-11, SEC-12, SEC-18, SEC-20]: the backend's numbers, in words. */
import type { BoardOut, CampaignOut } from '../../../services/appraisal';
import { BOX_WORDS, closedText, gradeWord, tallyLines, type GradeLabels } from '../view';

type Subject = BoardOut['subjects'][number];

const num = (n: number | null, unit = '分') => (n === null ? '未记录' : `${n}${unit}`);

export function subjectView(s: Subject, grades: GradeLabels, picked: string | undefined) {
  return {
    id: s.subjectId,
    name: s.name,
    orgName: s.orgName,
    evaluations: s.evaluations.map((e) => ({
      box: e.box,
      title: BOX_WORDS[e.box] ?? e.box,
      valid: `有效票${e.valid}张`,
      lines: tallyLines(e.tally, grades),
      // The backend's sentence: below the minimum turnout, void, still open, not held yet.
      hidden: e.tally ? '' : (e.hidden ?? ''),
      mean: e.mean === null ? '' : `折合${e.mean}分`,
    })),
    daily: [
      { label: '堡垒指数', value: num(s.daily.fortress) },
      { label: '星级', value: num(s.daily.stars, '星') },
      { label: '组织生活落实', value: num(s.daily.compliance, '%') },
      { label: '日常考核得分', value: num(s.daily.score) },
    ],
    verification: s.verification === null ? '' : String(s.verification),
    weighted: s.weighted === null ? '' : `${s.weighted}分`,
    missing: s.missing.length ? `还缺：${s.missing.join('、')}，暂不能算出参考得分` : '',
    advisory: gradeWord(s.advisory, grades),
    leaderComment: s.leaderComment ?? '',
    gradeText: gradeWord(s.grade, grades),
    flags: s.flags.map((f) => f.message),
    options: grades.map((g) => ({ key: g.key, label: g.label, chosen: picked === g.key })),
  };
}

export type SubjectView = ReturnType<typeof subjectView>;

export function tieTexts(b: BoardOut): string[] {
  const names = new Map(b.subjects.map((s) => [s.subjectId, s.name]));
  return b.ties.map(
    (t) =>
      `${t.subjectIds.map((id) => names.get(id) ?? id).join('、')}同为${t.score}分，处在名额边界：评定时须写明理由，不按录入先后决定`,
  );
}

export function planText(b: BoardOut): { weights: string; thresholds: string } {
  const w = b.weights;
  const pc = (x: number) => `${x}%`; // whole percentages (the SEC-11 settings)
  const t = b.thresholds;
  return {
    weights: `参考得分＝日常考核${pc(w.daily)}＋两次测评${pc(w.evaluations)}＋调查核实${pc(w.verification)}`,
    thresholds: t
      ? `参考分数线：优秀${t.excellent}分以上，称职${t.competent}分以上，基本称职${t.basicallyCompetent}分以上`
      : '',
  };
}

const MODE_WORDS = { app: '手机投票', paper: '纸质票' } as const;
const STATUS_WORDS = { open: '投票中', closed: '已结束', void: '已作废' } as const;

/** A box of the campaign, and what the caller may do with it now. */
export function ballotRows(c: CampaignOut) {
  return c.ballots.map((b) => ({
    ballotId: b.ballotId,
    title: `${BOX_WORDS[b.box] ?? b.box} · ${MODE_WORDS[b.mode]}`,
    status: STATUS_WORDS[b.status],
    tone: b.status,
    eligible: b.mode === 'app' ? `可投票${b.eligible}人` : '',
    canClose: b.status === 'open' && b.mode === 'app' && c.can.includes('closeBallot'),
    canTally: b.status === 'open' && b.mode === 'paper' && c.can.includes('enterTally'),
  }));
}

export type BallotRow = ReturnType<typeof ballotRows>[number];

export const BOX_CHOICES = [
  { key: 'assembly', label: '支部党员大会' },
  { key: 'committee', label: '基层党委述职评议会' },
  { key: 'masses', label: '群众代表（农村、社区）' },
] as const;
export const MODE_CHOICES = [
  { key: 'app', label: '手机投票（签到的人可投）' },
  { key: 'paper', label: '纸质票（会后录入票数）' },
] as const;

/**
 * The paper-entry form of a box, from the campaign (so the branch committee entering the 党员大会's
 * tally gets the rows too): 发出, 收回, then the subject's count for each of the profile's grades.
 */
export function tallyRowsOf(c: Pick<CampaignOut, 'grades' | 'subjectId' | 'subjectName'>) {
  const rows = [
    { key: 'issued', label: '发出票数' },
    { key: 'returned', label: '收回票数' },
    ...(c.subjectId ? (c.grades ?? []) : []).map((g) => ({
      key: `${c.subjectId}:${g.key}`,
      label: `${c.subjectName ?? ''} · ${g.label}`,
    })),
  ];
  return rows.map((r) => ({ ...r, cls: r.key.replace(':', '--') }));
}

/** The paper-entry form's numbers, parsed; null where a box holds no whole number. */
export function parseCount(text: string): number | null {
  const t = text.trim();
  return /^\d{1,6}$/.test(t) ? Number(t) : null;
}

export { closedText };
