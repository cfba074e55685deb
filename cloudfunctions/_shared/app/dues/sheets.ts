import { duesContract } from '../../contracts/dues';
import {
  assessmentAlerts,
  assessmentDueDate,
  CATEGORY_NAMES,
  sheetStepRefusal,
  SheetStep,
} from '../../domain/dues/assessment';
import { calculateFee } from '../../domain/dues/fee';
import { baseInForce } from '../../domain/dues/ledger';
import { settingOf } from '../../domain/org/settings';
import { localDate } from '../../domain/shared/time';
import { basesOf, DuesBaseDoc, DuesSheetDoc, findSheet, saveSheet } from '../../repos/dues';
import { listOrgMembers } from '../../repos/members';
import type { OrgDoc } from '../../repos/orgs';
import type { Ctx } from '../../runtime/context';
import { AppError } from '../../runtime/errors';
import { action } from '../../runtime/handler';
import { assessmentBook } from '../export/dues-books';
import { renderElsewhere } from '../export/remote';
import { exportDir } from '../media/paths';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const sheetView = (s: DuesSheetDoc | null) =>
  s && {
    status: s.status,
    fileId: s.fileId,
    filedAt: iso(s.filedAt)!,
    reviewedAt: iso(s.reviewedAt),
    reviewNote: s.reviewNote,
    forwardedAt: iso(s.forwardedAt),
  };

/** The branch's members and, for each, the 核定 entry in force at the year's end (or none). */
async function confirmed(orgId: string, year: number) {
  const [members, bases] = await Promise.all([listOrgMembers(orgId), basesOf({ orgId }, year)]);
  return members.map((m) => ({
    member: m,
    base: baseInForce(
      bases.filter((b) => b.memberId === m._id),
      `${year}-12`,
    ) as DuesBaseDoc | null,
  }));
}

/**
 * The year's 核定 [FEE-17]: who has a confirmed amount and who has not, the due date (the end of
 * `fee.assessmentDue`, default March), the sheet's state at the superior [FEE-18], and — once the
 * date has passed — the alert listing those still missing and a sheet not yet filed.
 */
export const assessment = action({
  input: duesContract.assessment.input,
  async run(ctx, input) {
    const org = await ctx.require('dues.read', input.orgId);
    const [rows, sheet] = await Promise.all([
      confirmed(org._id, input.year),
      findSheet(org._id, input.year),
    ]);
    const dueBy = assessmentDueDate(input.year, settingOf(org, 'fee.assessmentDue'));
    const missing = rows.filter((r) => !r.base).map((r) => r.member);
    return {
      year: input.year,
      dueBy,
      members: rows.map((r) => ({
        memberId: r.member._id,
        name: r.member.name,
        monthlyFen: r.base?.monthlyFen ?? null,
      })),
      missing: missing.map((m) => ({ memberId: m._id, name: m.name })),
      alerts: assessmentAlerts({
        today: localDate(ctx.now),
        dueBy,
        missing: missing.map((m) => m.name),
        sheetFiled: !!sheet,
      }),
      sheet: sheetView(sheet),
    };
  },
});

const rateText = (b: DuesBaseDoc): string => {
  const fee = calculateFee(b.category, b.baseFen);
  if (b.relief) return b.monthlyFen ? '减交' : '免交';
  return fee.ok && fee.value.rate !== null ? `${fee.value.rate / 100}%` : '定额';
};

/** The 核算表 file: each member's category, base, rate and monthly amount (the organiser's own record). */
async function sheetFile(org: OrgDoc, year: number): Promise<string> {
  const rows = await confirmed(org._id, year);
  const lines = rows.map(({ member, base }) => ({
    name: member.name,
    category: base ? CATEGORY_NAMES[base.category] : null,
    baseFen: base?.baseFen ?? null,
    rate: base ? rateText(base) : '',
    monthlyFen: base?.monthlyFen ?? null,
    fromMonth: base?.fromMonth ?? null,
  }));
  const file = await renderElsewhere(
    exportDir(org._id, 'dues'),
    assessmentBook(org.name, year, lines),
  );
  return file.fileId;
}

/** One step of the sheet, in a transaction with its audit entry [FEE-18]. */
async function step(
  ctx: Ctx,
  org: OrgDoc,
  year: number,
  which: SheetStep,
  next: (s: DuesSheetDoc | null, actor: string) => DuesSheetDoc,
) {
  const { member: actor } = await ctx.caller();
  return ctx.write(async (tx) => {
    const sheet = await findSheet(org._id, year, tx);
    const refusal = sheetStepRefusal(which, sheet?.status ?? null);
    if (refusal) throw AppError.from(refusal);
    const doc = next(sheet, actor._id);
    await saveSheet(doc, !!sheet, tx);
    return {
      audit: {
        org,
        entity: 'duesSheets',
        entityId: doc._id,
        before: sheet && { status: sheet.status },
        after: { status: doc.status, fileId: doc.fileId },
        ...(doc.reviewNote && which === 'review' ? { reason: doc.reviewNote } : {}),
      },
      result: { orgId: org._id, year, status: doc.status, fileId: doc.fileId },
    };
  });
}

/** The organiser files the year's 核算表 with the superior [FEE-17]; again after a return. */
export const fileSheet = action({
  input: duesContract.fileSheet.input,
  async run(ctx, input) {
    const org = await ctx.require('dues.record', input.orgId);
    const refusal = sheetStepRefusal(
      'file',
      (await findSheet(org._id, input.year))?.status ?? null,
    );
    if (refusal) throw AppError.from(refusal);
    const fileId = await sheetFile(org, input.year);
    return step(ctx, org, input.year, 'file', (_s, actor) => ({
      _id: `${org._id}:${input.year}`,
      orgId: org._id,
      year: input.year,
      status: 'filed',
      fileId,
      filedAt: ctx.now,
      filedBy: actor,
      reviewedAt: null,
      reviewedBy: null,
      reviewNote: null,
      forwardedAt: null,
      forwardedBy: null,
    }));
  },
});

/** The superior reviews a filed sheet: passes it, or returns it with a note [FEE-18]. */
export const reviewSheet = action({
  input: duesContract.reviewSheet.input,
  async run(ctx, input) {
    const org = await ctx.require('org.administer', input.orgId);
    return step(ctx, org, input.year, 'review', (s, actor) => ({
      ...s!,
      status: input.approve ? 'reviewed' : 'returned',
      reviewedAt: ctx.now,
      reviewedBy: actor,
      reviewNote: input.note ?? null,
    }));
  },
});

/** The superior forwards a sheet it has reviewed and passed; an unreviewed one is refused [FEE-18]. */
export const forwardSheet = action({
  input: duesContract.forwardSheet.input,
  async run(ctx, input) {
    const org = await ctx.require('org.administer', input.orgId);
    return step(ctx, org, input.year, 'forward', (s, actor) => ({
      ...s!,
      status: 'forwarded',
      forwardedAt: ctx.now,
      forwardedBy: actor,
    }));
  },
});
