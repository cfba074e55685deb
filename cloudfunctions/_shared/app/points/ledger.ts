import { randomUUID } from 'crypto';
import { pointsContract } from '../../contracts/points';
import { checkStandard } from '../../domain/points/standard';
import { addMonths, localDate, localInstant } from '../../domain/shared/time';
import { db, findById, getAll } from '../../repos/db';
import { findMember, listOrgMembers } from '../../repos/members';
import { findOrg, OrgDoc } from '../../repos/orgs';
import { action } from '../../runtime/handler';
import { AppError, forbidden, notFound, orThrow } from '../../runtime/errors';
import { EntryDoc, standardFor } from './facts';

export const SCORER_DUTIES = ['scorer' as const];

/** Points must be switched on for the branch [PTS-01]. */
export async function pointsOrg(orgId: string): Promise<OrgDoc> {
  const org = await findOrg(orgId);
  if (!org) throw notFound('组织');
  return assertPointsOn(org);
}

/** The same check for an org already loaded (by the access check). */
export function assertPointsOn(org: OrgDoc): OrgDoc {
  if (!org.settings.pointsEnabled)
    throw new AppError('POINTS.DISABLED', '本支部尚未开启党员积分管理', { ruleId: 'PTS-01' });
  return org;
}

export const standard = action({
  input: pointsContract.standard.input,
  access: 'member',
  async run(ctx, input) {
    await ctx.requireMember(input.orgId);
    return {
      orgId: input.orgId,
      year: input.year,
      ...(await standardFor(input.orgId, input.year)),
    };
  },
});

/** A new version of the year's standard; earlier events are never rescored [PTS-10 … PTS-13]. */
export const setStandard = action({
  input: pointsContract.setStandard.input,
  access: 'member',
  async run(ctx, input) {
    const org = await ctx.requireCommittee(input.orgId, SCORER_DUTIES);
    const items = orThrow(checkStandard(input.items));
    const current = await standardFor(org._id, input.year);
    const version = current.version + 1;
    await db.collection('pointStandards').add({
      data: {
        _id: `${org._id}:${input.year}:v${version}`,
        orgId: org._id,
        year: input.year,
        version,
        effectiveFrom: input.effectiveFrom ?? null,
        items,
        createdAt: ctx.now,
      },
    });
    await ctx.audit({
      orgId: org._id,
      entity: 'pointStandards',
      entityId: `${org._id}:${input.year}:v${version}`,
      before: current.items,
      after: items,
    });
    return { version };
  },
});

/**
 * Monthly self-declaration [PTS-14]: an item the member reports for month M, until day 5 of M+1;
 * never an item the system records itself. It counts once a scorer approves it [PTS-15].
 */
export const declare = action({
  input: pointsContract.declare.input,
  access: 'member',
  async run(ctx, input) {
    const { member } = await ctx.caller();
    await pointsOrg(member.orgId);
    const year = Number(input.month.slice(0, 4));
    const item = (await standardFor(member.orgId, year)).items.find(
      (i) => i.code === input.itemCode,
    );
    if (!item)
      throw new AppError('INPUT.INVALID', '本支部积分标准中没有这个项目', { fields: ['itemCode'] });
    if (item.source !== 'declared')
      throw new AppError('POINTS.NOT_DECLARABLE', '该项目由系统记录或支委会评定，无需申报', {
        ruleId: 'PTS-14',
      });
    const today = localDate(ctx.now);
    const closesOn = `${addMonths(`${input.month}-01`, 1).slice(0, 8)}05`;
    if (`${input.month}-01` > today)
      throw new AppError('POINTS.DECLARATION_CLOSED', '不能申报尚未到来的月份');
    if (today > closesOn)
      throw new AppError('POINTS.DECLARATION_CLOSED', `${input.month}的申报已于${closesOn}截止`, {
        ruleId: 'PTS-14',
      });
    const entry: EntryDoc = {
      _id: randomUUID().replace(/-/g, ''),
      orgId: member.orgId,
      memberId: member._id,
      year,
      itemCode: item.code,
      month: input.month,
      status: 'pending',
      source: 'declared',
      note: input.note,
      declaredAt: ctx.now,
      decidedBy: null,
      reason: null,
    };
    await db.collection('pointEntries').add({ data: entry });
    return { entryId: entry._id };
  },
});

/** The scorer's queue of declarations waiting for review. */
export const reviewQueue = action({
  input: pointsContract.reviewQueue.input,
  access: 'member',
  async run(ctx, input) {
    const org = await ctx.requireCommittee(input.orgId, SCORER_DUTIES);
    const { member } = await ctx.caller();
    const pending = await getAll<EntryDoc>(
      db
        .collection('pointEntries')
        .where({ orgId: org._id, status: 'pending' })
        .orderBy('declaredAt', 'asc'),
    );
    const names = new Map((await listOrgMembers(org._id)).map((m) => [m._id, m.name]));
    const items = new Map<number, Map<string, string>>();
    const nameOf = async (year: number, code: string) => {
      if (!items.has(year))
        items.set(
          year,
          new Map((await standardFor(org._id, year)).items.map((i) => [i.code, i.name])),
        );
      return items.get(year)!.get(code) ?? code;
    };
    const out = [];
    for (const e of pending) {
      out.push({
        entryId: e._id,
        memberId: e.memberId,
        name: names.get(e.memberId) ?? '',
        itemCode: e.itemCode,
        itemName: await nameOf(e.year, e.itemCode),
        month: e.month,
        note: e.note,
        declaredAt: new Date(e.declaredAt).toISOString(),
        own: e.memberId === member._id,
      });
    }
    return out;
  },
});

/** A scorer approves or rejects (with a reason); nobody reviews their own declaration [PTS-15, PTS-16]. */
export const review = action({
  input: pointsContract.review.input,
  access: 'member',
  async run(ctx, input) {
    const entry = await findById<EntryDoc>('pointEntries', input.entryId);
    if (!entry) throw notFound('积分申报');
    await ctx.requireCommittee(entry.orgId, SCORER_DUTIES);
    const { member } = await ctx.caller();
    if (entry.memberId === member._id) throw forbidden('不能审核本人的申报');
    if (entry.status !== 'pending') throw new AppError('CONFLICT', '该申报已审核');
    if (!input.approve && !input.reason)
      throw new AppError('INPUT.INVALID', '不通过须说明理由', { fields: ['reason'] });
    const status = input.approve ? 'approved' : 'rejected';
    await db
      .collection('pointEntries')
      .doc(entry._id)
      .update({ data: { status, decidedBy: member._id, reason: input.reason ?? null } });
    await ctx.audit({
      orgId: entry.orgId,
      entity: 'pointEntries',
      entityId: entry._id,
      before: { status: entry.status },
      after: { status },
      reason: input.reason,
    });
    return { entryId: entry._id, status: status as 'approved' | 'rejected' };
  },
});

/**
 * An assessed item awarded by the scorer or the committee. A veto (清零) needs the committee and
 * its reason; the member sees it and may appeal [PTS-34].
 */
export const award = action({
  input: pointsContract.award.input,
  access: 'member',
  async run(ctx, input) {
    const member = await findMember(input.memberId);
    if (!member) throw notFound('党员');
    await pointsOrg(member.orgId);
    const year = Number(input.month.slice(0, 4));
    const item = (await standardFor(member.orgId, year)).items.find(
      (i) => i.code === input.itemCode,
    );
    if (!item)
      throw new AppError('INPUT.INVALID', '本支部积分标准中没有这个项目', { fields: ['itemCode'] });
    if (item.source === 'auto')
      throw new AppError('POINTS.NOT_DECLARABLE', '该项目由系统根据记录自动计分，不能手工录入', {
        ruleId: 'PTS-20',
      });
    if (item.kind === 'veto') await ctx.requireCommittee(member.orgId);
    else await ctx.requireCommittee(member.orgId, SCORER_DUTIES);
    if (+localInstant(`${input.month}-01`) > +ctx.now)
      throw new AppError('INPUT.INVALID', '不能为尚未到来的月份记分', { fields: ['month'] });
    const { member: actor } = await ctx.caller();
    const entry: EntryDoc = {
      _id: randomUUID().replace(/-/g, ''),
      orgId: member.orgId,
      memberId: member._id,
      year,
      itemCode: item.code,
      month: input.month,
      status: 'approved',
      source: 'assessed',
      note: input.note,
      declaredAt: ctx.now,
      decidedBy: actor._id,
      reason: null,
    };
    await db.collection('pointEntries').add({ data: entry });
    await ctx.audit({
      orgId: member.orgId,
      entity: 'pointEntries',
      entityId: entry._id,
      after: entry,
      reason: input.note,
    });
    return { entryId: entry._id };
  },
});
