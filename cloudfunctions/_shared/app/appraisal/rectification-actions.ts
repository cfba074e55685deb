import { randomUUID } from 'crypto';
import { appraisalContract, type AppraisalOutput } from '../../contracts/appraisal';
import { validateItem } from '../../domain/appraisal/rectification';
import { localDate } from '../../domain/shared/time';
import type { Tx } from '../../repos/db';
import { findMember, memberNames } from '../../repos/members';
import type { OrgDoc } from '../../repos/orgs';
import {
  findRectificationList,
  listsOfYears,
  saveRectificationList,
  type RectificationItemDoc,
  type RectificationListDoc,
} from '../../repos/rectifications';
import { AppError, forbidden, notFound, orThrow } from '../../runtime/errors';
import type { Ctx } from '../../runtime/context';
import { action } from '../../runtime/handler';
import { itemIdOf, mergeItems, openCount } from './rectification-items';
import { listView, orgLifeOf, toDomain, withOrgLife } from './rectification-list';
import { completeSecretaryTask } from './rectification-sec15';

/**
 * The rectification list's actions [APR-18]: read it (the committee and the superior whole, a
 * member the 班子's items and their own), add an item (the committee), report progress (the owner
 * on their own item, or the committee recording a report given at a meeting), close an item (the
 * committee, never on its own item — PRIV-21 — with what shows it, photos not required).
 */
export const rectifications = action({
  input: appraisalContract.rectifications.input,
  async run(ctx, input): Promise<AppraisalOutput<'rectifications'>> {
    const org = await ctx.require('org.read', input.orgId);
    const { member } = await ctx.caller();
    const [manages, oversees, lists, orgLife] = await Promise.all([
      ctx.may('activity.manage', org),
      ctx.may('activity.oversee', org),
      listsOfYears(org._id, [input.year, input.year - 1]),
      orgLifeOf(org._id, input.year),
    ]);
    const doc = withOrgLife(lists.get(input.year) ?? null, org, input.year, orgLife, +ctx.now);
    const ids = (doc?.items ?? []).map((i) => i.ownerId).filter((i): i is string => !!i);
    const names = await memberNames(ids);
    const viewer = { memberId: member._id, manages, oversees };
    return listView(
      org,
      input.year,
      doc,
      lists.get(input.year - 1) ?? null,
      names,
      viewer,
      +ctx.now,
    );
  },
});

export const addRectification = action({
  input: appraisalContract.addRectification.input,
  async run(ctx, input): Promise<AppraisalOutput<'addRectification'>> {
    const org = await ctx.require('activity.manage', input.orgId);
    const { member } = await ctx.caller();
    if (input.ownerKind === 'member' && !input.ownerId)
      throw new AppError('INPUT.INVALID', '请选择这项整改的责任人', { ruleId: 'APR-18' });
    const owner = input.ownerId ? await findMember(input.ownerId) : null;
    if (input.ownerId && (!owner || owner.orgId !== org._id))
      throw new AppError('INPUT.INVALID', '责任人应是本支部的党员', { ruleId: 'APR-18' });
    const orgLife = await orgLifeOf(org._id, input.year);
    const source = input.source ?? 'problemList';
    const sourceId = randomUUID().replace(/-/g, '');
    const itemId = itemIdOf(source, sourceId);
    await ctx.write(async (tx) => {
      const found = withOrgLife(
        await find(org, input.year, tx),
        org,
        input.year,
        orgLife,
        +ctx.now,
      );
      const item = {
        source,
        sourceId,
        title: input.problem,
        commitment: input.commitment,
        ownerKind: input.ownerKind,
        ownerId: owner?._id ?? null,
        ownerName: owner?.name ?? null,
        due: input.deadline,
        by: member._id,
      };
      const { list, added } = mergeItems(found, org, input.year, [item], +ctx.now);
      const domain = toDomain(list);
      orThrow(validateItem(domain, { ...domain.items.at(-1)!, deadline: input.deadline }));
      await saveRectificationList(list, tx);
      return {
        audit: { org, entity: 'rectificationLists.items', entityId: list._id, after: added[0] },
      };
    });
    return { id: `${org._id}:${input.year}`, itemId };
  },
});

export const reportRectification = action({
  input: appraisalContract.reportRectification.input,
  async run(ctx, input): Promise<AppraisalOutput<'reportRectification'>> {
    const org = await ctx.require('org.read', input.orgId);
    const { member } = await ctx.caller();
    const orgLife = await orgLifeOf(org._id, input.year);
    const seen = itemOf(
      withOrgLife(await find(org, input.year), org, input.year, orgLife, +ctx.now),
      input.itemId,
    );
    if (seen.ownerId !== member._id && !(await ctx.may('activity.manage', org)))
      throw forbidden('只有责任人本人或支部委员会可以报告这项整改的进展');
    const today = localDate(ctx.now);
    if (input.on > today) throw invalid('报告进展的日期不能晚于今天');
    const report = { on: input.on, text: input.text, by: member._id, at: ctx.now };
    await change(ctx, org, input.year, input.itemId, orgLife, (item, list) => {
      if (item.doneOn !== null) throw invalid('这项整改已经完成，不用再报告进展');
      if (input.on < list.startedOn) throw invalid('报告进展的日期应在整改清单建立之后');
      return { ...item, reports: [...item.reports, report] };
    });
    return { id: `${org._id}:${input.year}`, itemId: input.itemId };
  },
});

export const closeRectification = action({
  input: appraisalContract.closeRectification.input,
  async run(ctx, input): Promise<AppraisalOutput<'closeRectification'>> {
    const branch = await ctx.require('org.read', input.orgId);
    const [found, orgLife] = await Promise.all([
      find(branch, input.year),
      orgLifeOf(branch._id, input.year),
    ]);
    const seen = itemOf(withOrgLife(found, branch, input.year, orgLife, +ctx.now), input.itemId);
    // Nobody closes their own item [PRIV-21]; the secretary's passes to the deputy or the superior.
    const subject = seen.ownerId ?? undefined;
    const org = await ctx.require('appraisal.decideMembers', branch, { subject });
    const { member } = await ctx.caller();
    if (input.on > localDate(ctx.now)) throw invalid('完成日期不能晚于今天');
    await change(
      ctx,
      org,
      input.year,
      input.itemId,
      orgLife,
      (item, list) => {
        if (item.doneOn !== null) throw invalid('这项整改已经完成');
        const done = { ...item, doneOn: input.on, evidence: input.evidence };
        const domain = toDomain({ ...list, items: [done] });
        orThrow(validateItem(domain, domain.items[0]));
        return done;
      },
      (item, tx) => completeSecretaryTask(tx, item, member._id, ctx.now),
    ); // SEC-15: both sides
    return { id: `${org._id}:${input.year}`, itemId: input.itemId };
  },
});

const invalid = (message: string) => new AppError('INPUT.INVALID', message, { ruleId: 'APR-18' });

const find = (org: Pick<OrgDoc, '_id'>, year: number, tx?: Tx) =>
  findRectificationList(org._id, year, tx);

function itemOf(list: RectificationListDoc | null, itemId: string): RectificationItemDoc {
  const item = list?.items.find((i) => i.id === itemId);
  if (!item) throw notFound('整改事项');
  return item;
}

/** Re-reads the list in the transaction, replaces one item by `edit`'s answer, audits it. */
async function change(
  ctx: Ctx,
  org: OrgDoc,
  year: number,
  itemId: string,
  orgLife: Parameters<typeof withOrgLife>[3],
  edit: (item: RectificationItemDoc, list: RectificationListDoc) => RectificationItemDoc,
  then?: (item: RectificationItemDoc, tx: Tx) => Promise<void>,
): Promise<void> {
  await ctx.write(async (tx) => {
    const list = withOrgLife(await find(org, year, tx), org, year, orgLife, +ctx.now);
    const before = itemOf(list, itemId);
    const updated = edit(before, list!);
    const items = list!.items.map((i) => (i.id === itemId ? updated : i));
    await saveRectificationList(
      { ...list!, items, open: openCount(items), updatedAt: ctx.now },
      tx,
    );
    await then?.(updated, tx);
    return {
      audit: {
        org,
        entity: 'rectificationLists.items',
        entityId: list!._id,
        before,
        after: updated,
      },
    };
  });
}
