import { FiveStandardsView } from '../../contracts/org-structure';
import { orgContract, OrgOutput } from '../../contracts/org';
import { committeeSeats } from '../../domain/org/committee';
import {
  declarationDue,
  emptyProgress,
  emptyRoom,
  FIVE_DIMENSIONS,
  FIVE_STATUSES,
  fiveStandardsAlerts,
  mergeProgress,
  modelDeclarationDue,
  ROOM_ITEMS,
  RoomItem,
  roomAlerts,
  statusOf,
} from '../../domain/org/five-standards';
import { isBranchKind } from '../../domain/org/model';
import { maskPhone } from '../../domain/shared/privacy';
import { localDate } from '../../domain/shared/time';
import {
  findFiveStandards,
  FiveStandardsDoc,
  fiveStandardsId,
  fiveStandardsUpTo,
  ModelDeclaration,
  saveFiveStandards as writeRecord,
} from '../../repos/five-standards';
import { countByStatus, findMember, listRoleHolders } from '../../repos/members';
import { findOrg, OrgDoc, updateOrgFacts } from '../../repos/orgs';
import type { Tx } from '../../repos/db';
import type { AuditInput } from '../../runtime/context';
import { action } from '../../runtime/handler';
import { AppError, forbidden } from '../../runtime/errors';

const emptyModel = (): ModelDeclaration => ({
  contact: null,
  basics: '',
  highlights: '',
  superiorOpinion: '',
  higherOpinion: '',
  submittedOn: null,
});

function onlyBranches(org: OrgDoc): void {
  if (!isBranchKind(org.kind)) {
    throw new AppError('INPUT.INVALID', '五化创建以党支部为单位', { fields: ['orgId'] });
  }
}

/** The 五化 page of a branch and year: status, due dates, the progress table, 示范点 form, room. */
async function viewOf(org: OrgDoc, year: number, now: Date): Promise<FiveStandardsView> {
  const [records, counts, holders] = await Promise.all([
    fiveStandardsUpTo([org._id], year),
    countByStatus(org._id),
    listRoleHolders(org._id),
  ]);
  const own = records.find((r) => r.year === year);
  const status = statusOf(year, records);
  const today = localDate(now);
  const foundedOn = localDate(org.createdAt);
  const progress = own?.progress ?? emptyProgress();
  const model = own?.model ?? emptyModel();
  const room = org.room ?? emptyRoom();
  const secretary = holders.find((h) =>
    h.roles.some((r) => r.orgId === org._id && r.role === 'secretary'),
  );
  const manager = room.managerId ? await findMember(room.managerId) : null;
  return {
    orgId: org._id,
    year,
    status,
    statusLabel: FIVE_STATUSES[status],
    dimensions: FIVE_DIMENSIONS,
    due: declarationDue(year, foundedOn),
    declaredOn: own?.declaredOn ?? null,
    progress,
    model: {
      ...model,
      due: modelDeclarationDue(year),
      // From the records, never typed again [PRIV-11].
      members: counts.full + counts.probationary,
      committee: committeeSeats(holders).get(org._id)?.size ?? 0,
      secretaryName: secretary?.name ?? null,
      contact: maskPhone(model.contact),
    },
    room: {
      items: Object.fromEntries(
        (Object.keys(ROOM_ITEMS) as RoomItem[]).map((k) => [k, !!room.items[k]]),
      ) as Record<RoomItem, boolean>,
      managerId: room.managerId,
      managerName: manager?.name ?? null,
      oath: room.oath,
      oathRequired: org.profile === 'xianning',
    },
    alerts: [
      ...fiveStandardsAlerts({ year, status, foundedOn, progress, today }),
      ...roomAlerts(room, org.profile),
    ],
  };
}

/** The branch's 五化 record [ORG-26…29, ORG-31]. */
export const fiveStandards = action({
  input: orgContract.fiveStandards.input,
  async run(ctx, input): Promise<OrgOutput<'fiveStandards'>> {
    const org = await ctx.require('activity.oversee', input.orgId);
    onlyBranches(org);
    return viewOf(org, input.year, ctx.now);
  },
});

/**
 * The branch fills in its 申报, progress table (by month), 示范点 form and room checklist; the
 * two superiors' opinions on the 示范点 form are the superior's to write [ORG-29].
 */
export const saveFiveStandards = action({
  input: orgContract.saveFiveStandards.input,
  async run(ctx, input): Promise<OrgOutput<'saveFiveStandards'>> {
    const org = await ctx.require('org.configure', input.orgId);
    onlyBranches(org);
    const opinions =
      input.model?.superiorOpinion !== undefined || input.model?.higherOpinion !== undefined;
    if (opinions && !(await ctx.may('org.administer', org))) {
      throw forbidden('上级党组织的意见由上级填写');
    }
    const managerId = input.room?.managerId;
    if (managerId) {
      const manager = await findMember(managerId);
      if (!manager || manager.orgId !== org._id || manager.transfer) {
        throw new AppError('INPUT.INVALID', '活动室管理人须是本支部的党员', {
          fields: ['room.managerId'],
        });
      }
    }
    const today = localDate(ctx.now);
    const earlier = await fiveStandardsUpTo([org._id], input.year - 1);
    await ctx.write(async (tx) => {
      const before = await findFiveStandards(org._id, input.year, tx);
      const { submit, ...modelPatch } = input.model ?? {};
      const status = before?.status ?? statusOf(input.year, earlier);
      const doc: FiveStandardsDoc = {
        _id: fiveStandardsId(org._id, input.year),
        orgId: org._id,
        year: input.year,
        status: input.declare && status === 'notDeclared' ? 'declared' : status,
        declaredOn: input.declare ? (before?.declaredOn ?? today) : (before?.declaredOn ?? null),
        progress: mergeProgress(before?.progress ?? [], input.progress ?? []),
        model: input.model
          ? {
              ...(before?.model ?? emptyModel()),
              ...modelPatch,
              ...(submit ? { submittedOn: today } : {}),
            }
          : (before?.model ?? null),
        updatedAt: ctx.now,
      };
      await writeRecord(doc, tx);
      if (input.room) {
        const room = org.room ?? emptyRoom();
        await updateOrgFacts(
          org._id,
          {
            room: {
              items: { ...room.items, ...(input.room.items ?? {}) },
              managerId: managerId !== undefined ? managerId : room.managerId,
              oath: input.room.oath ?? room.oath,
            },
          },
          tx,
        );
      }
      return { audit: { org, entity: 'fiveStandards', entityId: doc._id, before, after: doc } };
    });
    const fresh = input.room ? ((await findOrg(org._id)) ?? org) : org;
    return viewOf(fresh, input.year, ctx.now);
  },
});

/**
 * Writes the 五化 status of a branch's year inside `tx`, keeping the rest of the record, and answers
 * the audit entry of it: what `setFiveStandardsStatus` writes, and what a failed spot check
 * writes (抽查不合格) [ORG-26, ORG-30].
 */
export async function writeFiveStatus(
  org: OrgDoc,
  year: number,
  status: FiveStandardsDoc['status'],
  reason: string,
  now: Date,
  tx: Tx,
): Promise<AuditInput> {
  const before = await findFiveStandards(org._id, year, tx);
  const doc: FiveStandardsDoc = {
    _id: fiveStandardsId(org._id, year),
    orgId: org._id,
    year,
    status,
    declaredOn: before?.declaredOn ?? null,
    progress: before?.progress ?? emptyProgress(),
    model: before?.model ?? null,
    updatedAt: now,
  };
  await writeRecord(doc, tx);
  return {
    org,
    entity: 'fiveStandards',
    entityId: doc._id,
    before: before?.status ?? null,
    after: status,
    reason,
  };
}

/** A superior sets the 五化 status of a year: 达标, 示范点, or 抽查不合格 after a spot check [ORG-26, ORG-30]. */
export const setFiveStandardsStatus = action({
  input: orgContract.setFiveStandardsStatus.input,
  async run(ctx, input): Promise<OrgOutput<'setFiveStandardsStatus'>> {
    const org = await ctx.require('org.administer', input.orgId);
    onlyBranches(org);
    await ctx.write(async (tx) => ({
      audit: await writeFiveStatus(org, input.year, input.status, input.reason, ctx.now, tx),
    }));
    return { orgId: org._id, year: input.year, status: input.status };
  },
});
