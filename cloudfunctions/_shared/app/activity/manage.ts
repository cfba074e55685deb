import { randomUUID } from 'crypto';
import { activityContract } from '../../contracts/activity';
import type { ActivityOutput } from '../../contracts/activity';
import { checkActivityTimes } from '../../domain/activity/timing';
import { checkGroup } from '../../domain/org/moves';
import { insertActivity, updateActivity } from '../../repos/activities';
import { findOrg } from '../../repos/orgs';
import { codePath } from '../media/paths';
import { listOrgMembers } from '../../repos/members';
import { action } from '../../runtime/handler';
import { AppError, orThrow } from '../../runtime/errors';
import { checkScheduling, defaultRunners } from './scheduling';
import { loadActivity, loadAsRunner, newActivity } from './support';

/**
 * Creates an activity before it happens. A record created after its scheduled end is refused
 * unless it is registered as late with a reason, marked as such everywhere and counted only
 * once the superior approves [MTG-17, MTG-18]. The host defaults to the 书记 (the group leader
 * for a 党小组会) and the recorder to the 组织委员; another host of an assembly or committee meeting
 * is a 支委 with the delegation recorded [MTG-14, MTG-15, MTG-16]. Agenda topics the superior sends
 * someone to are flagged to its liaison [MTG-24]. A large branch may hold a theme day or 党小组会
 * by 党小组 (`groupId`, one of the branch's groups): its members are the ones expected, and the
 * group's leader hosts a 党小组会 by default [TD-11, MTG-03].
 */
export const create = action({
  input: activityContract.create.input,
  async run(ctx, input): Promise<ActivityOutput<'create'>> {
    const org = await ctx.require('activity.manage', input.orgId);
    const startAt = new Date(input.startAt);
    const endAt = new Date(input.endAt);
    orThrow(checkActivityTimes(startAt, endAt, ctx.now));
    const late = +endAt < +ctx.now;
    if (late && !input.lateReason) {
      throw new AppError(
        'ACTIVITY.BACKFILL',
        '活动已结束，不能补录；确因断网等原因未能在线创建的，请填写补录理由并报上级审批',
        { ruleId: 'MTG-17' },
      );
    }
    if (input.groupId !== undefined) {
      if (input.type !== 'themeDay' && input.type !== 'groupMeeting') {
        throw new AppError('INPUT.INVALID', '只有主题党日和党小组会可以按党小组开展', {
          fields: ['groupId'],
          ruleId: 'TD-11',
        });
      }
      orThrow(checkGroup((await findOrg(input.groupId)) ?? undefined, org._id));
    }
    const roster = await listOrgMembers(org._id);
    const { member } = await ctx.caller();
    const groupRoster =
      input.groupId && input.type === 'groupMeeting'
        ? roster.filter((m) => m.groupId === input.groupId)
        : roster;
    const runners = defaultRunners(groupRoster, org._id, input.type);
    const hostId = input.hostId ?? runners.hostId ?? member._id;
    const { delegation, liaisonTopics, alerts } = checkScheduling(
      {
        type: input.type,
        title: input.title,
        agenda: input.agenda ?? [],
        startAt,
        hostId,
        hostChosen: !!input.hostId,
        delegationReason: input.delegationReason,
        topicAgreedBy: input.topicAgreedBy,
      },
      roster,
      org._id,
      { hostId: input.hostId, recorderId: input.recorderId, topicAgreedBy: input.topicAgreedBy },
      ctx.now,
      member._id,
    );
    const id = randomUUID().replace(/-/g, '');
    const doc = await newActivity(ctx, org, {
      _id: id,
      type: input.type,
      title: input.title,
      startAt,
      endAt,
      place: input.place ?? null,
      onlineUrl: input.onlineUrl ?? null,
      allowRemote: input.allowRemote ?? !!input.onlineUrl,
      agenda: input.agenda ?? [],
      hostId,
      recorderId: input.recorderId ?? runners.recorderId,
      lecturer: input.lecturer ?? null,
      lecturerKind: input.lecturerKind ?? null,
      delegation,
      topicAgreedBy: input.topicAgreedBy ?? null,
      liaisonTopics,
      guests: (input.guests ?? []).map((g) => ({ name: g.name, kind: g.kind ?? null })),
      geofence: input.geofence ?? null,
      lateRegistration: late ? { reason: input.lateReason as string, approved: false } : null,
      ...(input.groupId ? { groupId: input.groupId } : {}),
    });
    await ctx.write(async (tx) => {
      await insertActivity(doc, tx);
      const after = {
        type: input.type,
        title: input.title,
        startAt,
        endAt,
        ...(input.groupId ? { groupId: input.groupId } : {}),
      };
      return { audit: { org, entity: 'activities', entityId: id, after } };
    });
    return { id, alerts };
  },
});

/** A printed mini-program code that opens the activity's page; on its own it never signs anyone in. */
export const signinCode = action({
  input: activityContract.signinCode.input,
  async run(ctx, input): Promise<ActivityOutput<'signinCode'>> {
    const { activity } = await loadAsRunner(ctx, 'activity.manage', input.activityId);
    const page = 'subpackages/activity/detail/index';
    const scene = activity._id.slice(0, 32); // wxacode scene ≤ 32 characters
    const image = await ctx.ports.codeImages.unlimited(scene, page);
    const fileId = await ctx.ports.files.put(
      codePath(activity.orgId, activity._id, 'activity.png'),
      image,
    );
    return { fileId, scene, page };
  },
});

/** The superior approves (or refuses) a late registration [MTG-18]. */
export const approveLateRegistration = action({
  input: activityContract.approveLateRegistration.input,
  async run(ctx, input): Promise<ActivityOutput<'approveLateRegistration'>> {
    const { activity, org } = await loadActivity(input.activityId);
    await ctx.require('activity.approveLate', org);
    if (!activity.lateRegistration) throw new AppError('CONFLICT', '该活动不是补录的活动');
    const after = { ...activity.lateRegistration, approved: input.approve };
    await ctx.write(async (tx) => {
      await updateActivity(activity._id, { lateRegistration: after }, tx);
      const before = activity.lateRegistration;
      return { audit: { org, entity: 'activities', entityId: activity._id, before, after } };
    });
    return { activityId: activity._id, approved: input.approve };
  },
});
