import { termStage, missingThemeDayMonth, staleAudience } from '../../domain/org/branch-alerts';
import { inactivityKey } from '../../domain/activity/inactivity';
import { isBranchKind } from '../../domain/org/model';
import { termAlerts, termEnd } from '../../domain/org/term';
import { staleness } from '../../domain/notice/disclosure';
import { localDate } from '../../domain/shared/time';
import { everyOrg } from '../../repos/alert-scan';
import { listRoleHolders } from '../../repos/members';
import type { OrgDoc } from '../../repos/orgs';
import type { Ctx } from '../../runtime/context';
import { Audiences } from './audience';
import { memberAlerts } from './member-alerts';
import { AlertRun, emptyRun, Outbox, PAGES, WORK_ALERT } from './outbox';
import { missingThemeDays, ScanFacts, scanFacts } from './scan';

export type { AlertRun } from './outbox';

/** 2027-06-01 → 2027年6月1日 (a date the way a secretary writes it). */
const chineseDate = (d: string) =>
  `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8))}日`;

/**
 * The daily run of the alerts the rules name, sent as 工作提醒 to the people who must act, with
 * their consent and at most once each [PRIV-10]: 换届 and 超任期 (the branch and its superior)
 * [ORG-19, ORG-22]; a month without a theme day (the branch and its superior) [TD-01]; the early
 * warning of theme-day absences (the member and the secretary) [TD-23]; arrears (the member and
 * the dues keeper only) [FEE-23, FEE-24]; inactivity (the superior and the branch) [FORT-22]; a
 * stale 公开栏 (the maintainer; at 60 days the secretary and the superior) [DIS-07]. The pages
 * keep showing each alert; this only sends it. One org's failure does not stop the others.
 *
 * The reads do not grow with the number of branches: the tree, its role holders and each kind of
 * fact for every branch at once (`scanFacts`), then every alert computed per org without I/O;
 * only the sends (claim, grant, send per message due) scale, with the messages.
 */
export async function sendWorkAlerts(ctx: Ctx): Promise<AlertRun> {
  if (!ctx.ports.templateId(WORK_ALERT)) return emptyRun();
  const orgs = await everyOrg();
  const [holders, facts] = await Promise.all([
    orgs.length ? listRoleHolders(orgs.map((o) => o._id)) : [],
    scanFacts(ctx, orgs),
  ]);
  const who = new Audiences(holders);
  const out = new Outbox(ctx.now);
  for (const org of orgs) {
    try {
      orgAlerts(ctx, org, facts, who, out);
      if (isBranchKind(org.kind)) memberAlerts(ctx, org, facts, who, out);
    } catch (e) {
      console.error(`[${ctx.fn}] alerts of ${org._id} failed`, e);
    }
  }
  return out.send(ctx);
}

function orgAlerts(ctx: Ctx, org: OrgDoc, facts: ScanFacts, who: Audiences, out: Outbox): void {
  const today = localDate(ctx.now);
  const end = termEnd(org.termStart, org.termYears);
  const term = termAlerts(org.kind, end, today)[0];
  const stage = term && termStage(end, today);
  if (stage) {
    const over = stage.ruleId === 'ORG-22';
    out.add(
      stage.ruleId,
      `${org._id}:${end}:${stage.stage}`,
      who.of(org, ['officers', 'superior']),
      PAGES.home,
      {
        what: over ? `任期已于${chineseDate(end)}届满` : `任期将于${chineseDate(end)}届满`,
        org: org.name,
        hint: over ? '尚未换届，请尽快组织换届' : '请提前做好换届准备',
      },
    );
  }
  if (!isBranchKind(org.kind)) return;

  const missing = missingThemeDays(org, facts, ctx);
  const missed = missing && missingThemeDayMonth(today, missing);
  if (missed)
    out.add(
      'TD-01',
      `${org._id}:${missed}`,
      who.of(org, ['officers', 'superior']),
      PAGES.compliance,
      {
        what: `${Number(missed.slice(5))}月未开展主题党日`,
        org: org.name,
        hint: '请尽快补开并录入活动记录',
      },
    );

  const quiet = facts.quiet?.get(org._id);
  if (quiet?.inactive)
    out.add(
      'FORT-22',
      inactivityKey(org._id, quiet),
      who.of(org, ['superior', 'officers']),
      PAGES.compliance,
      {
        what: quiet.message!,
        org: org.name,
        hint: '请按时开展组织生活并录入记录',
      },
    );

  if (!facts.published) return;
  // A branch that never published counts from its set-up, so a new branch is not alerted at once.
  const published = facts.published.get(org._id) ?? null;
  const last = published ?? new Date(org.createdAt);
  const stale = staleness(last, ctx.now);
  const to = who.of(org, staleAudience(stale.level));
  if (to.length)
    out.add('DIS-07', `${org._id}:${localDate(last)}:${stale.level}`, to, PAGES.notices, {
      what: published ? `党务公开已${stale.days}天未更新` : '尚未发布党务公开内容',
      org: org.name,
      hint: '请及时更新公开栏内容',
    });
}
