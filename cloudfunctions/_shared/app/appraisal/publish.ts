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
import { rectifyMonthsOf } from './board-rows';
import { advanceStep, campaignOrg, loadCampaign, standing, subjectOf } from './support';

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
    const doc = await loadCampaign(ctx, input.id);
    const org = await ctx.require('appraisal.decide', doc.orgId, { subject: subjectOf(doc) });
    orThrow(requireStep(doc.step, 'publish'));
    const decision = doc.decision;
    if (!decision || doc.publishedAt)
      throw new AppError('APPRAISAL.STEP_ORDER', '还没有评定等次，评定后才能公布', {
        ruleId: 'SEC-14',
      });
    const [previous, committee] = await Promise.all([
      previousReviews([doc]),
      findOrg(doc.committeeId),
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
    const notice = await publishNotice(ctx, org, { category: '其他', ...text, audience: 'branch' });
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
      consequences: (tasks ?? []).map(taskOut),
    };
  },
});
