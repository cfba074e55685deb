import { appraisalContract, type ResultOut, type TaskOut } from '../../contracts/appraisal';
import {
  consequencesOf,
  isCommended,
  resultNotice,
  TASK_RULES,
  TASK_TITLES,
} from '../../domain/appraisal/consequences';
import { GRADE_WORDS } from '../../domain/appraisal/model';
import { requireStep } from '../../domain/appraisal/steps';
import { localDate } from '../../domain/shared/time';
import { previousReviews } from '../../repos/appraisal-decisions';
import { updateAppraisal, type AppraisalDoc } from '../../repos/appraisals';
import { findOrg } from '../../repos/orgs';
import { AppError, orThrow } from '../../runtime/errors';
import { action } from '../../runtime/handler';
import { publishNotice } from '../notice/publish-notice';
import { pendingDisclosures } from '../notice/queries';
import { isDemocraticId } from '../../repos/appraisal-democratic';
import { rectifyMonthsOf } from './board-rows';
import { isBranchCampaign, publishBranch, resultBranch } from './branch-hooks';
import { publishDemocratic, resultDemocratic } from './democratic-publish';
import { listSecretaryRectification } from './rectification-sec15';
import {
  advanceStep,
  campaignOrg,
  loadCampaign,
  mayComplete,
  standing,
  subjectOf,
} from './support';

const RESULT_CATEGORY = '其他';

/**
 * 结果公布 [SEC-14, DIS-11]: once the grade is decided, the superior publishes it within its scope
 * — a 党务公开 notice of the branch (its members and the superior), through the notice area's
 * publishing step as the dues publication does; 优秀 (好) is commended in it. The consequences
 * are created at the same time [SEC-15, SEC-16]: 基本称职 (一般) a 提醒谈话 and a rectification due
 * `rectifyMonths` after publication; 不称职 (差), or 基本称职 (一般) last year too for the same person
 * whatever branch they led, an 组织处理 flag to the superior. Nothing else happens automatically.
 */
export const publish = action({
  input: appraisalContract.publish.input,
  async run(ctx, input) {
    if (isBranchCampaign(input.id)) return publishBranch(ctx, input.id);
    if (isDemocraticId(input.id)) return publishDemocratic(ctx, input.id);
    const doc = await loadCampaign(ctx, input.id);
    const org = await ctx.require('appraisal.decide', doc.orgId, { subject: subjectOf(doc) });
    orThrow(requireStep(doc.step, 'publish'));
    const decision = doc.decision;
    if (!decision || doc.publishedAt)
      throw new AppError('APPRAISAL.STEP_ORDER', '还没有评定等次，评定后才能公布', {
        ruleId: 'SEC-14',
      });
    const [previous, committee, since] = await Promise.all([
      previousReviews([doc]),
      findOrg(doc.committeeId),
      pendingDisclosures(doc.orgId, ctx.now, new Date(decision.at)),
    ]);
    const last = previous.get(doc.subjectId);
    const previousGrade = last?.publishedAt ? (last.decision?.grade ?? null) : null;
    const text = resultNotice({
      year: doc.year,
      orgName: doc.orgName,
      committeeName: committee?.name ?? '上级党组织',
      subjectName: doc.subjectName,
      grade: decision.grade,
    });
    // Safe to retry: a notice of this result published since the grade was decided is the one
    // an earlier attempt published before it could record it (it stopped in between) — reused,
    // never published twice. A grade decided again afterwards is a new result: a new notice.
    const earlier = since.find((n) => n.category === RESULT_CATEGORY && n.title === text.title);
    const notice = earlier
      ? { id: earlier.id }
      : await publishNotice(ctx, org, {
          category: RESULT_CATEGORY,
          ...text,
          audience: 'branch',
        });
    const tasks = consequencesOf({
      grade: decision.grade,
      previousGrade,
      publishedOn: localDate(ctx.now),
      rectifyMonths: rectifyMonthsOf(doc, org),
      deciderId: decision.by,
      subjectId: doc.subjectId,
    });
    await ctx.write(async (tx) => {
      const fresh = await loadCampaign(ctx, doc._id, tx);
      if (fresh.publishedAt || fresh.step !== 'publish')
        throw new AppError('CONFLICT', '这次评议的结果已经公布');
      await updateAppraisal(
        doc._id,
        { publishedAt: ctx.now, noticeId: notice.id, tasks, ...advanceStep(doc, ctx.now) },
        tx,
      );
      await listSecretaryRectification(tx, doc, tasks, +ctx.now); // SEC-15 on the branch's list
      return {
        audit: {
          org,
          entity: 'appraisals',
          entityId: doc._id,
          before: { step: 'publish', publishedAt: null },
          after: {
            step: 'done',
            grade: decision.grade,
            noticeId: notice.id,
            tasks: tasks.map((t) => ({ kind: t.kind, ownerId: t.ownerId, due: t.due })),
          },
        },
      };
    });
    return { id: doc._id, publishedAt: ctx.now.toISOString(), noticeId: notice.id };
  },
});

export const taskOut = (t: AppraisalDoc['tasks'][number]): TaskOut => ({
  kind: t.kind,
  title: TASK_TITLES[t.kind],
  ownerId: t.ownerId,
  due: t.due,
  done: t.done,
  note: t.note,
  ruleId: TASK_RULES[t.kind],
});

/**
 * A result [SEC-14]: the secretary sees their own once published (with their 提醒谈话 and
 * rectification; the 组织处理 flag is the superior's); the branch committee sees the published
 * grade; the superior sees the grade as decided and every follow-up. Before publication the
 * secretary sees no grade. Anyone else is refused.
 */
export const result = action({
  input: appraisalContract.result.input,
  async run(ctx, input): Promise<ResultOut> {
    if (isBranchCampaign(input.id)) return resultBranch(ctx, input);
    if (isDemocraticId(input.id)) return resultDemocratic(ctx, input);
    const doc = await loadCampaign(ctx, input.id);
    const org = await campaignOrg(doc);
    const s = await standing(ctx, doc, org);
    if (!s.mine && !s.decider && !s.conductor)
      throw new AppError('AUTH.FORBIDDEN', '评议结果只有书记本人、支部委员会和上级党组织可以查看');
    if (input.memberId && input.memberId !== doc.subjectId)
      throw new AppError('NOT_FOUND', '这次评议没有这位同志的结果');
    const published = !!doc.publishedAt;
    const grade = doc.decision && (published || s.decider) ? doc.decision.grade : null;
    const tasks = s.decider
      ? doc.tasks
      : s.mine
        ? doc.tasks.filter((t) => t.kind !== 'orgHandling')
        : [];
    return {
      grade,
      gradeText: grade ? GRADE_WORDS[grade] : null,
      feedback: grade ? (doc.leaderComment?.text ?? null) : null,
      commended: published && isCommended(grade),
      consequences: (tasks ?? []).map((t) => ({ ...taskOut(t), canComplete: mayComplete(t, s) })),
    };
  },
});
