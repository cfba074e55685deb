import { orgContract, OrgOutput, OrgTreeNode } from '../../contracts/org';
import type { Inactivity } from '../../domain/activity/inactivity';
import { branchAlerts } from '../../domain/org/alerts';
import { recentInactivityOfBranches } from '../activity/inactivity';
import { committeeAlerts, CommitteeMember } from '../../domain/org/committee-alerts';
import { administeredOrgs, committeeSeats } from '../../domain/org/committee';
import {
  emptyProgress,
  emptyRoom,
  fiveStandardsAlerts,
  FIVE_STATUSES,
  roomAlerts,
  statusOf,
} from '../../domain/org/five-standards';
import { COMMITTEE_ROLES, isBranchKind } from '../../domain/org/model';
import { settingOf } from '../../domain/org/settings';
import { jointBranchAlerts, liaisonAlerts, sizeAlerts } from '../../domain/org/structure-alerts';
import { termAlerts, termEnd } from '../../domain/org/term';
import { localDate } from '../../domain/shared/time';
import { fiveStandardsUpTo } from '../../repos/five-standards';
import { countByStatusIn, listRoleHolders, MemberDoc, memberNames } from '../../repos/members';
import { OrgDoc, subtree } from '../../repos/orgs';
import { action } from '../../runtime/handler';
import { forbidden } from '../../runtime/errors';

/** The 支委 of one org with their roles, 分工, status and 入党 date [ORG-14, ORG-17]. */
export function committeeOf(holders: readonly MemberDoc[], orgId: string): CommitteeMember[] {
  return holders.flatMap((m) => {
    const roles = m.roles.filter((r) => r.orgId === orgId).map((r) => r.role);
    if (!roles.some((r) => COMMITTEE_ROLES.includes(r))) return [];
    const duty = m.duties?.[orgId] ?? null;
    return [{ name: m.name, roles, duty, status: m.status, joinedAt: m.joinedAt }];
  });
}

/** A branch without organisational life for `fort.inactiveDays` turns yellow [FORT-22]. */
const inactivityAlerts = (i: Inactivity | undefined) =>
  i?.inactive && i.message
    ? [{ ruleId: i.ruleId, level: 'warning' as const, message: `${i.message}，请督促开展` }]
    : [];

/** The superior's view: every org below, with member counts and the ORG alerts. */
export const orgTree = action({
  input: orgContract.orgTree.input,
  async run(ctx, input): Promise<OrgOutput<'orgTree'>> {
    const { member } = await ctx.caller();
    const rootId = input.orgId ?? administeredOrgs(member.roles)[0];
    if (!rootId) throw forbidden('只有上级党组织管理员可以查看组织架构');
    await ctx.require('org.administer', rootId);
    const orgs = await subtree(rootId);
    const ids = orgs.map((o) => o._id);
    const today = localDate(ctx.now);
    const year = Number(today.slice(0, 4));
    const [counts, holders, fives, quiet] = await Promise.all([
      countByStatusIn(ids),
      listRoleHolders(ids),
      fiveStandardsUpTo(ids, year),
      recentInactivityOfBranches(orgs, ctx.now),
    ]);
    const liaisonIds = [...new Set(orgs.map((o) => o.liaisonId).filter((x): x is string => !!x))];
    const names = liaisonIds.length ? await memberNames(liaisonIds) : new Map<string, string>();
    const committees = committeeSeats(holders);
    const totalOf = (o: OrgDoc) =>
      orgs
        .filter((x) => x._id === o._id || x.ancestors.includes(o._id))
        .reduce((n, x) => {
          const c = counts.get(x._id);
          return n + (c ? c.full + c.probationary : 0);
        }, 0);
    const nodes = new Map<string, OrgTreeNode>();
    for (const o of orgs) {
      const c = counts.get(o._id) ?? { full: 0, probationary: 0 };
      const seats = committees.get(o._id) ?? { size: 0, hasSecretary: false };
      const end = o.termStart ? termEnd(o.termStart, o.termYears) : null;
      const records = fives.filter((f) => f.orgId === o._id);
      const status = statusOf(year, records);
      const own = records.find((r) => r.year === year);
      const unlinkedAdmins = holders
        .filter((h) => h.roles.some((r) => r.orgId === o._id && r.role === 'superiorAdmin'))
        .filter((h) => !orgs.some((x) => x.liaisonId === h._id))
        .map((h) => h.name);
      nodes.set(o._id, {
        id: o._id,
        name: o.name,
        kind: o.kind,
        category: o.category,
        profile: o.profile,
        members: { ...c, total: c.full + c.probationary },
        committeeSize: seats.size,
        termEnd: end,
        units: o.units ?? null,
        liaison: o.liaisonId ? { id: o.liaisonId, name: names.get(o.liaisonId) ?? '' } : null,
        fiveStandards: FIVE_STATUSES[status],
        alerts: [
          ...branchAlerts({
            kind: o.kind,
            fullMembers: c.full,
            probationaryMembers: c.probationary,
            committeeSize: seats.size,
            hasSecretary: seats.hasSecretary,
          }),
          ...(isBranchKind(o.kind)
            ? committeeAlerts({
                fullMembers: c.full,
                members: committeeOf(holders, o._id),
                vacancies: o.vacancies ?? {},
                today,
                vacancyAlertDays: settingOf(o, 'org.vacancyAlertDays'),
              })
            : []),
          ...sizeAlerts({
            kind: o.kind,
            sector: o.category,
            members: totalOf(o),
            smallApproved: settingOf(
              o,
              o.kind === 'baseCommittee'
                ? 'org.committeeSizeApproved'
                : 'org.generalBranchSizeApproved',
            ),
            delegateCongress: settingOf(o, 'org.delegateCongress'),
          }),
          ...jointBranchAlerts(o.kind, o.units),
          ...liaisonAlerts(o.kind, o.liaisonId, unlinkedAdmins),
          ...termAlerts(o.kind, end, today, o.approvedElection?.date),
          ...(isBranchKind(o.kind)
            ? [
                ...fiveStandardsAlerts({
                  year,
                  status,
                  foundedOn: localDate(o.createdAt),
                  progress: own?.progress ?? emptyProgress(),
                  today,
                }),
                ...roomAlerts(o.room ?? emptyRoom(), o.profile),
                ...inactivityAlerts(quiet.get(o._id)),
              ]
            : []),
        ],
        children: [],
      });
    }
    for (const o of orgs)
      if (o._id !== rootId && o.parentId) nodes.get(o.parentId)?.children.push(nodes.get(o._id)!);
    return nodes.get(rootId)!;
  },
});
