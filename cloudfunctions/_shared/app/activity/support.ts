import { runsActivity } from '../../domain/activity/participants';
import { isSecretaryOf, type Permission } from '../../domain/org/policy';
import { ActivityBundle, activityBundle, ActivityDoc } from '../../repos/activities';
import { findMember } from '../../repos/members';
import type { OrgDoc } from '../../repos/orgs';
import type { Ctx } from '../../runtime/context';
import { notFound, orNotFound } from '../../runtime/errors';

/**
 * What the actions of app/activity share (not read by other areas: they use ./queries): loading an
 * activity with its branch in one request, and the one authorisation rule of running an activity.
 */

export type LoadedActivity = ActivityBundle & { org: OrgDoc };
type Include = Parameters<typeof activityBundle>[1];

/** An activity with its branch (and, as asked, its attendance and leave requests), or NOT_FOUND. */
export async function loadActivity(id: string, include?: Include): Promise<LoadedActivity> {
  const bundle = orNotFound(await activityBundle(id, include), '活动');
  if (!bundle.org) throw notFound('组织');
  return bundle as LoadedActivity;
}

/** Permissions a host or recorder holds on their own activity without a committee seat. */
export type RunnerPermission = Extract<
  Permission,
  'activity.manage' | 'attendance.correct' | 'leave.decide'
>;

/**
 * Loads an activity (as `loadActivity`) for running it: its host and its recorder may do it even
 * without the permission (the QR display, corrections, leave) [CHK-06, CHK-13, CHK-04]; anyone
 * else needs the permission on the branch. With a subject (the member whose attendance or leave
 * it is), never on one's own case, host or not [PRIV-21].
 */
export async function loadAsRunner(
  ctx: Ctx,
  permission: RunnerPermission,
  activityId: string,
  opts: { subject?: string; include?: Include } = {},
): Promise<LoadedActivity> {
  const loaded = await loadActivity(activityId, opts.include);
  const { subject } = opts;
  const { member } = await ctx.caller();
  if (runsActivity(loaded.activity, member._id) && subject !== member._id) {
    if (subject === undefined) return loaded;
    // The secretary's own case is not the host's to decide: it passes to the deputy, another
    // commissioner or the superior, as the policy says [PRIV-21].
    const target = await findMember(subject);
    if (!target || !isSecretaryOf(target.roles, loaded.org._id)) return loaded;
    await ctx.require(permission, loaded.org, { subject: target });
    return loaded;
  }
  await ctx.require(permission, loaded.org, subject === undefined ? {} : { subject });
  return loaded;
}

/** Whether the caller runs the activity (what a page offers them). */
export async function mayRun(
  ctx: Ctx,
  permission: RunnerPermission,
  activity: ActivityDoc,
  org: OrgDoc,
): Promise<boolean> {
  const { member } = await ctx.caller();
  return runsActivity(activity, member._id) || ctx.may(permission, org);
}

type NewActivity = Omit<
  ActivityDoc,
  'orgId' | 'status' | 'closedAt' | 'record' | 'amendments' | 'createdAt' | 'createdBy'
>;

/** A planned activity of the branch, as created by the caller now. */
export async function newActivity(
  ctx: Ctx,
  org: OrgDoc,
  fields: NewActivity,
): Promise<ActivityDoc> {
  const { member } = await ctx.caller();
  return {
    ...fields,
    orgId: org._id,
    status: 'planned',
    closedAt: null,
    record: null,
    amendments: [],
    createdAt: ctx.now,
    createdBy: member._id,
  };
}
