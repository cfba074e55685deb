import { calculateFee, firstDuesMonth } from '../../cloudfunctions/_shared/domain/dues/fee';
import { emptyProgress } from '../../cloudfunctions/_shared/domain/org/five-standards';
import { localDate, localInstant } from '../../cloudfunctions/_shared/domain/shared/time';
import type { DuesBaseDoc, DuesPaymentDoc } from '../../cloudfunctions/_shared/repos/dues';
import type { FiveStandardsDoc } from '../../cloudfunctions/_shared/repos/five-standards';
import type { MemberDoc } from '../../cloudfunctions/_shared/repos/members';
import type { NoticeDoc, NoticeVersionDoc } from '../../cloudfunctions/_shared/repos/notices';
import type { BranchPlan, CommitteePlan } from './committee-plan';
import type { Rng } from './committee-random';

/** The day of the month a branch holds its theme day (dues are handed over there [FEE-26]). */
export const themeDayOf = (k: number) => 5 + (k % 5);

export interface BranchDues {
  bases: DuesBaseDoc[];
  payments: DuesPaymentDoc[];
  /** month → members who had paid that month in full (a theme day's `duesCollected` [TD-20]). */
  paidInFull: Map<string, number>;
}

/**
 * A 核定 entry per member and calendar year of the records (as `dues.setBase` writes it), and a
 * payment per month owed, handed over at the theme day (online for a 流动党员), as `dues.pay` writes
 * it — except the months the plan leaves in arrears.
 */
export function branchDues(
  plan: CommitteePlan,
  b: BranchPlan,
  k: number,
  roster: MemberDoc[],
  recorder: string,
  r: Rng,
): BranchDues {
  const bases: DuesBaseDoc[] = [];
  const payments: DuesPaymentDoc[] = [];
  const paidInFull = new Map<string, number>();
  const years = [...new Set(plan.months.map((m) => Number(m.slice(0, 4))))];
  const day = String(themeDayOf(k)).padStart(2, '0');
  for (const m of roster) {
    const baseFen = r.int(30, 150) * 10_000;
    const fee = calculateFee('salaried', baseFen);
    if (!fee.ok) throw new Error('seed: fee');
    const monthlyFen = fee.value.monthlyFen;
    const mine: DuesBaseDoc[] = [];
    for (const year of years) {
      const fromMonth = firstDuesMonth(`${year}-01`, m);
      if (!fromMonth.startsWith(String(year))) continue;
      mine.push({
        _id: `${m._id}:${year}:r1`,
        orgId: b.orgId,
        memberId: m._id,
        year,
        fromMonth,
        revision: 1,
        category: 'salaried',
        baseFen,
        monthlyFen,
        setAt: localInstant(
          fromMonth < `${year}-01` ? `${year}-01-02` : `${fromMonth}-02`,
          '10:00',
        ),
      });
    }
    bases.push(...mine);
    const unpaid = new Set(b.arrears.find((a) => a.memberId === m._id)?.months ?? []);
    let turns = 0;
    for (const month of plan.months) {
      const base = mine.find((x) => x.year === Number(month.slice(0, 4)));
      if (!base || month < base.fromMonth || unpaid.has(month)) continue;
      const paidOn = new Date(`${month}-${day}T12:00:00+08:00`);
      const online = m.mobile;
      payments.push({
        _id: r.hex32(),
        orgId: b.orgId,
        memberId: m._id,
        month,
        year: Number(month.slice(0, 4)),
        amountFen: monthlyFen,
        dueFen: monthlyFen,
        proxy: null,
        paidOn,
        recordedBy: recorder,
        note: null,
        method: online ? 'online' : 'cash',
        receiptNo: online ? `WX${month.replace('-', '')}${r.int(100000, 999999)}` : null,
        paidAtOrg: null,
        recordedAt: new Date(+paidOn + 3 * 3600_000),
      });
      paidInFull.set(month, (paidInFull.get(month) ?? 0) + 1);
      turns++;
    }
    if (turns) m.duesTurn = turns;
  }
  return { bases, payments, paidInFull };
}

const NOTICE_TOPICS = [
  [
    '党费收缴',
    '党费收缴情况公示',
    '本月党费已按核定标准收缴，收缴情况张贴于支部公开栏，欢迎党员监督。',
  ],
  [
    '组织建设',
    '主题党日活动安排',
    '本月主题党日按计划开展，集中学习、交纳党费、民主议事，请党员准时参加。',
  ],
  ['党员教育', '学习安排', '本月集中学习篇目已印发，请各位党员按党小组认真自学并做好笔记。'],
] as const;

/** One 党务公开 notice a month (as `notice.publish` writes it), until `lastNoticeMonth` [DIS-07]. */
export function branchNotices(
  plan: CommitteePlan,
  b: BranchPlan,
  publisher: string,
  r: Rng,
): { notices: NoticeDoc[]; versions: NoticeVersionDoc[] } {
  const notices: NoticeDoc[] = [];
  const versions: NoticeVersionDoc[] = [];
  plan.months
    .filter((m) => m <= b.lastNoticeMonth)
    .forEach((month, i) => {
      const [category, topic, body] = NOTICE_TOPICS[i % NOTICE_TOPICS.length];
      const at = localInstant(`${month}-10`, '10:00');
      const id = r.hex32();
      const title = `${Number(month.slice(5))}月${topic}`;
      notices.push({
        _id: id,
        orgId: b.orgId,
        category,
        title,
        body,
        attachments: [],
        version: 1,
        matterId: null,
        stage: null,
        expiresOn: null,
        publishedAt: at,
        updatedAt: at,
        publishedBy: publisher,
        matterKind: null,
        audience: 'branch',
        publicApproval: null,
        activityId: null,
      });
      versions.push({
        _id: `${id}:v1`,
        noticeId: id,
        version: 1,
        title,
        body,
        attachments: [],
        editedAt: at,
        editedBy: publisher,
      });
    });
  return { notices, versions };
}

/** This year's 五化 record (declared in March; 完成情况 filled for every past month) [ORG-26…28]. */
export function branchFiveStandards(b: BranchPlan, now: Date): FiveStandardsDoc | null {
  if (!b.fiveStandards) return null;
  const today = localDate(now);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const progress = emptyProgress().map((row) => ({
    ...row,
    target: `${row.month}月：三会一课按时召开，台账规范`,
    owner: '组织委员',
    done: row.month < month ? '已按计划完成' : '',
  }));
  return {
    _id: `${b.orgId}:${year}`,
    orgId: b.orgId,
    year,
    status: b.fiveStandards,
    declaredOn: `${year}-03-15`,
    progress,
    model: null,
    updatedAt: localInstant(
      `${year}-${String(Math.max(1, month - 1)).padStart(2, '0')}-28`,
      '16:00',
    ),
  };
}
