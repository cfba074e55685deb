import { appraisalContract, type AppraisalOutput } from '../../contracts/appraisal';
import { gradedHere } from '../../domain/appraisal/democratic';
import { updateDemocratic, type DemocraticAppraisalDoc } from '../../repos/appraisal-democratic';
import { AppError } from '../../runtime/errors';
import { action } from '../../runtime/handler';
import { loadDemocratic, participantsOf } from './democratic-support';

/**
 * 党小组 for the 民主测评 of a large branch [APR-08]: the committee divides the participants,
 * each in exactly one group with at least one 正式党员; each group then votes on its own box
 * (democratic-ballots.ts), marking its own members. Changeable until a box is opened.
 */

/** The committee divides the participants into 党小组 for the 测评 [APR-08]. */
export const setGroups = action({
  input: appraisalContract.setGroups.input,
  async run(ctx, input): Promise<AppraisalOutput<'setGroups'>> {
    const doc = await loadDemocratic(input.id);
    const org = await ctx.require('appraisal.decideMembers', doc.orgId);
    const groups = input.groups.map((g, i) => ({
      key: `g${i + 1}`,
      name: g.name.trim(),
      memberIds: [...new Set(g.memberIds)].sort(),
    }));
    checkGroups(doc, groups);
    await ctx.write(async (tx) => {
      const now = await loadDemocratic(doc._id, tx);
      if (
        now.boxes.some((b) => b.status !== 'void') ||
        ['decision', 'feedback', 'report', 'archive', 'done'].includes(now.step)
      )
        throw new AppError('APPRAISAL.STEP_ORDER', '民主测评已经开始，不能再调整党小组', {
          ruleId: 'APR-08',
        });
      await updateDemocratic(now._id, { groups }, tx);
      return {
        audit: { org, entity: 'democraticAppraisals', entityId: now._id, after: { groups } },
      };
    });
    return { id: doc._id, groups };
  },
});

function checkGroups(doc: DemocraticAppraisalDoc, groups: DemocraticAppraisalDoc['groups']) {
  if (!groups.length) return;
  const bad = (message?: string) => {
    throw new AppError('APPRAISAL.GROUPS_INVALID', message, { ruleId: 'APR-08' });
  };
  if (new Set(groups.map((g) => g.name)).size !== groups.length) bad('党小组的名称不能重复');
  const ids = groups.flatMap((g) => g.memberIds);
  const all = doc.participants.map((p) => p.memberId);
  if (
    ids.length !== new Set(ids).size ||
    ids.length !== all.length ||
    !all.every((m) => ids.includes(m))
  )
    bad();
  const full = new Set(gradedHere(participantsOf(doc)).map((p) => p.memberId));
  if (groups.some((g) => !g.memberIds.some((m) => full.has(m))))
    bad('每个党小组至少要有一名正式党员，才能进行民主测评');
}
