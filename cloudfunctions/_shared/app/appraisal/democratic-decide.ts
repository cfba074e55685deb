/**
 * 组织评定 of 民主评议党员 [APR-05, APR-06, APR-09, APR-10, APR-20]: the branch committee (or the
 * superior) enters the grades; the tallies never become grades by themselves. A save may be
 * partial (grades merge into what was saved); once every 正式党员 graded here has a grade the
 * decision is final — every flag must then be decided (graded 不合格 or a reason written) — and
 * the 组织评定 step is done. Nobody decides their own grade [PRIV-21]. Audited.
 */
import type { AppraisalOutput } from '../../contracts/appraisal';
import { gradedHere } from '../../domain/appraisal/democratic';
import { validateDecision } from '../../domain/appraisal/democratic-decision';
import type { DemocraticGrade } from '../../domain/appraisal/democratic-model';
import { updateDemocratic } from '../../repos/appraisal-democratic';
import type { Ctx } from '../../runtime/context';
import { AppError, orThrow } from '../../runtime/errors';
import { boardOf } from './democratic-board';
import {
  loadDemocratic,
  memberSubject,
  requireUnpublished,
  stepPatch,
  type DemocraticDoc,
} from './democratic-view';

type Grades = Record<string, DemocraticGrade | null>;

/** The members an input changes (a grade or a reason different from what was saved). */
function touched(doc: DemocraticDoc, grades: Grades, reasons: Record<string, string>): string[] {
  const saved = doc.decision;
  const out = new Set<string>();
  for (const [id, g] of Object.entries(grades))
    if ((saved?.grades?.[id] ?? null) !== g) out.add(id);
  for (const [id, r] of Object.entries(reasons))
    if ((saved?.reasons?.[id] ?? '') !== r) out.add(id);
  return [...out].sort();
}

export async function decideDemocratic(
  ctx: Ctx,
  input: { id: string; grades: Record<string, string | null>; reasons?: Record<string, string> },
): Promise<AppraisalOutput<'decide'>> {
  const doc = await loadDemocratic(input.id);
  const org = await ctx.require('appraisal.decideMembers', doc.orgId);
  requireUnpublished(doc);
  if (doc.step !== 'decision' && doc.step !== 'feedback')
    throw new AppError(
      'APPRAISAL.STEP_ORDER',
      doc.step === 'done' || doc.step === 'report' || doc.step === 'archive'
        ? '评议结果已经反馈给党员，不能再修改评定'
        : '民主测评结束后才能进行组织评定',
      { ruleId: 'APR-02' },
    );
  const known = new Set(doc.participants.map((p) => p.memberId));
  const stranger = [...Object.keys(input.grades), ...Object.keys(input.reasons ?? {})].find(
    (id) => !known.has(id),
  );
  if (stranger)
    throw new AppError('INPUT.INVALID', '这位同志不在本次评议的党员中', {
      ruleId: 'APR-09',
      fields: ['grades'],
    });
  const reasonsIn = Object.fromEntries(
    Object.entries(input.reasons ?? {}).map(([k, v]) => [k, v.trim()]),
  );
  const { member } = await ctx.caller();
  // PRIV-21: the caller's own grade and reason are decided by the others.
  for (const id of touched(doc, input.grades as Grades, reasonsIn))
    if (id === member._id)
      await ctx.require('appraisal.decideMembers', org, { subject: memberSubject(id) });
  const grades: Grades = { ...(doc.decision?.grades ?? {}), ...(input.grades as Grades) };
  const reasons = Object.fromEntries(
    Object.entries({ ...(doc.decision?.reasons ?? {}), ...reasonsIn }).filter(([, v]) => !!v),
  );
  const board = await boardOf(doc, ctx.now);
  const final = gradedHere(board.participants).every((p) => (grades[p.memberId] ?? null) !== null);
  orThrow(
    validateDecision(
      {
        profile: doc.profile,
        participants: board.participants,
        grades,
        reasons,
        tally: board.tally.result,
        flags: board.facts.flags,
      },
      final,
    ),
  );
  const decision = { grades, reasons, final, by: member._id, at: ctx.now };
  await ctx.write(async (tx) => {
    const fresh = await loadDemocratic(doc._id, tx);
    const atOf = (d: DemocraticDoc) => (d.decision ? new Date(d.decision.at).getTime() : 0);
    if (fresh.publishedAt || fresh.step !== doc.step || atOf(fresh) !== atOf(doc))
      throw new AppError('CONFLICT', '这次评议刚刚有了变化，请刷新后再评定');
    // The 先锋指数 totals as the committee saw them: the superior's 轮流坐庄 hint reads them later.
    const points = Object.fromEntries(
      [...(board.facts.points ?? new Map())].map(([id, p]) => [id, p.total]),
    );
    let patch: Record<string, unknown> = { decision, pointsAtDecision: points };
    if (final && doc.step === 'decision')
      patch = { ...patch, ...stepPatch(doc, 'decision', member._id, ctx.now) };
    if (!final && doc.step === 'feedback')
      patch = { ...patch, step: 'decision', 'stepsDone.decision': null };
    await updateDemocratic(doc._id, patch, tx);
    return {
      audit: {
        org,
        entity: 'democraticAppraisals',
        entityId: doc._id,
        before: {
          grades: doc.decision?.grades ?? {},
          reasons: doc.decision?.reasons ?? {},
          final: doc.decision?.final ?? false,
        },
        after: { grades, reasons, final },
      },
    };
  });
  return { id: doc._id, grades };
}
