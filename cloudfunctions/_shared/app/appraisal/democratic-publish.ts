/**
 * 反馈 and 报告 of 民主评议党员 [APR-12, APR-15, DIS-11]: once the decision is final, the committee
 * tells each member their own result (never a public list of results), reports the results to the
 * 基层党委 (its committee and superior then read every member's), and commends the 优秀 within
 * the branch by a 党务公开 notice naming only them. A 基本合格 member gets a help plan on the
 * branch's rectification list [APR-15, APR-18]; an 不合格 one waits for `recordHandling` —
 * nothing automatic. `result` answers a member only their own [APR-12].
 */
import type { AppraisalOutput, ResultOut } from '../../contracts/appraisal';
import { consequenceOf, HANDLING_WORDS } from '../../domain/appraisal/disposal';
import { DEMOCRATIC_GRADE_WORDS } from '../../domain/appraisal/democratic-model';
import { addMonths, localDate } from '../../domain/shared/time';
import { updateDemocratic } from '../../repos/appraisal-democratic';
import type { Ctx } from '../../runtime/context';
import { AppError } from '../../runtime/errors';
import { dateName } from '../export/spec';
import { publishNotice } from '../notice/publish-notice';
import { pendingDisclosures } from '../notice/queries';
import { addListItems, type NewListItem } from './rectification-items';
import {
  gradeOf,
  loadDemocratic,
  participantOf,
  stepPatch,
  type DemocraticDoc,
} from './democratic-view';

/** A help plan runs 6 months from the feedback (the committee's report window of APR-18). */
export const HELP_PLAN_MONTHS = 6;
const NOTICE_CATEGORY = '其他';

export const helpPlanItems = (doc: DemocraticDoc, on: string, by: string): NewListItem[] =>
  doc.participants
    .filter((p) => gradeOf(doc, p.memberId) === 'basicallyQualified')
    .sort((a, b) => a.memberId.localeCompare(b.memberId))
    .map((p) => ({
      source: 'democraticAppraisal' as const,
      sourceId: `${doc._id}:${p.memberId}`,
      title: `${p.name}同志${doc.year}年度民主评议为“基本合格”：支部指出差距，制定帮扶计划，帮助改进`,
      ownerId: p.memberId,
      ownerName: p.name,
      ownerKind: 'member' as const,
      due: addMonths(on, HELP_PLAN_MONTHS),
      commitment: '按帮扶计划改进，每季度向支部报告一次进展',
      by,
    }));

export async function publishDemocratic(ctx: Ctx, id: string): Promise<AppraisalOutput<'publish'>> {
  const doc = await loadDemocratic(id);
  const org = await ctx.require('appraisal.decideMembers', doc.orgId);
  if (doc.publishedAt)
    throw new AppError('APPRAISAL.STEP_ORDER', '评议结果已经反馈给党员', { ruleId: 'APR-12' });
  if (doc.step !== 'feedback' || !doc.decision?.final)
    throw new AppError('APPRAISAL.STEP_ORDER', '每名正式党员都评定等次后，才能向党员反馈结果', {
      ruleId: 'APR-09',
    });
  const { member } = await ctx.caller();
  const excellent = doc.participants
    .filter((p) => gradeOf(doc, p.memberId) === 'excellent')
    .sort((a, b) => a.memberId.localeCompare(b.memberId));
  let noticeId: string | null = null;
  if (excellent.length) {
    const title = `${doc.year}年度${doc.orgName}民主评议优秀党员`;
    const since = await pendingDisclosures(doc.orgId, ctx.now, new Date(doc.decision.at));
    const earlier = since.find((n) => n.category === NOTICE_CATEGORY && n.title === title);
    noticeId = earlier
      ? earlier.id
      : (
          await publishNotice(ctx, org, {
            category: NOTICE_CATEGORY,
            title,
            body: `经个人自评、党员互评、民主测评和支部评定，${excellent.map((p) => `${p.name}同志`).join('、')}在${doc.year}年度民主评议党员中被评为“优秀”，予以表扬。`,
            audience: 'branch',
          })
        ).id;
  }
  const today = localDate(ctx.now);
  const items = helpPlanItems(doc, today, member._id);
  await ctx.write(async (tx) => {
    const fresh = await loadDemocratic(doc._id, tx);
    if (fresh.publishedAt || fresh.step !== 'feedback')
      throw new AppError('CONFLICT', '这次评议的结果已经反馈');
    const fed = stepPatch(doc, 'feedback', member._id, ctx.now);
    const after = { ...doc, stepsDone: { ...doc.stepsDone, feedback: fed['stepsDone.feedback'] } };
    const reported = stepPatch(after as DemocraticDoc, 'report', member._id, ctx.now);
    await addListItems(tx, org, doc.year, items, ctx.now.getTime());
    await updateDemocratic(
      doc._id,
      {
        ...fed,
        ...reported,
        publishedAt: ctx.now,
        reportedAt: ctx.now,
        noticeId,
        helpPlans: items.map((i) => i.ownerId),
      },
      tx,
    );
    return {
      audit: {
        org,
        entity: 'democraticAppraisals',
        entityId: doc._id,
        before: { step: 'feedback', publishedAt: null },
        after: { step: 'archive', noticeId, helpPlans: items.map((i) => i.ownerId) },
      },
    };
  });
  return { id: doc._id, publishedAt: ctx.now.toISOString(), noticeId };
}

/**
 * A member's own result [APR-12]: the member themself once fed back; the committee and the
 * superior (`appraisal.decideMembers`) any member's, decided or not. Anyone else asking for
 * another member is refused.
 */
export async function resultDemocratic(
  ctx: Ctx,
  input: { id: string; memberId?: string },
): Promise<ResultOut> {
  const doc = await loadDemocratic(input.id);
  const { member } = await ctx.caller();
  const target = input.memberId ?? member._id;
  if (target !== member._id) await ctx.require('appraisal.decideMembers', doc.orgId);
  const p = participantOf(doc, target);
  const decider = target !== member._id;
  const shown = !!doc.publishedAt || decider;
  const imported = doc.imported?.[target];
  const grade = shown ? (imported ? imported.grade : gradeOf(doc, target)) : null;
  const c = consequenceOf(grade);
  const handling = doc.handling?.[target];
  const feedback = !shown
    ? null
    : p.status !== 'full'
      ? '预备党员参加民主评议，不评定等次'
      : [
          grade ? `评定为“${DEMOCRATIC_GRADE_WORDS[grade]}”` : '尚未评定等次',
          imported ? `（在${imported.orgName}参加评议）` : '',
          c ? `。${c.words}` : '',
          handling
            ? `。处理方式：${handling.correctBy ? `限期改正，${dateName(handling.correctBy)}前` : HANDLING_WORDS[handling.option]}`
            : '',
        ].join('');
  return {
    grade,
    gradeText: grade ? DEMOCRATIC_GRADE_WORDS[grade] : null,
    feedback,
    commended: !!doc.publishedAt && grade === 'excellent',
    consequences: [],
  };
}
