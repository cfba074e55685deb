import { pointsContract } from '../../contracts/points';
import type { PointsOutput } from '../../contracts/points';
import {
  declarableMonths,
  declarationWindow,
  publishableQuarter,
} from '../../domain/points/periods';
import { catalogueFor, INDEX_GROUP_NAMES, INDEX_GROUPS } from '../../domain/points/catalogue';
import { checkStandard, INTEGRITY_ITEMS } from '../../domain/points/standard';
import { effectiveFromFor } from '../../domain/points/versions';
import { localDate, localInstant } from '../../domain/shared/time';
import { listOrgMembers } from '../../repos/members';
import {
  decidePendingEntry,
  EntryDoc,
  findEntry,
  insertEntry,
  insertStandard,
  pendingEntries,
} from '../../repos/points';
import { memberWithStandard, orgWithStandard } from '../../repos/points-views';
import { action } from '../../runtime/handler';
import { AppError, orNotFound, orThrow } from '../../runtime/errors';
import { acceptAttachments, markAttached } from '../media/attach';
import {
  assertPointsOn,
  itemOf,
  itemsForEntry,
  newId,
  standardAlertOf,
  timelineFor,
  versionNow,
} from './support';

/**
 * The standard in force now, its versions [PTS-13], the sub-item catalogue of the branch's sector
 * [PTS-05 … PTS-08] and the 先锋指数 groups [PTS-09], the alert when the year's standard is overdue
 * [PTS-10], the months a member may declare for now [PTS-14] and the quarter that may be
 * published now [PTS-18], so pages need not know those rules.
 */
export const standard = action({
  input: pointsContract.standard.input,
  async run(ctx, input): Promise<PointsOutput<'standard'>> {
    const found = orNotFound(await orgWithStandard(input.orgId, input.year), '组织');
    const org = await ctx.require('org.read', found.org);
    const timeline = timelineFor(org, found.standards, input.year);
    const now = versionNow(timeline, input.year, ctx.now);
    // The standard as the branch last set it (what `setStandard` just saved), with the day it
    // takes effect; the version scoring today's events may still be the one before [PTS-13].
    const latest = timeline.reduce((a, v) => (v.version > a.version ? v : a));
    const alert = standardAlertOf(org, found.standards.length > 0, input.year, ctx.now);
    return {
      orgId: input.orgId,
      year: input.year,
      items: latest.items,
      version: latest.version,
      effectiveFrom: latest.isDefault ? null : latest.effectiveFrom,
      isDefault: latest.isDefault,
      inForceVersion: now.version,
      versions: timeline.map((v) => ({
        version: v.version,
        effectiveFrom: v.effectiveFrom,
        isDefault: v.isDefault,
      })),
      catalogue: catalogueFor(org.category),
      groups: INDEX_GROUPS.map((g) => ({ code: g, name: INDEX_GROUP_NAMES[g] })),
      alerts: alert ? [alert] : [],
      declarableMonths: declarableMonths(ctx.now),
      publishableQuarter: publishableQuarter(ctx.now),
    };
  },
});

/**
 * A new version of the year's standard, from a stated date not before tomorrow (1 January of a
 * year not begun); old versions are kept and earlier events are never rescored [PTS-10 … PTS-13].
 */
export const setStandard = action({
  input: pointsContract.setStandard.input,
  async run(ctx, input): Promise<PointsOutput<'setStandard'>> {
    const found = orNotFound(await orgWithStandard(input.orgId, input.year), '组织');
    const org = await ctx.require('points.standard', found.org);
    const items = orThrow(checkStandard(input.items, org.category));
    const effectiveFrom = orThrow(
      effectiveFromFor(input.year, input.effectiveFrom, localDate(ctx.now)),
    );
    const timeline = timelineFor(org, found.standards, input.year);
    const current = versionNow(timeline, input.year, ctx.now);
    const version = timeline[timeline.length - 1].version + 1;
    const id = `${org._id}:${input.year}:v${version}`;
    await ctx.write(async (tx) => {
      await insertStandard(
        {
          _id: id,
          orgId: org._id,
          year: input.year,
          version,
          effectiveFrom,
          items,
          createdAt: ctx.now,
        },
        tx,
      );
      return {
        audit: { org, entity: 'pointStandards', entityId: id, before: current.items, after: items },
      };
    });
    return { version, effectiveFrom };
  },
});

/**
 * Monthly self-declaration [PTS-14]: an item the member reports for month M, until day 5 of M+1;
 * never an item the system records itself. It counts once a scorer approves it against its
 * evidence [PTS-15]: photos or documents uploaded for the member's own branch, kept with the
 * entry and locked, as the ledger is append-only [PTS-17].
 */
export const declare = action({
  input: pointsContract.declare.input,
  async run(ctx, input): Promise<PointsOutput<'declare'>> {
    const { member } = await ctx.caller();
    const year = Number(input.month.slice(0, 4));
    const found = await orgWithStandard(member.orgId, year);
    assertPointsOn(found?.org ?? null);
    const timeline = timelineFor(found!.org, found!.standards, year);
    const item = itemOf(itemsForEntry(timeline, input.month, ctx.now), input.itemCode);
    if (item.source !== 'declared')
      throw new AppError('POINTS.NOT_DECLARABLE', '该项目由系统记录或支委会评定，无需申报', {
        ruleId: 'PTS-14',
      });
    orThrow(declarationWindow(input.month, ctx.now));
    const evidence = input.evidence ?? [];
    if (evidence.length)
      await acceptAttachments(ctx, {
        orgId: member.orgId,
        purpose: 'declaration',
        fileIds: evidence,
      });
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
      ...(evidence.length ? { evidence: [...evidence] } : {}),
    };
    await insertEntry(entry);
    if (evidence.length)
      await markAttached({ kind: 'pointDeclaration', id: entry._id }, evidence, { locked: true });
    return { entryId: entry._id };
  },
});

/**
 * The scorer's queue of declarations waiting for review, each with its evidence to verify against
 * (media.view shows the files) [PTS-15]; the reviewer's own are marked [PTS-16].
 */
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
      const found = await orgWithStandard(org._id, year);
      const timeline = timelineFor(org, found?.standards ?? [], year);
      itemNames.set(year, new Map(timeline.flatMap((v) => v.items.map((i) => [i.code, i.name]))));
    }
    return pending.map((e) => ({
      entryId: e._id,
      memberId: e.memberId,
      name: names.get(e.memberId) ?? '',
      itemCode: e.itemCode,
      itemName: itemNames.get(e.year)?.get(e.itemCode) ?? e.itemCode,
      month: e.month,
      note: e.note,
      evidence: e.evidence ?? [],
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
    const timeline = timelineFor(org, found.standards, year);
    const item = itemOf(itemsForEntry(timeline, input.month, ctx.now), input.itemCode);
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
      // confirmed 弄虚作假 is reported to the superior [PTS-26]
      ...(INTEGRITY_ITEMS.includes(item.code) ? { reportToSuperior: true } : {}),
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
    return {
      entryId: entry._id,
      alerts: entry.reportToSuperior
        ? [
            {
              ruleId: 'PTS-26',
              level: 'alert' as const,
              message: '已记弄虚作假扣分，并已报上级党组织（上级在堡垒指数中可见）',
            },
          ]
        : [],
    };
  },
});
