/**
 * What the 双述双评 pages show of the backend's answers: Chinese words for grades and steps, the
 * pre-filled facts, tallies and dates. Labels only: every rule (steps, quotas, bands, turnout) is
 * the backend's, and what may be done comes from `get.can`.
 */
import type { CampaignOut, ClosedBallot, ReportOut, ResultOut } from '../../services/appraisal';

type Grade = NonNullable<CampaignOut['grade']>;

/** A kind's grades as the backend words them (`grades` of `get`, `ballots` and `board`), best first. */
export type GradeLabels = readonly { key: Grade; label: string }[];

/** A grade in the backend's words; '' when there is none (or the backend sent no words). */
export const gradeWord = (g: Grade | null | undefined, labels: GradeLabels | undefined): string =>
  (g && labels?.find((x) => x.key === g)?.label) || '';

/** The board's grades (keys, best first) with the campaign's words for them. */
export const labelled = (keys: readonly Grade[], labels: GradeLabels | undefined): GradeLabels =>
  keys.map((key) => ({ key, label: gradeWord(key, labels) }));

export const BOX_WORDS: Record<string, string> = {
  assembly: '支部党员大会',
  committee: '基层党委述职评议会',
  masses: '群众代表',
};

/** A date the backend gives (`2027-01-31` or an ISO time), in Beijing: 2027年1月31日. */
export function dateText(value: string | null | undefined): string {
  if (!value) return '';
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? value
    : new Date(Date.parse(value) + 8 * 3600_000).toISOString().slice(0, 10);
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The page of a fact's link, as wx.navigateTo takes it. */
export function linkUrl(link: { page: string; query: Record<string, string> } | null): string {
  if (!link) return '';
  const q = Object.entries(link.query)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  return `/${link.page.replace(/^\//, '')}${q ? `?${q}` : ''}`;
}

/** The steps as a line each: done (✓, green), now (▶, red) or later (grey), in words too. */
export function stepViews(c: Pick<CampaignOut, 'steps' | 'step'>) {
  return c.steps.map((s) => ({
    key: s.key,
    title: s.title,
    state: s.done ? 'done' : s.key === c.step ? 'now' : 'later',
    mark: s.done ? '✓' : s.key === c.step ? '▶' : '○',
    word: s.done ? '已完成' : s.key === c.step ? '进行中' : '未开始',
    date: s.done && s.at ? dateText(s.at) : '',
  }));
}

export type StepView = ReturnType<typeof stepViews>[number];

const REPORT_WORDS: Record<ReportOut['status'], string> = {
  draft: '草稿，尚未提交',
  submitted: '已提交，等待上级审核',
  approved: '上级已审核通过',
  returned: '上级退回修改',
};
export const reportStatusText = (s: ReportOut['status']): string => REPORT_WORDS[s];

/** One section of the report: its text as typed, and its read-only facts (加强支部建设). */
export function sectionViews(r: ReportOut) {
  return r.sections.map((s) => ({
    key: s.key,
    title: s.title,
    text: s.text,
    facts: (s.facts ?? []).map((f) => ({
      key: f.key,
      label: f.label,
      recorded: f.value !== null,
      value: f.value ?? '未记录',
      url: linkUrl(f.link),
    })),
  }));
}

export type SectionView = ReturnType<typeof sectionViews>[number];

/**
 * The published result, as the secretary (or the superior) reads it: the grade, feedback and what
 * follows, each follow-up with its deadline and, where the backend allows it, a way to record it done.
 */
export function resultView(r: ResultOut) {
  return {
    gradeText: r.gradeText ?? '',
    feedback: r.feedback ?? '',
    commended: r.commended,
    tasks: r.consequences.map((t) => ({
      kind: t.kind,
      title: t.title,
      due: t.due ? `请在${dateText(t.due)}前完成` : '',
      state: t.done ? '已办结' : '未办结',
      done: t.done,
      note: t.note ?? '',
      // Offered only where the backend allows it [SEC-15, SEC-16].
      canComplete: t.canComplete,
      button: t.kind === 'rectification' ? '报告整改完成' : '办结',
      placeholder:
        t.kind === 'rectification' ? '写明整改完成的情况' : '写明办理情况，如：已于12月5日谈话',
    })),
  };
}

/** A tally as lines: 优秀 12 票 … (never shown before a ballot closes: the backend sends none). */
export function tallyLines(
  tally: Partial<Record<Grade, number>> | null,
  grades: GradeLabels,
): { grade: string; count: string }[] {
  if (!tally) return [];
  return grades.map((g) => ({ grade: g.label, count: `${tally[g.key] ?? 0} 票` }));
}

/** What a ballot closed or entered comes to, in one sentence. */
export function closedText(c: ClosedBallot): string {
  if (c.void) return `收回${c.returned}张，多于发出的${c.issued}张，本次投票作废，需要重新投票`;
  const base = `发出${c.issued}张，收回${c.returned}张，有效${c.valid}张`;
  return c.hidden ? `${base}。${c.hidden}` : base;
}

/** The step now, in the backend's words (each kind has its own steps). */
const stepWord = (c: CampaignOut): string =>
  c.steps.find((s) => s.key === c.step)?.title ?? '已完成';

/** One row of the console: the branch, the secretary, the step now, in words and colour. */
export function campaignRow(c: CampaignOut) {
  const done = c.step === 'done';
  return {
    id: c.id,
    orgName: c.orgName,
    subjectName: c.subjectName ?? '（书记未明确）',
    stepText: done ? '已完成' : `进行到：${stepWord(c)}`,
    tone: done ? 'done' : c.step === 'grade' || c.step === 'publish' ? 'decide' : 'going',
    gradeText: c.grade
      ? `评定：${gradeWord(c.grade, c.grades)}${c.publishedAt ? '（已公布）' : ''}`
      : '',
    reportText: `述职报告：${reportStatusText(c.reportStatus)}`,
    toBoard: c.step === 'grade' || c.step === 'publish' || done,
  };
}

export type CampaignRow = ReturnType<typeof campaignRow>;
