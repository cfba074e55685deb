import { activityContract } from '../../contracts/activity';
import type { ActivityOutput } from '../../contracts/activity';
import { ActivityDoc, updateActivity } from '../../repos/activities';
import { listOrgMembers } from '../../repos/members';
import { action } from '../../runtime/handler';
import { AppError } from '../../runtime/errors';
import { checkScheduling } from './scheduling';
import { loadActivity } from './support';

type Patch = Partial<Omit<ActivityDoc, '_id' | 'orgId' | 'status' | 'closedAt'>>;
const FIELDS = [
  'title',
  'place',
  'onlineUrl',
  'agenda',
  'hostId',
  'recorderId',
  'lecturer',
] as const;

/**
 * Sets what a planned activity lacks or changes it before its record is archived: host and
 * recorder (those published from the year plan start with the defaults or none), title, place,
 * agenda, lecturer. The host of an assembly or committee meeting is the 书记 or a 支委 by recorded
 * delegation [MTG-15, MTG-16]; new agenda topics are flagged to the superior's liaison [MTG-24].
 * Audited with the values before and after.
 */
export const update = action({
  input: activityContract.update.input,
  async run(ctx, input): Promise<ActivityOutput<'update'>> {
    const { activity, org } = await loadActivity(input.activityId);
    await ctx.require('activity.manage', org);
    if (activity.record?.archived)
      throw new AppError(
        'RECORD.ARCHIVED',
        '纪实已归档，活动信息不能再改；如需更正，请在纪实中说明理由后附加更正',
        { ruleId: 'MTG-20' },
      );
    const roster = await listOrgMembers(org._id);
    const { member } = await ctx.caller();
    const patch: Patch = {};
    for (const f of FIELDS)
      if (input[f] !== undefined) (patch as Record<string, unknown>)[f] = input[f];
    if (input.lecturerKind !== undefined) patch.lecturerKind = input.lecturerKind;
    if (input.topicAgreedBy !== undefined) patch.topicAgreedBy = input.topicAgreedBy;
    const merged = { ...activity, ...patch };
    const { delegation, liaisonTopics, alerts } = checkScheduling(
      {
        type: activity.type,
        title: merged.title,
        agenda: merged.agenda,
        startAt: new Date(activity.startAt),
        hostId: merged.hostId,
        hostChosen: input.hostId !== undefined,
        delegationReason: input.delegationReason,
        topicAgreedBy: merged.topicAgreedBy ?? null,
      },
      roster,
      org._id,
      { hostId: input.hostId, recorderId: input.recorderId, topicAgreedBy: input.topicAgreedBy },
      ctx.now,
      member._id,
    );
    if (input.hostId !== undefined) patch.delegation = delegation;
    if (input.title !== undefined || input.agenda !== undefined)
      patch.liaisonTopics = liaisonTopics;
    if (!Object.keys(patch).length) throw new AppError('INPUT.INVALID', '请填写要修改的内容');
    const before = Object.fromEntries(
      Object.keys(patch).map((k) => [
        k,
        (activity as unknown as Record<string, unknown>)[k] ?? null,
      ]),
    );
    await ctx.write(async (tx) => {
      await updateActivity(activity._id, patch, tx);
      return { audit: { org, entity: 'activities', entityId: activity._id, before, after: patch } };
    });
    return { activityId: activity._id, alerts };
  },
});
