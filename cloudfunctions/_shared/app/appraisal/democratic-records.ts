/**
 * What the committee records around the 民主评议 decision, each audited and never automatic:
 * a 流动党员's result imported from the 流入地 [APR-20]; the handling of an 不合格 正式党员 with its
 * resolution records [APR-15, APR-16]; a 预备党员's problems as a DEV flag only [APR-17]; and the
 * last step, 记入个人档案, refused while a 登记表 is incomplete [APR-11, APR-02].
 */
import type { AppraisalOutput } from '../../contracts/appraisal';
import { probationaryRoute, validateHandling } from '../../domain/appraisal/disposal';
import type { DemocraticGrade } from '../../domain/appraisal/democratic-model';
import { updateDemocratic } from '../../repos/appraisal-democratic';
import type { Ctx } from '../../runtime/context';
import { AppError, orThrow } from '../../runtime/errors';
import { handlingOut } from './democratic-board';
import { democraticFormOf } from './democratic-form';
import {
  gradeOf,
  loadDemocratic,
  memberSubject,
  participantOf,
  requireUnpublished,
  stepPatch,
  type DemocraticDoc,
  type HandlingDoc,
} from './democratic-view';

type Out<K extends 'importResult' | 'recordHandling' | 'flagProbationary' | 'archive'> =
  AppraisalOutput<K>;

/** The committee, never on the member's own case [PRIV-21]. */
async function committeeFor(ctx: Ctx, doc: DemocraticDoc, memberId: string) {
  return ctx.require('appraisal.decideMembers', doc.orgId, { subject: memberSubject(memberId) });
}

/** A change written only if the campaign did not move meanwhile (step and publication). */
async function write(
  ctx: Ctx,
  doc: DemocraticDoc,
  patch: Record<string, unknown>,
  audit: { org: Awaited<ReturnType<typeof committeeFor>>; before: unknown; after: unknown },
) {
  await ctx.write(async (tx) => {
    const fresh = await loadDemocratic(doc._id, tx);
    if (fresh.step !== doc.step || !!fresh.publishedAt !== !!doc.publishedAt)
      throw new AppError('CONFLICT', '这次评议刚刚有了变化，请刷新后再试');
    await updateDemocratic(doc._id, patch, tx);
    return { audit: { ...audit, entity: 'democraticAppraisals', entityId: doc._id } };
  });
}

/**
 * A 流动党员 appraised at the 流入地: the grade, the org and the proof are recorded, and the
 * member is not graded again here (out of the quota's N) [APR-20]. Only before the results are
 * fed back; a 预备党员's import carries no grade [APR-06].
 */
export async function importResult(
  ctx: Ctx,
  input: {
    id: string;
    memberId: string;
    grade: DemocraticGrade | null;
    orgName: string;
    proof: string;
  },
): Promise<Out<'importResult'>> {
  const doc = await loadDemocratic(input.id);
  const org = await committeeFor(ctx, doc, input.memberId);
  requireUnpublished(doc);
  const p = participantOf(doc, input.memberId);
  if (!p.mobile)
    throw new AppError('APPRAISAL.NOT_MOBILE', '只有流动党员才能采用流入地党组织的评议结果', {
      ruleId: 'APR-20',
    });
  if (p.status !== 'full' && input.grade !== null)
    throw new AppError('APPRAISAL.PROBATIONARY', '预备党员参加评议，但不评定等次', {
      ruleId: 'APR-06',
    });
  const { member } = await ctx.caller();
  const imported = {
    grade: input.grade,
    orgName: input.orgName.trim(),
    note: input.proof.trim(),
    by: member._id,
    at: ctx.now,
  };
  const patch: Record<string, unknown> = { [`imported.${p.memberId}`]: imported };
  if (doc.decision && p.memberId in (doc.decision.grades ?? {}))
    patch[`decision.grades.${p.memberId}`] = null;
  await write(ctx, doc, patch, {
    org,
    before: { imported: doc.imported?.[p.memberId] ?? null, grade: gradeOf(doc, p.memberId) },
    after: { imported: { ...imported, at: ctx.now.toISOString() } },
  });
  return { id: doc._id, memberId: p.memberId, grade: input.grade };
}

/**
 * How an 不合格 正式党员 is handled [APR-15, APR-16]: 教育转化; 限期改正 (the assembly resolution,
 * 1–12 months from it); 劝退 or 除名 (the assembly resolution, then the superior's approval).
 * Recorded only: no member status changes. A 预备党员 is refused (DEV route [APR-17]).
 */
export async function recordHandling(
  ctx: Ctx,
  input: {
    id: string;
    memberId: string;
    option: HandlingDoc['option'];
    months?: number;
    assembly?: { ref: string; on: string };
    superior?: { ref: string; on: string };
    note?: string;
  },
): Promise<Out<'recordHandling'>> {
  const doc = await loadDemocratic(input.id);
  const org = await committeeFor(ctx, doc, input.memberId);
  const p = participantOf(doc, input.memberId);
  if (!doc.decision?.final && p.status === 'full')
    throw new AppError('APPRAISAL.STEP_ORDER', '组织评定完成后，才能记录对不合格党员的处理', {
      ruleId: 'APR-15',
    });
  const h = orThrow(
    validateHandling({
      status: p.status,
      grade: gradeOf(doc, p.memberId),
      option: input.option,
      months: input.months,
      assemblyResolution: input.assembly
        ? { ref: input.assembly.ref, on: input.assembly.on }
        : null,
      superiorApproval: input.superior ? { ref: input.superior.ref, on: input.superior.on } : null,
    }),
  );
  const { member } = await ctx.caller();
  const handling: HandlingDoc = {
    option: h.option,
    months: h.option === 'correction' ? (input.months ?? null) : null,
    correctBy: h.correctBy,
    assembly: h.option === 'educate' ? null : (input.assembly ?? null),
    superior:
      h.option === 'persuadeWithdraw' || h.option === 'expel' ? (input.superior ?? null) : null,
    note: input.note?.trim() || null,
    by: member._id,
    at: ctx.now,
  };
  await write(
    ctx,
    doc,
    { [`handling.${p.memberId}`]: handling },
    {
      org,
      before: { handling: handlingOut(doc.handling?.[p.memberId]) },
      after: { handling: handlingOut(handling) },
    },
  );
  return { id: doc._id, memberId: p.memberId, handling: handlingOut(handling)! };
}

/** A 预备党员's problems: a flag for the DEV rules (延长预备期 or 取消资格) and nothing else [APR-17]. */
export async function flagProbationary(
  ctx: Ctx,
  input: { id: string; memberId: string; note: string },
): Promise<Out<'flagProbationary'>> {
  const doc = await loadDemocratic(input.id);
  const org = await committeeFor(ctx, doc, input.memberId);
  const p = participantOf(doc, input.memberId);
  const route = probationaryRoute(p.memberId, p.status);
  if (!route)
    throw new AppError(
      'APPRAISAL.NOT_UNQUALIFIED',
      '这位同志是正式党员，请通过组织评定和不合格党员的处理办理',
      { ruleId: 'APR-17' },
    );
  const { member } = await ctx.caller();
  const flag = { note: input.note.trim(), by: member._id, at: ctx.now };
  await write(
    ctx,
    doc,
    { [`devFlags.${p.memberId}`]: flag },
    {
      org,
      before: { devFlag: doc.devFlags?.[p.memberId]?.note ?? null },
      after: { devFlag: flag.note, ruleId: 'APR-17' },
    },
  );
  return {
    id: doc._id,
    memberId: p.memberId,
    route: 'dev',
    options: [...route.options],
    message: route.message,
  };
}

/**
 * 记入个人档案 [APR-02, APR-11, APR-12]: after the report to the 基层党委, and only when every
 * member's 登记表 is complete (FORM_INCOMPLETE names who and what). The appraisal is then done
 * and filed: FORT-09's 民主评议 points.
 */
export async function archiveDemocratic(ctx: Ctx, id: string): Promise<Out<'archive'>> {
  const doc = await loadDemocratic(id);
  const org = await ctx.require('appraisal.decideMembers', doc.orgId);
  if (doc.step !== 'archive')
    throw new AppError('APPRAISAL.STEP_ORDER', '向党员反馈结果并报告基层党委后，才能归档', {
      ruleId: 'APR-02',
    });
  const form = await democraticFormOf(doc, ctx.now);
  const gaps = form.members.filter((m) => m.gaps.length);
  if (gaps.length)
    throw new AppError(
      'APPRAISAL.FORM_INCOMPLETE',
      `登记表还没有填写完整：${gaps
        .slice(0, 5)
        .map((m) => `${m.name}（${m.gaps.join('、')}）`)
        .join('；')}${gaps.length > 5 ? `等${gaps.length}人` : ''}`,
      { ruleId: 'APR-11' },
    );
  const { member } = await ctx.caller();
  await write(
    ctx,
    doc,
    { ...stepPatch(doc, 'archive', member._id, ctx.now), archivedAt: ctx.now },
    { org, before: { step: 'archive' }, after: { step: 'done' } },
  );
  return { id: doc._id, archivedAt: ctx.now.toISOString() };
}
