import { activityContract } from '../../contracts/activity';
import type { ActivityOutput, ScheduleRule } from '../../contracts/activity';
import { hasCommittee } from '../../domain/activity/participants';
import { yearPlan } from '../../domain/activity/schedule';
import { checkActivityTimes } from '../../domain/activity/timing';
import { localInstant } from '../../domain/shared/time';
import { ActivityDoc, findPlan, insertNewActivities, savePlan } from '../../repos/activities';
import { listOrgMembers } from '../../repos/members';
import { OrgDoc } from '../../repos/orgs';
import { orThrow } from '../../runtime/errors';
import { action } from '../../runtime/handler';
import { updateOrgSetting } from '../org/settings';
import { newActivity } from './support';

const DEFAULT_RULE: ScheduleRule = { kind: 'firstFriday' };
const scheduleOf = (org: OrgDoc) =>
  (org.settings as { schedule?: ScheduleRule }).schedule ?? DEFAULT_RULE;

/** The theme-day schedule rule of a branch [TD-02, TD-03]. */
export const setSchedule = action({
  input: activityContract.setSchedule.input,
  async run(ctx, input): Promise<ActivityOutput<'setSchedule'>> {
    const org = await ctx.require('activity.manage', input.orgId);
    await updateOrgSetting(ctx, org, 'schedule', scheduleOf(org), input.rule);
    return { rule: input.rule };
  },
});

/**
 * The year's plan: the published one for everyone of the branch; before it is published, the one
 * the rules propose, for those who plan [MTG-09, TD-06].
 */
export const plan = action({
  input: activityContract.plan.input,
  async run(ctx, input): Promise<ActivityOutput<'plan'>> {
    const org = await ctx.require('org.read', input.orgId);
    const rule = scheduleOf(org);
    const published = await findPlan(org._id, input.year);
    if (published) return { items: published.items, rule, profile: org.profile, published: true };
    if (!(await ctx.may('activity.manage', org)))
      return { items: [], rule, profile: org.profile, published: false };
    const committee = hasCommittee(await listOrgMembers(org._id), org._id);
    return {
      items: yearPlan(input.year, rule, org.profile, org.category, committee),
      rule,
      profile: org.profile,
      published: false,
    };
  },
});

/** Publishes the adjusted plan: every future item becomes an activity, created before it happens. */
export const publishPlan = action({
  input: activityContract.publishPlan.input,
  async run(ctx, input): Promise<ActivityOutput<'publishPlan'>> {
    const org = await ctx.require('activity.manage', input.orgId);
    const docs: ActivityDoc[] = [];
    const items = input.items.map((i) => ({
      ...i,
      startTime: i.startTime ?? '15:00',
      endTime: i.endTime ?? '17:00',
      agenda: i.agenda ?? [],
      ruleId: '',
    }));
    // Every item to be created lies within about a year of now, checked before anything is written.
    for (const i of items) {
      const startAt = localInstant(i.date, i.startTime);
      const endAt = localInstant(i.date, i.endTime);
      if (+endAt > +startAt && +endAt >= +ctx.now)
        orThrow(checkActivityTimes(startAt, endAt, ctx.now));
    }
    for (const i of items) {
      const startAt = localInstant(i.date, i.startTime);
      const endAt = localInstant(i.date, i.endTime);
      if (+endAt <= +startAt || +endAt < +ctx.now) continue; // past items cannot be created afterwards [MTG-17]
      const id = `${org._id}-${i.date}-${i.type}`;
      const doc = await newActivity(ctx, org, {
        _id: id,
        type: i.type,
        title: i.title,
        startAt,
        endAt,
        place: null,
        onlineUrl: null,
        allowRemote: false,
        agenda: i.agenda,
        hostId: null,
        recorderId: null,
        lecturer: null,
        guests: [],
        geofence: null,
        lateRegistration: null,
      });
      docs.push(doc);
    }
    const planId = `${org._id}:${input.year}`;
    // The plan, its new activities and its entry land together [PRIV-06].
    const created = await ctx.write(async (tx) => {
      const ids = await insertNewActivities(docs, tx); // those published before stay as they are
      const plan = { _id: planId, orgId: org._id, year: input.year, items, publishedAt: ctx.now };
      await savePlan(plan, tx);
      const after = { items: items.length, created: ids.length };
      return { audit: { org, entity: 'activityPlans', entityId: planId, after }, result: ids };
    });
    return { created };
  },
});
