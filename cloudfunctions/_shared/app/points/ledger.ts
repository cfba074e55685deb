import { pointsContract } from '../../contracts/points';
import type { PointsOutput } from '../../contracts/points';
import {
  declarableMonths,
  declarationWindow,
  publishableQuarter,
} from '../../domain/points/periods';
import { checkStandard, standardInForce } from '../../domain/points/standard';
import { localInstant } from '../../domain/shared/time';
import { listOrgMembers } from '../../repos/members';
import {
  decidePendingEntry,
  EntryDoc,
  findEntry,
  insertEntry,
  insertStandard,
  latestStandard,
  pendingEntries,
} from '../../repos/points';
import { memberWithStandard, orgWithStandard } from '../../repos/points-views';
import { action } from '../../runtime/handler';
import { AppError, orNotFound, orThrow } from '../../runtime/errors';
import { assertPointsOn, itemOf, newId } from './support';

/**
 * The standard in force, with the months a member may declare for now [PTS-14] and the quarter
 * that may be published now [PTS-18], so pages need not know those rules.
 */
export const standard = action({
  input: pointsContract.standard.input,
  async run(ctx, input): Promise<PointsOutput<'standard'>> {
    const found = orNotFound(await orgWithStandard(input.orgId, input.year), '组织');
    await ctx.require('org.read', found.org);
    return {
      orgId: input.orgId,
      year: input.year,
      ...standardInForce(found.standard),
      declarableMonths: declarableMonths(ctx.now),
      publishableQuarter: publishableQuarter(ctx.now),
    };
  },
});

/** A new version of the year's standard; earlier events are never rescored [PTS-10 … PTS-13]. */
export const setStandard = action({
  input: pointsContract.setStandard.input,
  async run(ctx, input): Promise<PointsOutput<'setStandard'>> {
    const found = orNotFound(await orgWithStandard(input.orgId, input.year), '组织');
    const org = await ctx.require('points.standard', found.org);
    const items = orThrow(checkStandard(input.items));
    const current = standardInForce(found.standard);
    const version = current.version + 1;
    const id = `${org._id}:${input.year}:v${version}`;
    await ctx.write(async (tx) => {
      await insertStandard(
        {
          _id: id,
          orgId: org._id,
          year: input.year,
          version,
          effectiveFrom: input.effectiveFrom ?? null,
          items,
          createdAt: ctx.now,
        },
        tx,
      );
      return {
        audit: { org, entity: 'pointStandards', entityId: id, before: current.items, after: items },
      };
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
  async run(ctx, input): Promise<PointsOutput<'declare'>> {
    const { member } = await ctx.caller();
    const year = Number(input.month.slice(0, 4));
    const found = await orgWithStandard(member.orgId, year);
    assertPointsOn(found?.org ?? null);
    const item = itemOf(standardInForce(found!.standard).items, input.itemCode);
    if (item.source !== 'declared')
      throw new AppError('POINTS.NOT_DECLARABLE', '该项目由系统记录或支委会评定，无需申报', {
        ruleId: 'PTS-14',
      });
    orThrow(declarationWindow(input.month, ctx.now));
    const entry: EntryDoc = {
      _id: newId(),
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
    await insertEntry(entry);
    return { entryId: entry._id };
  },
});

/** The scorer's queue of declarations waiting for review; the reviewer's own are marked [PTS-16]. */
export const reviewQueue = action({
  input: pointsContract.reviewQueue.input,
  async run(ctx, input): Promise<PointsOutput<'reviewQueue'>> {
    const org = await ctx.require('points.review', input.orgId);
    const { member } = await ctx.caller();
    const [pending, members] = await Promise.all([
      pendingEntries(org._id),
      listOrgMembers(org._id),
    ]);
    const names = new Map(members.map((m) => [m._id, m.name]));
    const itemNames = new Map<number, Map<string, string>>();
    for (const year of new Set(pending.map((e) => e.year))) {
      const { items } = standardInForce(await latestStandard(org._id, year));
      itemNames.set(year, new Map(items.map((i) => [i.code, i.name])));
    }
    return pending.map((e) => ({
      entryId: e._id,
      memberId: e.memberId,
      name: names.get(e.memberId) ?? '',
      itemCode: e.itemCode,
      itemName: itemNames.get(e.year)?.get(e.itemCode) ?? e.itemCode,
      month: e.month,
      note: e.note,
      declaredAt: new Date(e.declaredAt).toISOString(),
      own: e.memberId === member._id,
    }));
  },
});

/** A scorer approves or rejects (with a reason); nobody reviews their own declaration [PTS-15, PTS-16, PRIV-21]. */
export const review = action({
  input: pointsContract.review.input,
  async run(ctx, input): Promise<PointsOutput<'review'>> {
    const entry = orNotFound(await findEntry(input.entryId), '积分申报');
    const org = await ctx.require('points.review', entry.orgId, { subject: entry.memberId });
    const { member } = await ctx.caller();
    if (entry.status !== 'pending') throw new AppError('CONFLICT', '该申报已审核');
    if (!input.approve && !input.reason)
      throw new AppError('INPUT.INVALID', '不通过须说明理由', { fields: ['reason'] });
    const status = input.approve ? 'approved' : 'rejected';
    await ctx.write(async (tx) => {
      const decided = await decidePendingEntry(
        entry._id,
        { status, decidedBy: member._id, reason: input.reason ?? null },
        tx,
      );
      if (!decided) throw new AppError('CONFLICT', '该申报已审核');
      return {
        audit: {
          org,
          entity: 'pointEntries',
          entityId: entry._id,
          before: { status: entry.status },
          after: { status },
          reason: input.reason,
        },
      };
    });
    return { entryId: entry._id, status };
  },
});

/**
 * An assessed item awarded by the scorer or the committee, never to oneself [PRIV-21]. A veto
 * (清零) needs the committee and its reason; the member sees it and may appeal [PTS-34].
 */
export const award = action({
  input: pointsContract.award.input,
  async run(ctx, input): Promise<PointsOutput<'award'>> {
    const year = Number(input.month.slice(0, 4));
    const found = orNotFound(await memberWithStandard(input.memberId, year), '党员');
    const { member } = found;
    const org = assertPointsOn(found.org);
    const item = itemOf(standardInForce(found.standard).items, input.itemCode);
    if (item.source === 'auto')
      throw new AppError('POINTS.NOT_DECLARABLE', '该项目由系统根据记录自动计分，不能手工录入', {
        ruleId: 'PTS-20',
      });
    await ctx.require(item.kind === 'veto' ? 'points.veto' : 'points.award', org, {
      subject: member,
    });
    if (+localInstant(`${input.month}-01`) > +ctx.now)
      throw new AppError('INPUT.INVALID', '不能为尚未到来的月份记分', { fields: ['month'] });
    const { member: actor } = await ctx.caller();
    const entry: EntryDoc = {
      _id: newId(),
      orgId: org._id,
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
    await ctx.write(async (tx) => {
      await insertEntry(entry, tx);
      return {
        audit: {
          org,
          entity: 'pointEntries',
          entityId: entry._id,
          after: entry,
          reason: input.note,
        },
      };
    });
    return { entryId: entry._id };
  },
});
