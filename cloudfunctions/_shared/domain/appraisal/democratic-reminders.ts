/**
 * Who must act on a 民主评议党员 now, and what to tell them (issue 14 item 10): one reminder per
 * step and person, keyed so the scheduler sends each once [PRIV-10]. Members: the 个人自评 is due;
 * the committee: the 党员互评 summaries, the 民主测评, the 组织评定; the superior: the results were
 * reported; each member: their own result can be read. Pure.
 */
import type { DemocraticStep } from './democratic-model';

export interface RemindedDemocratic {
  _id: string;
  year: number;
  step: DemocraticStep | 'done';
  participants: { memberId: string }[];
  selfDone: string[];
  mutualDone: string[];
  imported?: Record<string, unknown>;
  publishedAt: Date | null;
  reportedAt?: Date | null;
}

export type DemocraticReminderTo =
  { kind: 'member'; memberId: string } | { kind: 'committee' } | { kind: 'superior' };

/** The page opened, with the campaign's id: the 自评 page, the campaign, the board, the result. */
export type DemocraticReminderPage = 'self' | 'campaign' | 'board' | 'result';

export interface DemocraticReminder {
  key: string;
  to: DemocraticReminderTo;
  /** 提醒事项 (at most 20 characters). */
  what: string;
  /** 温馨提示 (at most 20 characters). */
  hint: string;
  page: DemocraticReminderPage;
  ruleId: string;
}

/** Results read within this many days of the feedback are announced; later ones are not. */
export const DEMOCRATIC_RESULT_DAYS = 30;
const DAY = 86400_000;

export function democraticReminders(c: RemindedDemocratic, now: Date): DemocraticReminder[] {
  const out: DemocraticReminder[] = [];
  const here = c.participants.map((p) => p.memberId).filter((id) => !c.imported?.[id]);
  const committee = (key: string, what: string, hint: string, page: DemocraticReminderPage) =>
    out.push({ key, to: { kind: 'committee' }, what, hint, page, ruleId: 'APR-02' });
  switch (c.step) {
    case 'selfEvaluation':
      for (const id of here.filter((m) => !c.selfDone.includes(m)).sort())
        out.push({
          key: `self:${id}`,
          to: { kind: 'member', memberId: id },
          what: '请填写民主评议个人自评',
          hint: '对照党员标准写几句即可',
          page: 'self',
          ruleId: 'APR-02',
        });
      break;
    case 'mutualEvaluation':
      committee('mutual', '请录入党员互评情况', '按会议记录逐人录入', 'campaign');
      break;
    case 'ballot':
      committee('ballot', '请组织民主测评', '无记名投票，当场计票', 'campaign');
      break;
    case 'decision':
      committee('decision', '请进行组织评定', '逐人评定等次，写明理由', 'board');
      break;
    case 'feedback':
      committee('feedback', '请向党员反馈评议结果', '结果只告诉党员本人', 'board');
      break;
    case 'archive':
      committee('archive', '请将登记表归档', '登记表填写完整后归档', 'board');
      break;
    default:
      break;
  }
  if (c.reportedAt)
    out.push({
      key: 'reported',
      to: { kind: 'superior' },
      what: '支部报来民主评议结果',
      hint: '请查看评议情况和提示',
      page: 'board',
      ruleId: 'APR-12',
    });
  if (c.publishedAt && +now - +new Date(c.publishedAt) <= DEMOCRATIC_RESULT_DAYS * DAY)
    for (const id of c.participants.map((p) => p.memberId).sort())
      out.push({
        key: `result:${id}`,
        to: { kind: 'member', memberId: id },
        what: '您的民主评议结果可查看',
        hint: '结果只有您本人能看到',
        page: 'result',
        ruleId: 'APR-12',
      });
  return out;
}
