/**
 * A branch's alerts on the superior's dashboard (issue 16), pure: each with its kind, rule, the
 * local date from which it holds (when known) and a plain Chinese message. The caller passes the
 * alerts other rules already computed (term, size, inactivity) and the facts for the rest.
 */
import type { DashboardAlert } from '../../contracts/org-oversight';
import type { Alert } from '../shared/result';
import { addMonths } from '../shared/time';

const DAY = 86400_000;

/** "2026-03" → "3月". */
const monthWord = (m: string) => `${Number(m.slice(5, 7))}月`;

/** "2026-03-07" + n days, as a local date. */
const plusDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** TD-01: ended months without a counted 主题党日; since the first day of the month after the first. */
export function missingMonthAlert(months: readonly string[]): DashboardAlert[] {
  if (!months.length) return [];
  const listed = months.map(monthWord).join('、');
  return [
    {
      kind: 'missingMonth',
      ruleId: 'TD-01',
      since: addMonths(`${months[0]}-01`, 1),
      message: `${Number(months[0].slice(0, 4))}年${listed}没有开展主题党日（共${months.length}个月）`,
    },
  ];
}

/** Members with months not paid in full [FEE-24]; six months in a row with nothing paid [FEE-23]. */
export interface ArrearsFacts {
  /** Members owing at least one ended month. */
  members: number;
  /** Of them, those with ≥ 6 consecutive months with nothing paid. */
  longRun: number;
  /** The first ended month with arrears. */
  firstMonth: string | null;
}

export function arrearsAlert(f: ArrearsFacts): DashboardAlert[] {
  if (!f.members) return [];
  const since = f.firstMonth ? addMonths(`${f.firstMonth}-01`, 1) : null;
  return f.longRun
    ? [
        {
          kind: 'arrears',
          ruleId: 'FEE-23',
          since,
          message: `${f.members}名党员欠交党费，其中${f.longRun}名已连续6个月以上未交，请支部了解情况`,
        },
      ]
    : [{ kind: 'arrears', ruleId: 'FEE-24', since, message: `${f.members}名党员有欠交党费的月份` }];
}

/**
 * DIS-07: no new or updated item for 60 days alerts the superior too. `last`: the last publish or
 * update (null: never; counted from the set-up, as the scheduler does).
 */
export function staleDisclosureAlert(
  last: string | null,
  foundedOn: string,
  today: string,
  days = 60,
): DashboardAlert[] {
  const from = last ?? foundedOn;
  const since = plusDays(from, days);
  if (since > today) return [];
  const idle = Math.round(
    (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY,
  );
  return [
    {
      kind: 'staleDisclosure',
      ruleId: 'DIS-07',
      since,
      message: last ? `党务公开已${idle}天没有更新` : '尚未发布党务公开内容',
    },
  ];
}

/** MTG-19: records of the year filed late (or not filed after the window). */
export function lateRecordsAlert(late: number, firstDeadline: string | null): DashboardAlert[] {
  return late
    ? [
        {
          kind: 'lateRecords',
          ruleId: 'MTG-19',
          since: firstDeadline,
          message: `本年度有${late}次会议活动的纪实没有按时归档`,
        },
      ]
    : [];
}

/** ORG-30 / FORT-24: the 五化 spot check failed (or the check found the branch failing). */
export function spotCheckAlert(failed: boolean, on: string | null, year: number): DashboardAlert[] {
  return failed
    ? [
        {
          kind: 'spotCheckFailed',
          ruleId: 'ORG-30',
          since: on,
          message: `${year}年抽查不合格，当年不能评为先进党支部`,
        },
      ]
    : [];
}

/** FORT-22: no organisational life for `limit` days. */
export function inactiveAlert(
  i: { inactive: boolean; since: string; limit: number; message: string | null } | undefined,
): DashboardAlert[] {
  return i?.inactive && i.message
    ? [
        {
          kind: 'inactive',
          ruleId: 'FORT-22',
          since: plusDays(i.since, i.limit),
          message: `${i.message}，请督促开展`,
        },
      ]
    : [];
}

/** Term (ORG-19, ORG-21, ORG-22) and size / committee alerts (ORG-02 …) of the other rules. */
export function fromRuleAlerts(kind: string, alerts: readonly Alert[]): DashboardAlert[] {
  return alerts.map((a) => ({
    kind,
    ruleId: a.ruleId,
    since: null,
    message: a.message,
  }));
}

/** The term alerts with the date they hold from: the end of the term for ORG-22. */
export function termAlertsOf(alerts: readonly Alert[], end: string | null): DashboardAlert[] {
  return alerts.map((a) => ({
    kind: 'termExpiry',
    ruleId: a.ruleId,
    since: a.ruleId === 'ORG-22' && end ? plusDays(end, 1) : null,
    message: a.message,
  }));
}
