import { randomUUID } from 'crypto';
import { pointsContract } from '../../contracts/points';
import { localInstant, localMonth } from '../../domain/shared/time';
import { findActivity } from '../../repos/activities';
import { db, findById, getAll } from '../../repos/db';
import { listOrgMembers } from '../../repos/members';
import { action } from '../../runtime/handler';
import { AppError, forbidden, notFound } from '../../runtime/errors';
import { EntryDoc, standardFor } from './facts';
import { assertPointsOn, pointsOrg, SCORER_DUTIES } from './ledger';

export const APPEAL_DAYS = 7; // PTS-18

interface PublicationDoc {
  _id: string;
  orgId: string;
  quarter: string;
  publishedAt: Date;
  appealUntil: Date;
}
interface AppealDoc {
  _id: string;
  orgId: string;
  memberId: string;
  entryId: string;
  quarter: string | null;
  reason: string;
  status: 'open' | 'accepted' | 'rejected';
  reply: string | null;
  adjustmentId: string | null;
  /** What the appeal is about, in words, so the secretary's answer screen can say it. */
  entryLabel: string;
  at: Date;
}

const quarterOf = (month: string) =>
  `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;

/** Publishes a quarter's points inside the branch and opens the appeal window [PTS-18]. */
export const publishQuarter = action({
  input: pointsContract.publishQuarter.input,
  access: 'member',
  async run(ctx, input) {
    const org = await ctx.requireCommittee(input.orgId, SCORER_DUTIES);
    assertPointsOn(org);
    const [y, q] = input.quarter.split('-Q').map(Number);
    if (+localInstant(`${y}-${String(q * 3).padStart(2, '0')}-01`) > +ctx.now) {
      throw new AppError('INPUT.INVALID', '季度尚未进入最后一个月，不能公布', {
        fields: ['quarter'],
      });
    }
    const appealUntil = new Date(+ctx.now + APPEAL_DAYS * 86400_000);
    await db
      .collection('pointPublications')
      .doc(`${org._id}:${input.quarter}`)
      .set({ data: { orgId: org._id, quarter: input.quarter, publishedAt: ctx.now, appealUntil } });
    await ctx.audit({
      orgId: org._id,
      entity: 'pointPublications',
      entityId: `${org._id}:${input.quarter}`,
      after: { appealUntil },
    });
    return { quarter: input.quarter, appealUntil: appealUntil.toISOString() };
  },
});

/** A short description of an index entry: the activity for attendance, the item otherwise. */
async function entryLabel(entryId: string, orgId: string, year: number): Promise<string> {
  const m = /^(att|late):(.+):[^:]+$/.exec(entryId);
  if (m) {
    const a = await findActivity(m[2]);
    return a ? `${m[1] === 'late' ? '迟到扣分：' : '组织生活：'}${a.title}` : '组织生活记录';
  }
  const base: Record<string, string> = {
    orgLife: '组织生活（出勤折算）',
    study: '学习（学时折算）',
    dues: '党费',
    morality: '品德合格',
    contribution: '发挥作用合格',
  };
  const b = /^base:(\w+):/.exec(entryId);
  if (b) return base[b[1]] ?? '基础分';
  const e = await findById<EntryDoc>('pointEntries', entryId);
  const item = e
    ? (await standardFor(orgId, year)).items.find((i) => i.code === e.itemCode)
    : undefined;
  return item ? `${item.name}（${e!.month}）` : '积分记录';
}

/** The month an index entry belongs to: stored entries carry it; derived ones from their activity. */
async function entryMonth(entryId: string, memberId: string): Promise<string | null> {
  const m = /^(att|late):(.+):([^:]+)$/.exec(entryId);
  if (m) {
    if (m[3] !== memberId) return null;
    const a = await findActivity(m[2]);
    return a ? localMonth(a.startAt) : null;
  }
  if (entryId.startsWith('base:')) return entryId.endsWith(`:${memberId}`) ? 'base' : null;
  const e = await findById<EntryDoc>('pointEntries', entryId);
  return e && e.memberId === memberId ? e.month : null;
}

/** A member's 申辩 of one of their own entries, while the quarter's window is open [PTS-18]. */
export const appeal = action({
  input: pointsContract.appeal.input,
  access: 'member',
  async run(ctx, input) {
    const { member } = await ctx.caller();
    await pointsOrg(member.orgId);
    const month = await entryMonth(input.entryId, member._id);
    if (!month) throw notFound('积分记录');
    const pubs = await getAll<PublicationDoc>(
      db.collection('pointPublications').where({ orgId: member.orgId }).orderBy('_id', 'asc'),
    );
    const open = pubs.filter(
      (p) =>
        +new Date(p.appealUntil) >= +ctx.now &&
        (month === 'base' || p.quarter === quarterOf(month)),
    );
    if (!open.length) {
      throw new AppError('POINTS.APPEAL_WINDOW_CLOSED', '不在申辩期内：积分公布后7日内可以申辩', {
        ruleId: 'PTS-18',
      });
    }
    const doc: AppealDoc = {
      _id: randomUUID().replace(/-/g, ''),
      orgId: member.orgId,
      memberId: member._id,
      entryId: input.entryId,
      quarter: open[0].quarter,
      reason: input.reason,
      status: 'open',
      reply: null,
      adjustmentId: null,
      entryLabel: await entryLabel(
        input.entryId,
        member.orgId,
        Number((open[0].quarter ?? '').slice(0, 4)),
      ),
      at: ctx.now,
    };
    await db.collection('pointAppeals').add({ data: doc });
    return { appealId: doc._id };
  },
});

/** Open and answered appeals of a branch (committee), or the caller's own. */
export const appeals = action({
  input: pointsContract.appeals.input,
  access: 'member',
  async run(ctx, input) {
    const { member } = await ctx.caller();
    const org = await ctx.requireMember(input.orgId);
    const committee =
      member.orgId !== org._id ||
      member.roles.some(
        (r) =>
          r.orgId === org._id &&
          [
            'secretary',
            'deputySecretary',
            'orgCommissioner',
            'publicityCommissioner',
            'disciplineCommissioner',
            'scorer',
          ].includes(r.role),
      );
    const where = committee ? { orgId: org._id } : { orgId: org._id, memberId: member._id };
    const list = await getAll<AppealDoc>(
      db.collection('pointAppeals').where(where).orderBy('at', 'desc'),
    );
    const names = new Map((await listOrgMembers(org._id)).map((m) => [m._id, m.name]));
    return list.map((a) => ({
      appealId: a._id,
      memberId: a.memberId,
      name: names.get(a.memberId) ?? '',
      entryId: a.entryId,
      entryLabel: a.entryLabel ?? '',
      reason: a.reason,
      status: a.status,
      reply: a.reply,
      at: new Date(a.at).toISOString(),
    }));
  },
});

/** The secretary answers every appeal; an accepted one adjusts the ledger by an appended entry [PTS-17, PTS-18]. */
export const resolveAppeal = action({
  input: pointsContract.resolveAppeal.input,
  access: 'member',
  async run(ctx, input) {
    const doc = await findById<AppealDoc>('pointAppeals', input.appealId);
    if (!doc) throw notFound('申辩');
    const { member } = await ctx.caller();
    const isSecretary = member.roles.some(
      (r) => r.orgId === doc.orgId && (r.role === 'secretary' || r.role === 'deputySecretary'),
    );
    if (!isSecretary)
      await ctx
        .requireSuperior(doc.orgId)
        .catch(() => Promise.reject(forbidden('申辩由支部书记答复')));
    if (doc.status !== 'open') throw new AppError('CONFLICT', '该申辩已答复');
    let adjustmentId: string | null = null;
    if (input.accept && input.points) {
      const month = (await entryMonth(doc.entryId, doc.memberId)) ?? '';
      const entry: EntryDoc = {
        _id: randomUUID().replace(/-/g, ''),
        orgId: doc.orgId,
        memberId: doc.memberId,
        year: Number((doc.quarter ?? '').slice(0, 4)),
        itemCode: 'appealAdjust',
        month: month === 'base' ? `${(doc.quarter ?? '').slice(0, 4)}-12` : month,
        status: 'approved',
        source: 'assessed',
        points: input.points,
        note: `申辩核实：${input.reply}`,
        declaredAt: ctx.now,
        decidedBy: member._id,
        reason: doc.reason,
      };
      await db.collection('pointEntries').add({ data: entry });
      adjustmentId = entry._id;
    }
    const status = input.accept ? 'accepted' : 'rejected';
    await db
      .collection('pointAppeals')
      .doc(doc._id)
      .update({ data: { status, reply: input.reply, adjustmentId } });
    await ctx.audit({
      orgId: doc.orgId,
      entity: 'pointAppeals',
      entityId: doc._id,
      before: { status: 'open' },
      after: { status, points: input.points ?? 0 },
      reason: input.reply,
    });
    return { appealId: doc._id, status: status as 'accepted' | 'rejected', entryId: adjustmentId };
  },
});
