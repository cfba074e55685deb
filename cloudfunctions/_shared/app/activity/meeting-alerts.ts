import { activityContract } from '../../contracts/activity';
import type { ActivityOutput, RuleAlert } from '../../contracts/activity';
import { filingDeadline, filingOverdue } from '../../domain/activity/filing';
import { isImportant } from '../../domain/activity/record-rules';
import { settingOf } from '../../domain/org/settings';
import { localDate } from '../../domain/shared/time';
import { updateActivity } from '../../repos/activities';
import { action } from '../../runtime/handler';
import { AppError } from '../../runtime/errors';
import { branchYearActivities, complianceOf, isCounted } from './queries';
import { loadActivity } from './support';

type Row = RuleAlert & { activityId?: string };

/**
 * The record-keeping alerts of a branch's year, for its officers and its superior (soft rules:
 * they never refuse): records not finalised within the filing window [MTG-19]; important
 * resolutions not reported to the superior in time [MTG-23]; coming meetings the superior's
 * liaison may want to attend [MTG-24]; the 七一 lecture missing [MTG-06]; no lecture by the 党委书记
 * as the year closes [MTG-07]; the `jiaozuo` May self-check [MTG-40].
 */
export const meetingAlerts = action({
  input: activityContract.meetingAlerts.input,
  async run(ctx, input): Promise<ActivityOutput<'meetingAlerts'>> {
    const org = await ctx.require('activity.oversee', input.orgId);
    const data = await branchYearActivities(org._id, input.year);
    const now = ctx.now;
    const today = localDate(now);
    const days = settingOf(org, 'mtg.finaliseWithinDays');
    const reportDays = settingOf(org, 'mtg.reportImportantWithinDays');
    const out: Row[] = [];
    for (const a of data.activities) {
      const date = localDate(a.startAt);
      if (+new Date(a.endAt) < +now && filingOverdue(a, days, now))
        out.push({
          ruleId: 'MTG-19',
          level: 'warning',
          activityId: a._id,
          message: `${date}“${a.title}”已超过${days}天仍未完成纪实归档`,
        });
      if (
        a.record?.archived &&
        (a.record.items ?? []).some(isImportant) &&
        !a.reportedAt &&
        +now >= +filingDeadline(a, reportDays)
      )
        out.push({
          ruleId: 'MTG-23',
          level: 'warning',
          activityId: a._id,
          message: `${date}“${a.title}”的重要事项决议超过${reportDays}天尚未报上级党组织`,
        });
      if (a.liaisonTopics?.length && +new Date(a.startAt) > +now)
        out.push({
          ruleId: 'MTG-24',
          level: 'info',
          activityId: a._id,
          message: `${date}“${a.title}”议程涉及${a.liaisonTopics.join('、')}，上级党组织可视情派人列席`,
        });
    }
    const items = complianceOf(org, data, input.year, ctx);
    const julyFirst = items.find((i) => i.ruleId === 'MTG-06');
    if (julyFirst?.missing.length)
      out.push({
        ruleId: 'MTG-06',
        level: 'warning',
        message: `${input.year}年七一前后（6月15日至7月15日）未讲党课`,
      });
    const yearEnds = `${input.year}-12-01`;
    const bySecretary = data.activities.some(
      (a) =>
        a.type === 'partyLecture' &&
        a.lecturerKind === 'partyCommitteeSecretary' &&
        isCounted(a, data.byActivity.get(a._id) ?? []),
    );
    if (today >= yearEnds && !bySecretary)
      out.push({
        ruleId: 'MTG-07',
        level: today > `${input.year}-12-31` ? 'warning' : 'info',
        message: `${input.year}年尚无党委（党组）书记讲党课的记录，每年至少一次`,
      });
    if (org.profile === 'jiaozuo' && today.startsWith(`${input.year}-05`)) {
      const missing = items.reduce((n, i) => n + i.missing.length, 0);
      out.push({
        ruleId: 'MTG-40',
        level: 'info',
        message: `5月是“三会一课”规范月：请对照落实情况自查${
          missing ? `（目前缺${missing}项）` : ''
        }，5月31日前迎接观摩验收`,
      });
    }
    return out;
  },
});

/**
 * The secretary reports the record's resolutions to the superior (the 党员大会's report
 * afterwards, important matters promptly) [MTG-11, MTG-23]; reporting twice keeps the first date.
 */
export const reportToSuperior = action({
  input: activityContract.reportToSuperior.input,
  async run(ctx, input): Promise<ActivityOutput<'reportToSuperior'>> {
    const { activity, org } = await loadActivity(input.activityId);
    await ctx.require('activity.manage', org);
    if (!activity.record?.archived) throw new AppError('CONFLICT', '纪实归档后才能报上级党组织');
    if (activity.reportedAt)
      return { activityId: activity._id, reportedAt: new Date(activity.reportedAt).toISOString() };
    await ctx.write(async (tx) => {
      await updateActivity(activity._id, { reportedAt: ctx.now }, tx);
      return {
        audit: {
          org,
          entity: 'activities',
          entityId: activity._id,
          after: { reportedAt: ctx.now },
        },
      };
    });
    return { activityId: activity._id, reportedAt: ctx.now.toISOString() };
  },
});
