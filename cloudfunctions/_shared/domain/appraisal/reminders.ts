/**
 * Who must act on a secretary review now, and what to tell them [issue 13 item 9]: one reminder
 * per step and occurrence, so the scheduler can claim each once (its `key`). Pure: the campaign's
 * state and today's date in, the reminders out; nothing here knows who holds which role.
 */
import { TASK_RULES, TASK_TITLES } from './consequences';
import type { SecretaryStep, TaskKind } from './model';

/** The part of a campaign the reminders read (a structural subset of the stored campaign). */
export interface RemindedCampaign {
  _id: string;
  year: number;
  subjectId: string;
  step: SecretaryStep | 'done';
  report: { status: string; submittedAt: Date | null; decidedAt: Date | null };
  publishedAt: Date | null;
  tasks: { kind: TaskKind; ownerId: string; due: string | null; done: boolean }[];
}

/**
 * Who a reminder goes to: the secretary under review; the superior administrators; the branch
 * committee without the subject (the deputy and the commissioners, who hold the assembly since
 * the secretary is its subject) [PRIV-21, SEC-08]; or one named member (a task's owner).
 */
export type ReminderTo =
  | { kind: 'subject' }
  | { kind: 'superior' }
  | { kind: 'branchCommittee' }
  | { kind: 'member'; memberId: string };

/**
 * Which page the message opens, with the campaign's id: one that shows what to do there — the
 * report (writing, reviewing it; the secretary's result and follow-ups), or the board (its steps
 * and the box, 点评, grading and publishing actions `get.can` offers). Never the console: it lists
 * the year's branches and would not open the campaign the message is about.
 */
export type ReminderPage = 'report' | 'board';

export interface AppraisalReminder {
  /** Unique per campaign and occurrence: the same key is never sent twice to the same person. */
  key: string;
  to: ReminderTo;
  /** 提醒事项 (at most 20 characters, the template's limit). */
  what: string;
  /** 温馨提示 (at most 20 characters). */
  hint: string;
  page: ReminderPage;
  ruleId: string;
}

/** Days before `sec.due` the superior is reminded of an unfinished review [SEC-03]. */
export const SEC03_LEAD_DAYS = 15;
/** Days before a follow-up's deadline its owner is reminded [SEC-15]. */
export const TASK_LEAD_DAYS = 7;
/** A published result is announced to the secretary within this many days of publication. */
export const RESULT_NEWS_DAYS = 30;

const DAY = 86400_000;
const ms = (d: Date | string | null | undefined) => (d ? +new Date(d) : 0);
/** Whole days from calendar date `from` to `to` ('YYYY-MM-DD'). */
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
/** 12-31 → 12月31日 */
const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** The step reminder of the campaign's current state, if someone must act on it. */
function stepReminder(c: RemindedCampaign, jiaozuo: boolean): AppraisalReminder | null {
  if (c.step === 'report') {
    const s = c.report.status;
    if (s === 'draft')
      return {
        key: 'opened',
        to: { kind: 'subject' },
        what: '请撰写年度述职报告',
        hint: '写好后提交上级党组织审核',
        page: 'report',
        ruleId: 'SEC-07',
      };
    if (s === 'submitted')
      return {
        key: `submitted:${ms(c.report.submittedAt)}`,
        to: { kind: 'superior' },
        what: '支部书记述职报告待审核',
        hint: '请审核通过或退回修改',
        page: 'report',
        ruleId: 'SEC-07',
      };
    if (s === 'returned')
      return {
        key: `returned:${ms(c.report.decidedAt)}`,
        to: { kind: 'subject' },
        what: '述职报告已退回修改',
        hint: '请按审核意见修改后重新提交',
        page: 'report',
        ruleId: 'SEC-07',
      };
    return null; // approved: the campaign moves to the assembly
  }
  if (c.step === 'assembly')
    return {
      key: 'assembly',
      to: { kind: 'branchCommittee' },
      what: '请召开党员大会听取书记述职',
      hint: '会上开启评议投票',
      page: 'board',
      ruleId: 'SEC-08',
    };
  if (c.step === 'committee')
    return {
      key: 'committee',
      to: { kind: 'superior' },
      what: '请召开述职评议会',
      hint: '记录点评并组织评议投票',
      page: 'board',
      ruleId: 'SEC-09',
    };
  if (c.step === 'grade')
    return {
      key: 'grade',
      to: { kind: 'superior' },
      what: jiaozuo ? '评书记待组织评定' : '支部书记述职待评定等次',
      hint: '请在评定页确定等次并签署',
      page: 'board',
      ruleId: jiaozuo ? 'SEC-17' : 'SEC-10',
    };
  if (c.step === 'publish')
    return {
      key: 'publish',
      to: { kind: 'superior' },
      what: '评议等次已评定待公布',
      hint: '请在规定范围内公布结果',
      page: 'board',
      ruleId: 'SEC-14',
    };
  return null;
}

/** The reminders due today for one secretary review ('YYYY-MM-DD' in Beijing time). */
export function appraisalReminders(
  c: RemindedCampaign,
  p: { today: string; now: Date; due: string; jiaozuo: boolean },
): AppraisalReminder[] {
  const out: AppraisalReminder[] = [];
  const step = stepReminder(c, p.jiaozuo);
  if (step) out.push(step);

  if (c.step === 'done' && c.publishedAt && +p.now - ms(c.publishedAt) < RESULT_NEWS_DAYS * DAY)
    out.push({
      key: 'published',
      to: { kind: 'subject' },
      what: '您的述职评议结果已公布',
      hint: '请查看评定等次和后续事项',
      page: 'report',
      ruleId: 'SEC-14',
    });

  // Finished before year end [SEC-03]: the superior, some days before and once it is late.
  if (c.step !== 'done') {
    const left = daysBetween(p.today, p.due);
    // Still at the report: the superior's part is reviewing it; later, the board's actions.
    const page: ReminderPage = c.step === 'report' ? 'report' : 'board';
    if (left < 0)
      out.push({
        key: `sec03:late:${p.due}`,
        to: { kind: 'superior' },
        what: '支部书记述职评议已逾期',
        hint: `应于${monthDay(p.due)}前完成`,
        page,
        ruleId: 'SEC-03',
      });
    else if (left <= SEC03_LEAD_DAYS)
      out.push({
        key: `sec03:soon:${p.due}`,
        to: { kind: 'superior' },
        what: '支部书记述职评议尚未完成',
        hint: `请于${monthDay(p.due)}前完成`,
        page,
        ruleId: 'SEC-03',
      });
  }

  for (const t of c.tasks) {
    if (t.done) continue;
    const to: ReminderTo = { kind: 'member', memberId: t.ownerId };
    const word = TASK_TITLES[t.kind];
    // The secretary's own follow-up opens the report; the superior's, the grading board.
    const page: ReminderPage = t.ownerId === c.subjectId ? 'report' : 'board';
    const base = { to, page, ruleId: TASK_RULES[t.kind] };
    out.push({
      ...base,
      key: `task:${t.kind}:new`,
      what: `待办：${word}`,
      hint: t.due ? `请于${monthDay(t.due)}前完成` : '完成后在待办中登记',
    });
    if (!t.due) continue;
    const left = daysBetween(p.today, t.due);
    if (left < 0)
      out.push({
        ...base,
        key: `task:${t.kind}:late:${t.due}`,
        what: `${word}已超过期限`,
        hint: '请尽快完成并登记',
      });
    else if (left <= TASK_LEAD_DAYS)
      out.push({
        ...base,
        key: `task:${t.kind}:soon:${t.due}`,
        what: `${word}临近期限`,
        hint: `请于${monthDay(t.due)}前完成`,
      });
  }
  return out;
}

/** The day a review of `year` must be finished by: `sec.due` (MM-DD, default 12-31) [SEC-03]. */
export function reviewDue(year: number, monthDayDue = '12-31'): string {
  return `${year}-${monthDayDue}`;
}
