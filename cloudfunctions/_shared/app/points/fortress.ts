import { pointsContract } from '../../contracts/points';
import type { PointsOutput } from '../../contracts/points';
import { assessmentId, findAssessment, saveAssessment } from '../../repos/points';
import { fortressYear } from '../../repos/points-fortress';
import { action } from '../../runtime/handler';
import { orNotFound } from '../../runtime/errors';
import { fortressOf } from './queries';

/** 堡垒指数 from the branch's records, plus the superior's assessment [FORT-02 … FORT-18]. */
export const fortress = action({
  input: pointsContract.fortress.input,
  async run(ctx, input): Promise<PointsOutput<'fortress'>> {
    const view = orNotFound(await fortressYear(input.orgId, input.year), '组织');
    const org = await ctx.require('fortress.read', view.org);
    const result = fortressOf(view, input.year, ctx.now);
    return { orgId: org._id, orgName: org.name, year: input.year, ...result };
  },
});

/** Only the superior sets the 个性 scores and reverse items; a branch cannot edit its own index [FORT-16]. */
export const assessFortress = action({
  input: pointsContract.assessFortress.input,
  async run(ctx, input): Promise<PointsOutput<'assessFortress'>> {
    const org = await ctx.require('fortress.assess', input.orgId);
    const before = await findAssessment(org._id, input.year);
    const after = {
      _id: assessmentId(org._id, input.year),
      orgId: org._id,
      year: input.year,
      evaluation: input.evaluation,
      fiveStandards: input.fiveStandards,
      centralWork: input.centralWork,
      reverse: input.reverse,
      at: ctx.now,
    };
    await ctx.write(async (tx) => {
      await saveAssessment(after, tx);
      return {
        audit: { org, entity: 'fortressAssessments', entityId: after._id, before, after },
      };
    });
    return { orgId: org._id, year: input.year };
  },
});
