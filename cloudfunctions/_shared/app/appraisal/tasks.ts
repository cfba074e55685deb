import { appraisalContract } from '../../contracts/appraisal';
import { TASK_TITLES } from '../../domain/appraisal/consequences';
import { updateAppraisal } from '../../repos/appraisals';
import { AppError } from '../../runtime/errors';
import { action } from '../../runtime/handler';
import { closeSecretaryItem } from './rectification-sec15';
import { loadCampaign, subjectOf } from './support';

/**
 * A follow-up done [SEC-15, SEC-16]: the 提醒谈话 held and the 组织处理 decided are the superior's
 * (`appraisal.decide` on the branch, never in their own case [PRIV-21]); the rectification is
 * reported by the secretary who owns it. The note says what was done; the task leaves both to-do
 * lists. Done once: a second completion is refused and changes nothing.
 */
export const completeTask = action({
  input: appraisalContract.completeTask.input,
  async run(ctx, input) {
    const doc = await loadCampaign(ctx, input.id);
    const index = (doc.tasks ?? []).findIndex((t) => t.kind === input.task);
    const task = doc.tasks?.[index];
    const { member } = await ctx.caller();
    const org =
      input.task === 'rectification'
        ? await ctx.require('org.read', doc.orgId)
        : await ctx.require('appraisal.decide', doc.orgId, { subject: subjectOf(doc) });
    if (!task) throw new AppError('NOT_FOUND', `这次评议没有“${TASK_TITLES[input.task]}”事项`);
    if (input.task === 'rectification' && task.ownerId !== member._id)
      throw new AppError('AUTH.FORBIDDEN', '整改情况由被评议的书记本人报告');
    if (task.done) throw new AppError('CONFLICT', `“${TASK_TITLES[input.task]}”已经办结`);
    const note = input.note.trim();
    if (!note) throw new AppError('INPUT.INVALID', '请写明办理情况', { fields: ['note'] });
    await ctx.write(async (tx) => {
      const fresh = await loadCampaign(ctx, doc._id, tx);
      if (fresh.tasks[index]?.kind !== input.task || fresh.tasks[index].done)
        throw new AppError('CONFLICT', `“${TASK_TITLES[input.task]}”已经办结`);
      const done = { done: true, note, doneBy: member._id, doneAt: ctx.now };
      await updateAppraisal(
        doc._id,
        Object.fromEntries(Object.entries(done).map(([k, v]) => [`tasks.${index}.${k}`, v])),
        tx,
      );
      if (input.task === 'rectification')
        await closeSecretaryItem(tx, doc, note, member._id, ctx.now); // SEC-15
      return {
        audit: {
          org,
          entity: 'appraisals',
          entityId: doc._id,
          before: { task: input.task, done: false },
          after: { task: input.task, done: true, note },
        },
      };
    });
    return { id: doc._id, task: input.task, done: true as const };
  },
});
