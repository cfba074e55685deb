import { activityContract } from '../../contracts/activity';
import type { ActivityOutput, ScheduleRule } from '../../contracts/activity';
import { hasCommittee } from '../../domain/activity/participants';
import { yearPlan } from '../../domain/activity/schedule';
import { settingOf } from '../../domain/org/settings';
import { checkActivityTimes } from '../../domain/activity/timing';
import { isProvisional } from '../../domain/activity/holidays';
import { planFilingWarnings } from '../../domain/activity/reschedule';
import { localDate, localInstant } from '../../domain/shared/time';
import { ActivityDoc, findPlan, insertNewActivities, savePlan } from '../../repos/activities';
import { listOrgMembers } from '../../repos/members';
import { OrgDoc, setOrgSetting, subtree } from '../../repos/orgs';
import type { Ctx } from '../../runtime/context';
import { AppError, orThrow } from '../../runtime/errors';
import { action } from '../../runtime/handler';
import { updateOrgSetting } from '../org/settings';
import { assertScheduleOpen, holidayCalendar } from './reschedule';
import { defaultRunners } from './scheduling';
import { newActivity } from './support';

const DEFAULT_RULE: ScheduleRule = { kind: 'firstFriday' };
const scheduleOf = (org: OrgDoc) =>
  (org.settings as { schedule?: ScheduleRule }).schedule ?? DEFAULT_RULE;

/**
 * The theme-day schedule rule of a branch [TD-02, TD-03]. The superior may set it for every
 * branch below at once and lock it there; a locked branch cannot change it [TD-05].
 */
export const setSchedule = action({
  input: activityContract.setSchedule.input,
  async run(ctx, input): Promise<ActivityOutput<'setSchedule'>> {
    if (input.allBranches || input.lock !== undefined) {
      await scheduleForBranches(ctx, input.orgId, input.rule, input.allBranches, input.lock);
      return { rule: input.rule };
    }
    const org = await ctx.require('activity.manage', input.orgId);
    await assertScheduleOpen(ctx, org);
    await updateOrgSetting(ctx, org, 'schedule', scheduleOf(org), input.rule);
    return { rule: input.rule };
  },
});

/** The superior's 统筹安排: one rule (and the lock, when given) on the org and every branch below it [TD-05]. */
async function scheduleForBranches(
  ctx: Ctx,
  orgId: string,
  rule: ScheduleRule,
  all: boolean | undefined,
  lock: boolean | undefined,
): Promise<void> {
  const root = await ctx.require('org.administer', orgId);
  const orgs = all ? (await subtree(root._id)).filter((o) => o.kind !== 'partyGroup') : [root];
  await ctx.write(async (tx) => {
    const audit = [];
    for (const org of orgs) {
      await setOrgSetting(org._id, 'schedule', rule, tx);
      if (lock !== undefined) await setOrgSetting(org._id, 'td.scheduleLockedBySuperior', lock, tx);
      audit.push({
        org,
        entity: 'orgs.settings.schedule',
        entityId: org._id,
        before: { rule: scheduleOf(org) },
        after: { rule, ...(lock !== undefined ? { locked: lock } : {}) },
      });
    }
    return { audit };
  });
}

/** The plan the rules propose for a branch's year, with holidays moved to working days [TD-04]. */
async function proposedPlan(org: OrgDoc, year: number) {
  const [members, cal] = await Promise.all([listOrgMembers(org._id), holidayCalendar(org, year)]);
  const committee = hasCommittee(members, org._id);
  return {
    items: yearPlan(
      year,
      scheduleOf(org),
      org.profile,
      org.category,
      committee,
      cal.calendar,
      settingOf(org, 'td.template') === 'retired' ? 'retired' : 'profile',
    ),
    provisional: isProvisional(year, cal.own ? cal.calendar : null),
  };
}

const firstThemeDay = (items: readonly { type: string; date: string }[]) =>
  items.filter((i) => i.type === 'themeDay').sort((a, b) => a.date.localeCompare(b.date))[0]
    ?.date ?? null;

/**
 * The year's plan: the published one for everyone of the branch; before it is published, the one
 * the rules propose, for those who plan [MTG-09]. For those who plan, a plan not filed (published)
 * before the year's first theme day is flagged [TD-06].
 */
export const plan = action({
  input: activityContract.plan.input,
  async run(ctx, input): Promise<ActivityOutput<'plan'>> {
    const org = await ctx.require('org.read', input.orgId);
    const rule = scheduleOf(org);
    const published = await findPlan(org._id, input.year);
    const manages = await ctx.may('activity.manage', org);
    const today = localDate(ctx.now);
    if (published) {
      const filedOn = localDate(published.filedAt ?? published.publishedAt);
      const alerts = manages
        ? planFilingWarnings(filedOn, firstThemeDay(published.items), today)
        : [];
      return { items: published.items, rule, profile: org.profile, published: true, alerts };
    }
    if (!manages) return { items: [], rule, profile: org.profile, published: false };
    const proposed = await proposedPlan(org, input.year);
    return {
      items: proposed.items,
      rule,
      profile: org.profile,
      published: false,
      alerts: planFilingWarnings(null, firstThemeDay(proposed.items), today),
      provisionalCalendar: proposed.provisional,
    };
  },
});

/**
 * Publishes the adjusted plan: every future item becomes an activity, created before it happens.
 * The first publication is the filing with the superior (备案) [TD-06]. While the superior has
 * locked the schedule, the theme days must stay on the days it gives [TD-05].
 */
export const publishPlan = action({
  input: activityContract.publishPlan.input,
  async run(ctx, input): Promise<ActivityOutput<'publishPlan'>> {
    const org = await ctx.require('activity.manage', input.orgId);
    if (settingOf(org, 'td.scheduleLockedBySuperior') && !(await ctx.may('org.administer', org))) {
      const days = new Set(
        (await proposedPlan(org, input.year)).items
          .filter((i) => i.type === 'themeDay')
          .map((i) => i.date),
      );
      if (input.items.some((i) => i.type === 'themeDay' && !days.has(i.date)))
        throw new AppError('ACTIVITY.SCHEDULE_LOCKED', undefined, { ruleId: 'TD-05' });
    }
    const docs: ActivityDoc[] = [];
    const roster = await listOrgMembers(org._id); // the 书记 hosts, the 组织委员 records [MTG-15, MTG-16]
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
        ...defaultRunners(roster, org._id, i.type),
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
      const earlier = await findPlan(org._id, input.year, tx);
      const filedAt = earlier?.filedAt ?? earlier?.publishedAt ?? ctx.now;
      const plan = {
        _id: planId,
        orgId: org._id,
        year: input.year,
        items,
        publishedAt: ctx.now,
        filedAt,
      };
      await savePlan(plan, tx);
      const after = { items: items.length, created: ids.length };
      return { audit: { org, entity: 'activityPlans', entityId: planId, after }, result: ids };
    });
    return { created };
  },
});
