import { warningKey } from '../../domain/activity/absence';
import { arrearsRule } from '../../domain/org/branch-alerts';
import type { MemberDoc } from '../../repos/members';
import type { OrgDoc } from '../../repos/orgs';
import type { Ctx } from '../../runtime/context';
import type { Audiences, Recipient } from './audience';
import { Outbox, PAGES } from './outbox';
import { earlyWarnings, ScanFacts } from './scan';

const self = (m: MemberDoc | undefined): Recipient[] =>
  m?.openid ? [{ _id: m._id, openid: m.openid }] : [];

/**
 * The alerts about one member: the early warning of theme-day absences, to the member and to the
 * secretary (suggesting a 谈心谈话) [TD-23]; months of dues owed, to the member, and to the dues
 * keeper as a count only — nobody else hears of anyone's arrears [FEE-23, FEE-24]. From the facts
 * read for every branch at once; a kind that could not be read sends nothing.
 */
export function memberAlerts(
  ctx: Ctx,
  org: OrgDoc,
  facts: ScanFacts,
  who: Audiences,
  out: Outbox,
): void {
  const warnings = earlyWarnings(org, facts, ctx.now) ?? [];
  const arrears = facts.arrears?.get(org._id) ?? [];
  if (!warnings.length && !arrears.length) return;
  const roster = new Map((facts.rosters?.get(org._id) ?? []).map((m) => [m._id, m]));

  const officers = who.of(org, ['officers']);
  for (const w of warnings) {
    const key = warningKey(w);
    if (!key) continue;
    const what =
      w.kind === 'consecutiveWarning'
        ? `连续${w.count}次未参加主题党日`
        : `今年已${w.count}次未参加主题党日`;
    out.add('TD-23', `${key}:member`, self(roster.get(w.memberId)), PAGES.activities, {
      what: `您${what}`,
      org: org.name,
      hint: '请按时参加，有事提前请假',
    });
    const others = officers.filter((o) => o._id !== w.memberId);
    out.add('TD-23', `${key}:officer`, others, PAGES.compliance, {
      what: `${w.name}${what}`,
      org: org.name,
      hint: '建议及时谈心谈话，了解情况',
    });
  }

  const newest = (months: readonly string[]) => months[months.length - 1];
  for (const a of arrears) {
    const rule = arrearsRule(a);
    out.add(
      rule,
      `${a.memberId}:${newest(a.unpaidMonths)}`,
      self(roster.get(a.memberId)),
      PAGES.duesMine,
      {
        what:
          rule === 'FEE-23'
            ? `已连续${a.consecutiveUnpaid}个月未交纳党费`
            : `有${a.unpaidMonths.length}个月党费未交清`,
        org: org.name,
        hint: rule === 'FEE-23' ? '请尽快交纳，或向支部说明情况' : '请及时交纳党费',
      },
    );
  }
  const keepers = who.of(org, ['duesManager']);
  const latest = arrears
    .flatMap((a) => a.unpaidMonths)
    .sort()
    .at(-1);
  const longRun = arrears.filter((a) => arrearsRule(a) === 'FEE-23');
  if (latest) {
    out.add('FEE-24', `${org._id}:keeper:${latest}`, keepers, PAGES.duesCollect, {
      what: `${arrears.length}名党员党费未交清`,
      org: org.name,
      hint: '请核实情况，提醒及时交纳',
    });
  }
  if (longRun.length && latest)
    out.add('FEE-23', `${org._id}:keeper:${latest}`, keepers, PAGES.duesCollect, {
      what: `${longRun.length}名党员连续6个月未交党费`,
      org: org.name,
      hint: '请了解有无正当理由，不自动处理',
    });
}
