import { activityContract } from '../../contracts/activity';
import type { ActivityOutput } from '../../contracts/activity';
import { calendarFor, HolidayCalendar } from '../../domain/activity/holidays';
import { rescheduleWarnings } from '../../domain/activity/reschedule';
import { checkActivityTimes } from '../../domain/activity/timing';
import { settingOf } from '../../domain/org/settings';
import { localDate } from '../../domain/shared/time';
import { updateActivity } from '../../repos/activities';
import { calendarOf, findCalendar, saveCalendar } from '../../repos/calendars';
import type { OrgDoc } from '../../repos/orgs';
import type { Ctx } from '../../runtime/context';
import { AppError, orThrow } from '../../runtime/errors';
import { action } from '../../runtime/handler';
import { loadActivity } from './support';

/**
 * While the superior has fixed the theme-day schedule for its branches, only a superior
 * administrator changes it [TD-05].
 */
export async function assertScheduleOpen(ctx: Ctx, org: OrgDoc): Promise<void> {
  if (!settingOf(org, 'td.scheduleLockedBySuperior')) return;
  if (await ctx.may('org.administer', org)) return;
  throw new AppError('ACTIVITY.SCHEDULE_LOCKED', undefined, { ruleId: 'TD-05' });
}

/** The holiday calendar in force for an org's year: its own or its committee's, else the national one. */
export async function holidayCalendar(
  org: OrgDoc,
  year: number,
): Promise<{ calendar: HolidayCalendar; own: boolean }> {
  const own = await calendarOf(org, year);
  return { calendar: calendarFor(year, own), own: !!own };
}

/**
 * Moves a planned activity ("相对固定"), with the reason recorded on it and in the audit log. A
 * theme day moved out of its scheduled month goes through, with the warning that the month is
 * still without one (compliance counts it where it is held); a holiday gets a working day
 * suggested [TD-04]. While the superior has locked the schedule, a branch cannot move a theme
 * day [TD-05].
 */
export const reschedule = action({
  input: activityContract.reschedule.input,
  async run(ctx, input): Promise<ActivityOutput<'reschedule'>> {
    const { activity, org } = await loadActivity(input.activityId);
    await ctx.require('activity.manage', org);
    if (activity.status === 'closed') throw new AppError('CONFLICT', '活动已经结束，不能再改期');
    if (activity.type === 'themeDay') await assertScheduleOpen(ctx, org);
    const startAt = new Date(input.startAt);
    const endAt = new Date(input.endAt);
    orThrow(checkActivityTimes(startAt, endAt, ctx.now));
    if (+endAt < +ctx.now)
      throw new AppError('ACTIVITY.BACKFILL', '不能改到已经过去的时间', { ruleId: 'MTG-17' });
    const { member } = await ctx.caller();
    const moves = activity.reschedules ?? [];
    const scheduled = moves[0]?.from ?? activity.startAt;
    const { calendar } = await holidayCalendar(org, Number(localDate(startAt).slice(0, 4)));
    const warnings = rescheduleWarnings(activity.type, scheduled, startAt, calendar);
    const move = {
      from: activity.startAt,
      to: startAt,
      reason: input.reason,
      at: ctx.now,
      by: member._id,
    };
    await ctx.write(async (tx) => {
      await updateActivity(activity._id, { startAt, endAt, reschedules: [...moves, move] }, tx);
      return {
        audit: {
          org,
          entity: 'activities',
          entityId: activity._id,
          before: { startAt: activity.startAt, endAt: activity.endAt },
          after: { startAt, endAt },
          reason: input.reason,
        },
      };
    });
    return {
      activityId: activity._id,
      startAt: startAt.toISOString(),
      endAt: endAt.toISOString(),
      warnings,
    };
  },
});

/**
 * A committee (or a branch) enters the year's holiday calendar as announced: 放假 days and the
 * 调休 working weekends; every org below uses the nearest one, and the national calendar built in
 * where none is entered [TD-04].
 */
export const setHolidays = action({
  input: activityContract.setHolidays.input,
  async run(ctx, input): Promise<ActivityOutput<'setHolidays'>> {
    const org = await ctx.require('org.configure', input.orgId);
    const outside = [...input.holidays, ...input.workdays].find(
      (d) => Number(d.slice(0, 4)) !== input.year,
    );
    if (outside)
      throw new AppError('INPUT.INVALID', `${outside}不是${input.year}年的日期`, {
        fields: ['holidays'],
      });
    const { member } = await ctx.caller();
    const holidays = [...new Set(input.holidays)].sort();
    const workdays = [...new Set(input.workdays)].sort();
    await ctx.write(async (tx) => {
      const before = await findCalendar(org._id, input.year, tx);
      await saveCalendar(
        {
          _id: `${org._id}:${input.year}`,
          orgId: org._id,
          year: input.year,
          holidays,
          workdays,
          updatedAt: ctx.now,
          updatedBy: member._id,
        },
        tx,
      );
      return {
        audit: {
          org,
          entity: 'holidayCalendars',
          entityId: `${org._id}:${input.year}`,
          before: before ? { holidays: before.holidays, workdays: before.workdays } : null,
          after: { holidays, workdays },
          reason: input.reason,
        },
      };
    });
    return {
      orgId: org._id,
      year: input.year,
      holidays: holidays.length,
      workdays: workdays.length,
    };
  },
});
