import { pointsContract } from '../../contracts/points';
import type { PointsOutput } from '../../contracts/points';
import { appealUntil, appealWindowFor, mayPublishQuarter } from '../../domain/points/periods';
import {
  AppealDoc,
  appealCase,
  appealsOf,
  answerOpenAppeal,
  EntryDoc,
  insertAppeal,
  insertEntry,
  publicationId,
  savePublication,
} from '../../repos/points';
import { action } from '../../runtime/handler';
import { AppError, notFound, orNotFound } from '../../runtime/errors';
import { INDEX_SESSION_TYPES, memberFacts } from '../../domain/points/facts';
import { pioneerIndex } from '../../domain/points/pioneer';
import { memberYear, orgWithPublications } from '../../repos/points-views';
import { ownEntry } from './entries';
import { assertPointsOn, newId, timelineFor } from './support';

/**
 * What accepting an appeal without a number gives back: the points the appealed entry takes off
 * the total today, so "已采纳" never leaves the deduction counting [PTS-17: a reversing entry].
 * Null when the entry took nothing off by itself (a base item, an attendance record, a veto).
 */
async function reversalOf(memberId: string, entryId: string, year: number, now: Date) {
  const view = await memberYear(memberId, year, INDEX_SESSION_TYPES);
  if (!view?.org) return null;
  const items = timelineFor(view.org, view.standards, year);
  const index = pioneerIndex(memberFacts(view.member, view.facts, now), items, year);
  const entry = index.entries.find((e) => e.id === entryId && e.status === 'counted');
  return entry && entry.kind !== 'base' && entry.points < 0 ? -entry.points : null;
}

/** Publishes a quarter's points inside the branch and opens the appeal window [PTS-18]. */
export const publishQuarter = action({
  input: pointsContract.publishQuarter.input,
  async run(ctx, input): Promise<PointsOutput<'publishQuarter'>> {
    const org = assertPointsOn(await ctx.require('points.standard', input.orgId));
    if (!mayPublishQuarter(input.quarter, ctx.now)) {
      throw new AppError('INPUT.INVALID', '季度尚未进入最后一个月，不能公布', {
        fields: ['quarter'],
        ruleId: 'PTS-18',
      });
    }
    const until = appealUntil(ctx.now);
    const id = publicationId(org._id, input.quarter);
    await ctx.write(async (tx) => {
      const publication = {
        _id: id,
        orgId: org._id,
        quarter: input.quarter,
        publishedAt: ctx.now,
        appealUntil: until,
      };
      await savePublication(publication, tx);
      return {
        audit: { org, entity: 'pointPublications', entityId: id, after: { appealUntil: until } },
      };
    });
    return { quarter: input.quarter, appealUntil: until.toISOString() };
  },
});

/** A member's 申辩 of one of their own entries, while the quarter's window is open [PTS-18]. */
export const appeal = action({
  input: pointsContract.appeal.input,
  async run(ctx, input): Promise<PointsOutput<'appeal'>> {
    const { member } = await ctx.caller();
    const found = await orgWithPublications(member.orgId);
    assertPointsOn(found?.org ?? null);
    const entry = orNotFound(await ownEntry(input.entryId, member._id), '积分记录');
    const window = appealWindowFor(entry.month, found!.publications, ctx.now);
    if (!window) {
      throw new AppError('POINTS.APPEAL_WINDOW_CLOSED', '不在申辩期内：积分公布后7日内可以申辩', {
        ruleId: 'PTS-18',
      });
    }
    const doc: AppealDoc = {
      _id: newId(),
      orgId: member.orgId,
      memberId: member._id,
      entryId: input.entryId,
      quarter: window.quarter,
      reason: input.reason,
      status: 'open',
      reply: null,
      adjustmentId: null,
      entryLabel: entry.label,
      at: ctx.now,
    };
    await insertAppeal(doc);
    return { appealId: doc._id };
  },
});

/** Open and answered appeals of a branch (those who see every index), or the caller's own. */
export const appeals = action({
  input: pointsContract.appeals.input,
  async run(ctx, input): Promise<PointsOutput<'appeals'>> {
    const org = await ctx.require('org.read', input.orgId);
    const { member } = await ctx.caller();
    const all = await ctx.may('points.readAll', org);
    const list = await appealsOf(org._id, all ? undefined : member._id);
    return list.map((a) => ({
      appealId: a._id,
      memberId: a.memberId,
      name: a.name,
      entryId: a.entryId,
      entryLabel: a.entryLabel ?? '',
      reason: a.reason,
      status: a.status,
      reply: a.reply,
      points: a.points ?? null,
      at: new Date(a.at).toISOString(),
    }));
  },
});

/**
 * The secretary (or deputy) answers every appeal, never their own: the secretary's own goes to
 * the deputy, another commissioner or the superior [PRIV-21]. An accepted one adjusts the ledger
 * by an appended entry [PTS-17, PTS-18].
 */
export const resolveAppeal = action({
  input: pointsContract.resolveAppeal.input,
  async run(ctx, input): Promise<PointsOutput<'resolveAppeal'>> {
    const found = await appealCase(input.appealId);
    if (!found || !found.org) throw notFound('申辩');
    const { appeal: doc } = found;
    const org = await ctx.require('appeal.resolve', found.org, {
      subject: found.appellant ?? doc.memberId,
    });
    if (doc.status !== 'open') throw new AppError('CONFLICT', '该申辩已答复');
    const { member } = await ctx.caller();
    const year = Number((doc.quarter ?? '').slice(0, 4));
    let adjustment: EntryDoc | null = null;
    const points =
      input.accept && !input.points
        ? await reversalOf(doc.memberId, doc.entryId, year, ctx.now)
        : (input.points ?? null);
    if (input.accept && !points) {
      throw new AppError('INPUT.INVALID', '采纳这条申辩请填写调整的分数（如 +2）', {
        fields: ['points'],
        ruleId: 'PTS-18',
      });
    }
    if (input.accept && points) {
      const month = (await ownEntry(doc.entryId, doc.memberId))?.month ?? 'base';
      adjustment = {
        _id: newId(),
        orgId: doc.orgId,
        memberId: doc.memberId,
        year,
        itemCode: 'appealAdjust',
        month: month === 'base' ? `${year}-12` : month,
        status: 'approved',
        source: 'assessed',
        points,
        note: `申辩核实：${input.reply}`,
        declaredAt: ctx.now,
        decidedBy: member._id,
        reason: doc.reason,
      };
    }
    const adjustmentId = adjustment?._id ?? null;
    const status = input.accept ? 'accepted' : 'rejected';
    // The adjustment, the answer and their entry land together, or none does.
    await ctx.write(async (tx) => {
      const answered = await answerOpenAppeal(
        doc._id,
        { status, reply: input.reply, adjustmentId, points: adjustment?.points ?? null },
        tx,
      );
      if (!answered) throw new AppError('CONFLICT', '该申辩已答复');
      if (adjustment) await insertEntry(adjustment, tx);
      return {
        audit: {
          org,
          entity: 'pointAppeals',
          entityId: doc._id,
          before: { status: 'open' },
          after: { status, points: adjustment?.points ?? 0 },
          reason: input.reply,
        },
      };
    });
    return { appealId: doc._id, status, entryId: adjustmentId };
  },
});
