import { randomUUID } from 'crypto';
import { duesContract } from '../../contracts/dues';
import type { LedgerRow } from '../../contracts/dues';
import { writeXlsx } from '../../adapters/xlsx';
import { calculateFee, DuesCategory, firstDuesMonth } from '../../domain/dues/fee';
import { addMonths, localMonth } from '../../domain/shared/time';
import { db, getAll } from '../../repos/db';
import { findMember, listOrgMembers, MemberDoc } from '../../repos/members';
import { findOrg } from '../../repos/orgs';
import { action } from '../../runtime/handler';
import { AppError, notFound, orThrow } from '../../runtime/errors';
import { publishNotice } from '../notice/notices';

import type { Ctx } from '../../runtime/context';
import { forbidden } from '../../runtime/errors';

/**
 * Dues are kept by the organizer (组织委员 or 党费管理员) [FEE-27]; the secretary also reads the
 * ledger and arrears; a superior may act for the branches below.
 */
async function requireDues(ctx: Ctx, orgId: string, secretaryToo: boolean) {
  const org = await ctx.requireMember(orgId);
  const { member } = await ctx.caller();
  const roles = [
    'orgCommissioner',
    'duesManager',
    ...(secretaryToo ? ['secretary', 'deputySecretary'] : []),
  ];
  if (member.roles.some((r) => r.orgId === org._id && roles.includes(r.role))) return org;
  if (member.roles.some((r) => r.role === 'superiorAdmin' && org.ancestors.includes(r.orgId)))
    return org;
  throw forbidden('党费由组织委员或党费管理员管理');
}

interface BaseDoc {
  _id: string;
  orgId: string;
  memberId: string;
  year: number;
  fromMonth: string;
  category: DuesCategory;
  baseFen: number;
  monthlyFen: number;
  setAt: Date;
}
interface PaymentDoc {
  _id: string;
  orgId: string;
  memberId: string;
  month: string;
  amountFen: number;
  dueFen: number;
  proxy: { memberId: string | null; name: string } | null;
  paidOn: Date;
  recordedBy: string;
  note: string | null;
}

const fmt = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
const monthsOf = (year: number, until: string) =>
  Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`).filter(
    (m) => m <= until,
  );

/** The last month of a year that is due so far: all of a past year, none of a future one. */
const untilFor = (year: number, thisMonth: string) =>
  String(year) < thisMonth.slice(0, 4)
    ? `${year}-12`
    : String(year) > thisMonth.slice(0, 4)
      ? `${year}-00`
      : thisMonth;

/** The monthly amount due in a month: the base in force from its month on [FEE-16, FEE-19]. */
function dueIn(bases: BaseDoc[], month: string): number | null {
  const b = bases
    .filter((x) => x.fromMonth <= month)
    .sort((x, y) => y.fromMonth.localeCompare(x.fromMonth))[0];
  return b ? b.monthlyFen : null;
}

async function yearData(orgId: string, year: number) {
  const [members, bases, payments] = await Promise.all([
    listOrgMembers(orgId),
    getAll<BaseDoc>(db.collection('duesBases').where({ orgId, year }).orderBy('_id', 'asc')),
    getAll<PaymentDoc>(
      db.collection('duesPayments').where({ orgId, year }).orderBy('_id', 'asc'),
      100_000,
    ),
  ]);
  return { members, bases, payments };
}

function rowsOf(
  data: Awaited<ReturnType<typeof yearData>>,
  year: number,
  until: string,
): LedgerRow[] {
  return data.members.map((m: MemberDoc) => {
    const bases = data.bases.filter((b) => b.memberId === m._id);
    const pays = data.payments.filter((p) => p.memberId === m._id);
    const months = monthsOf(year, until).map((month) => {
      const due = dueIn(bases, month);
      const paid = pays.filter((p) => p.month === month).reduce((s, p) => s + p.amountFen, 0);
      const status: 'paid' | 'under' | 'unpaid' | 'notDue' =
        due === null ? 'notDue' : paid >= due ? 'paid' : paid > 0 ? 'under' : 'unpaid';
      return { month, dueFen: due ?? 0, paidFen: paid, status };
    });
    return {
      memberId: m._id,
      name: m.name,
      monthlyFen: dueIn(bases, until),
      months,
      paidFen: months.reduce((s, x) => s + x.paidFen, 0),
      dueFen: months.reduce((s, x) => s + x.dueFen, 0),
    };
  });
}

/** The calculation helper: anyone may work out an amount [FEE-05 … FEE-12]. */
export const calculate = action({
  input: duesContract.calculate.input,
  access: 'member',
  async run(_ctx, input) {
    return orThrow(calculateFee(input.category, input.baseFen));
  },
});

/** The 组织委员 (or 党费管理员) sets a member's base for the year; it never leaves the backend [DIS-09]. */
export const setBase = action({
  input: duesContract.setBase.input,
  access: 'member',
  async run(ctx, input) {
    const member = await findMember(input.memberId);
    if (!member) throw notFound('党员');
    await requireDues(ctx, member.orgId, false);
    const fee = orThrow(calculateFee(input.category, input.baseFen));
    const fromMonth = firstDuesMonth(input.fromMonth ?? `${input.year}-01`, member);
    if (!fromMonth.startsWith(String(input.year)))
      throw new AppError('INPUT.INVALID', '起算月份须在该年度内', { fields: ['fromMonth'] });
    const doc: BaseDoc = {
      _id: `${member._id}:${fromMonth}`,
      orgId: member.orgId,
      memberId: member._id,
      year: input.year,
      fromMonth,
      category: input.category,
      baseFen: input.baseFen,
      monthlyFen: fee.monthlyFen,
      setAt: ctx.now,
    };
    const { _id, ...data } = doc;
    await db.collection('duesBases').doc(_id).set({ data });
    await ctx.audit({
      orgId: member.orgId,
      entity: 'duesBases',
      entityId: doc._id,
      after: { category: doc.category, monthlyFen: doc.monthlyFen, fromMonth },
    });
    return { memberId: member._id, monthlyFen: fee.monthlyFen, fromMonth };
  },
});

/**
 * Records a payment for a month, by the member or by a proxy whose identity is kept [FEE-21];
 * voluntary extra is welcome (≥ 1000 yuan flagged for remittance [FEE-13]); a make-up of a month
 * more than 6 months back needs a note [FEE-25]. Entries are appended, never edited [FEE-28].
 */
export const pay = action({
  input: duesContract.pay.input,
  access: 'member',
  async run(ctx, input) {
    const member = await findMember(input.memberId);
    if (!member) throw notFound('党员');
    await requireDues(ctx, member.orgId, false);
    const now = localMonth(ctx.now);
    if (input.month > now)
      throw new AppError('INPUT.INVALID', '不能预交未来月份的党费', { fields: ['month'] });
    const flags: string[] = [];
    if (addMonths(`${input.month}-01`, 6) < `${now}-01`) {
      if (!input.note)
        throw new AppError('DUES.NOTE_REQUIRED', '补交6个月以前的党费，请写明情况说明', {
          ruleId: 'FEE-25',
          fields: ['note'],
        });
      flags.push('makeUpOver6Months');
    }
    const year = Number(input.month.slice(0, 4));
    const bases = await getAll<BaseDoc>(
      db.collection('duesBases').where({ memberId: member._id, year }).orderBy('_id', 'asc'),
    );
    const due = dueIn(bases, input.month) ?? 0;
    const before = (
      await getAll<PaymentDoc>(
        db
          .collection('duesPayments')
          .where({ memberId: member._id, month: input.month })
          .orderBy('_id', 'asc'),
      )
    ).reduce((s, p) => s + p.amountFen, 0);
    const extraFen = Math.max(0, before + input.amountFen - due) - Math.max(0, before - due);
    if (extraFen >= 100_000) flags.push('remitToCentre');
    let proxy: PaymentDoc['proxy'] = null;
    if (input.proxyMemberId) {
      const p = await findMember(input.proxyMemberId);
      if (!p)
        throw new AppError('INPUT.INVALID', '代交人不是登记的党员，请填写代交人姓名', {
          fields: ['proxyMemberId'],
        });
      proxy = { memberId: p._id, name: p.name };
    } else if (input.proxyName) proxy = { memberId: null, name: input.proxyName };
    const { member: actor } = await ctx.caller();
    const doc: PaymentDoc & { year: number } = {
      _id: randomUUID().replace(/-/g, ''),
      orgId: member.orgId,
      memberId: member._id,
      month: input.month,
      year,
      amountFen: input.amountFen,
      dueFen: due,
      proxy,
      paidOn: input.paidOn ? new Date(`${input.paidOn}T12:00:00+08:00`) : ctx.now,
      recordedBy: actor._id,
      note: input.note ?? null,
    };
    await db.collection('duesPayments').add({ data: doc });
    await ctx.audit({
      orgId: member.orgId,
      entity: 'duesPayments',
      entityId: doc._id,
      after: { memberId: member._id, month: input.month, amountFen: input.amountFen, proxy },
    });
    return {
      paymentId: doc._id,
      month: input.month,
      amountFen: input.amountFen,
      dueFen: due,
      extraFen,
      flags,
    };
  },
});

/** The branch ledger for a year, as JSON or xlsx (export audited [PRIV-07]); never anyone's base. */
export const ledger = action({
  input: duesContract.ledger.input,
  access: 'member',
  async run(ctx, input) {
    const org = await requireDues(ctx, input.orgId, true);
    const rows = rowsOf(
      await yearData(org._id, input.year),
      input.year,
      untilFor(input.year, localMonth(ctx.now)),
    );
    const totals = {
      dueFen: rows.reduce((s, r) => s + r.dueFen, 0),
      paidFen: rows.reduce((s, r) => s + r.paidFen, 0),
    };
    if (input.format !== 'xlsx') return { orgId: org._id, year: input.year, rows, totals };
    const months = rows[0]?.months.map((m) => m.month.slice(5)) ?? [];
    const file = writeXlsx([
      {
        name: `${input.year}党费台账`,
        rows: [
          [`${org.name} ${input.year}年党费收缴台账（单位：元）`],
          ['姓名', '月应交', ...months.map((m) => `${Number(m)}月`), '合计应交', '合计已交'],
          ...rows.map((r) => [
            r.name,
            r.monthlyFen === null ? '未核定' : fmt(r.monthlyFen),
            ...r.months.map((m) => (m.status === 'notDue' ? '—' : fmt(m.paidFen))),
            fmt(r.dueFen),
            fmt(r.paidFen),
          ]),
        ],
      },
    ]);
    const fileId = await ctx.ports.files.put(`dues/${org._id}-${input.year}.xlsx`, file);
    await ctx.audit({
      orgId: org._id,
      entity: 'exports',
      entityId: fileId,
      after: { ledger: input.year },
    });
    return { fileId };
  },
});

/** Unpaid months; six in a row raise the 自行脱党 procedure alert for the branch to look into, never an automatic step [FEE-23]. */
export const arrears = action({
  input: duesContract.arrears.input,
  access: 'member',
  async run(ctx, input) {
    const org = await requireDues(ctx, input.orgId, true);
    // A month is due by its end [FEE-24]: the running month is never in arrears yet.
    const lastDue = addMonths(`${localMonth(ctx.now)}-01`, -1).slice(0, 7);
    const asOf = input.asOf < lastDue ? input.asOf : lastDue;
    const year = Number(asOf.slice(0, 4));
    const [thisYear, lastYear] = await Promise.all([
      yearData(org._id, year),
      yearData(org._id, year - 1),
    ]);
    const rows = [...rowsOf(lastYear, year - 1, `${year - 1}-12`), ...rowsOf(thisYear, year, asOf)];
    const byMember = new Map<string, { name: string; months: LedgerRow['months'] }>();
    for (const r of rows)
      byMember.set(r.memberId, {
        name: r.name,
        months: [...(byMember.get(r.memberId)?.months ?? []), ...r.months],
      });
    return [...byMember.entries()]
      .map(([memberId, { name, months }]) => {
        const unpaid = months
          .filter((m) => m.status === 'unpaid' || m.status === 'under')
          .map((m) => m.month);
        let run = 0;
        let longest = 0;
        for (const m of months) {
          run = m.status === 'unpaid' ? run + 1 : m.status === 'notDue' ? run : 0; // an underpaid month is not "unpaid" here [FEE-24]
          longest = Math.max(longest, run);
        }
        return {
          memberId,
          name,
          unpaidMonths: unpaid,
          consecutiveUnpaid: longest,
          alert:
            longest >= 6 ? '连续6个月未交纳党费，请支部了解情况、谈心提醒（不自动处理）' : null,
        };
      })
      .filter((r) => r.unpaidMonths.length > 0);
  },
});

/** My dues: the monthly amount, months paid and the payment history (the base is not shown). */
export const mine = action({
  input: duesContract.mine.input,
  access: 'member',
  async run(ctx, input) {
    const { member } = await ctx.caller();
    const data = await yearData(member.orgId, input.year);
    const row = rowsOf(
      { ...data, members: [member] },
      input.year,
      untilFor(input.year, localMonth(ctx.now)),
    )[0];
    const base = data.bases
      .filter((b) => b.memberId === member._id)
      .sort((a, b) => b.fromMonth.localeCompare(a.fromMonth))[0];
    return {
      monthlyFen: row.monthlyFen,
      category: base?.category ?? null,
      months: row.months,
      payments: data.payments
        .filter((p) => p.memberId === member._id)
        .map((p) => ({
          month: p.month,
          amountFen: p.amountFen,
          paidOn: new Date(p.paidOn).toISOString(),
          proxy: p.proxy?.name ?? null,
        })),
    };
  },
});

/**
 * The half-yearly publication [DIS-08, DIS-09]: a 党务公开 notice with each member's months paid
 * and amounts and the totals — never anyone's income or base.
 */
export const publish = action({
  input: duesContract.publish.input,
  access: 'member',
  async run(ctx, input) {
    const org = await ctx.requireCommittee(input.orgId);
    const full = await findOrg(org._id);
    const year = Number(input.period.slice(0, 4));
    const h2 = input.period.endsWith('H2');
    const data = await yearData(org._id, year);
    // Months of the half that are already due (the running month is not [FEE-24]).
    const halfEnd = `${year}-${h2 ? '12' : '06'}`;
    const lastDue = addMonths(`${localMonth(ctx.now)}-01`, -1).slice(0, 7);
    const rows = rowsOf(data, year, halfEnd < lastDue ? halfEnd : lastDue)
      .map((r) => ({ ...r, months: r.months.filter((m) => (h2 ? m.month > `${year}-06` : true)) }))
      .filter((r) => r.months.some((m) => m.status !== 'notDue' || m.paidFen > 0));
    const lines = rows.map((r) => {
      const paid = r.months.filter((m) => m.status === 'paid').length;
      const due = r.months.filter((m) => m.status !== 'notDue').length;
      return `${r.name}：已交${paid}/${due}个月，计${fmt(r.months.reduce((s, m) => s + m.paidFen, 0))}元`;
    });
    const total = rows.reduce((s, r) => s + r.months.reduce((t, m) => t + m.paidFen, 0), 0);
    const label = `${year}年${h2 ? '下' : '上'}半年`;
    const body = [
      `${full?.name ?? ''}${label}党费收缴情况公开如下：`,
      ...lines,
      `合计收缴党费${fmt(total)}元。`,
      '如有疑问，请向支部组织委员反映。',
    ].join('\n');
    const noticeId = await publishNotice(ctx, org, {
      category: '党费缴纳',
      title: `${label}党费收缴情况公开`,
      body,
    });
    return { noticeId };
  },
});

/**
 * Branch dues completion for the 堡垒指数 [FORT-10]: member-months paid in full over member-months
 * due, up to the last month already due; null when no amount is confirmed for anyone.
 */
export async function duesCompletion(
  orgId: string,
  year: number,
  now: Date,
): Promise<{ paid: number; due: number } | null> {
  const lastDue = addMonths(`${localMonth(now)}-01`, -1).slice(0, 7);
  const until = untilFor(year, lastDue < `${year}-01` ? `${year}-00` : lastDue);
  const months = rowsOf(await yearData(orgId, year), year, until).flatMap((r) =>
    r.months.filter((m) => m.status !== 'notDue'),
  );
  if (!months.length) return null;
  return { paid: months.filter((m) => m.status === 'paid').length, due: months.length };
}
