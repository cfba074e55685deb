import { pointsContract } from '../../contracts/points';
import type { PioneerIndexOut } from '../../contracts/points';
import { absenceFlags } from '../../domain/activity/absence';
import { fortressIndex } from '../../domain/points/fortress';
import { pioneerIndex, rank } from '../../domain/points/pioneer';
import { COMMITTEE_ROLES } from '../../domain/org/model';
import { termAlerts, termEnd } from '../../domain/org/term';
import { localDate, localMonth } from '../../domain/shared/time';
import type { AttendanceStatus } from '../../contracts/activity';
import { db, findById, getAll } from '../../repos/db';
import { findMember, listOrgMembers } from '../../repos/members';
import { action } from '../../runtime/handler';
import { complianceOf, counted as countsTowards, load, yearRange } from '../activity/oversight';
import { updateOrgSetting } from '../org/settings';
import { duesCompletion } from '../dues/dues';
import { disclosureMonths } from '../notice/notices';
import { AppError, forbidden, notFound } from '../../runtime/errors';
import { isCommittee } from '../../domain/org/access';
import { findOrg } from '../../repos/orgs';
import { loadBranchYear, memberFacts, standardFor } from './facts';
import { assertPointsOn, pointsOrg } from './ledger';

const months = (year: number) =>
  Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

/**
 * 我的先锋指数: total, categories, every entry with its source, the monthly trend. A member sees
 * their own; the committee anyone's in the branch [PTS-21]. The rank only where the branch shows
 * members their own rank [PTS-22].
 */
export const index = action({
  input: pointsContract.index.input,
  access: 'member',
  async run(ctx, input): Promise<PioneerIndexOut> {
    const { member: caller } = await ctx.caller();
    const target =
      input.memberId && input.memberId !== caller._id ? await findMember(input.memberId) : caller;
    if (!target) throw notFound('党员');
    const org = await pointsOrg(target.orgId);
    const committee =
      isCommittee(caller.roles, { id: org._id, kind: org.kind, ancestors: org.ancestors }) ||
      caller.roles.some((r) => r.orgId === org._id && r.role === 'scorer');
    if (target._id !== caller._id && !committee) throw forbidden('只能查看本人的先锋指数');
    const [data, std] = await Promise.all([
      loadBranchYear(org._id, input.year, target._id),
      standardFor(org._id, input.year),
    ]);
    const result = pioneerIndex(memberFacts(target, data, ctx.now), std.items, input.year);
    const now = localMonth(ctx.now);
    const trend = months(input.year)
      .filter((m) => m <= now)
      .map((m) => ({
        month: m,
        total: pioneerIndex(memberFacts(target, data, ctx.now, m), std.items, input.year).total,
      }));
    const pubs = await getAll<{ appealUntil: Date; quarter: string }>(
      db.collection('pointPublications').where({ orgId: org._id }).orderBy('_id', 'asc'),
    );
    const open = pubs
      .map((p) => new Date(p.appealUntil))
      .filter((d) => +d >= +ctx.now)
      .sort((a, b) => +b - +a)[0];
    let rankNo: number | undefined;
    if ((committee || org.settings.membersSeeRanking) && !target.exempt) {
      rankNo = (await branchRanking(org._id, input.year, ctx.now)).find(
        (r) => r.memberId === target._id,
      )?.rank;
    }
    return {
      memberId: target._id,
      name: target.name,
      year: input.year,
      total: result.total,
      byCategory: result.byCategory,
      base: result.base,
      add: result.add,
      deduct: result.deduct,
      entries: result.entries,
      trend,
      vetoed: result.vetoed,
      exempt: result.exempt,
      ...(rankNo ? { rank: rankNo } : {}),
      appealOpenUntil: open ? open.toISOString() : null,
      appealQuarters: pubs
        .filter((p) => +new Date(p.appealUntil) >= +ctx.now)
        .map((p) => p.quarter),
    };
  },
});

export async function branchRanking(orgId: string, year: number, now: Date) {
  const [members, data, std] = await Promise.all([
    listOrgMembers(orgId),
    loadBranchYear(orgId, year),
    standardFor(orgId, year),
  ]);
  const themeDays = data.activities
    .filter((a) => a.type === 'themeDay')
    .sort((a, b) => +a.startAt - +b.startAt);
  const statuses = new Map<string, Map<string, AttendanceStatus>>();
  for (const [memberId, rs] of data.attendance)
    statuses.set(memberId, new Map(rs.map((r) => [r.activityId, r.status])));
  const flagged = new Set(
    absenceFlags(
      themeDays.map((a) => a._id),
      statuses,
    ).map((f) => f.memberId),
  );
  const names = new Map(members.map((m) => [m._id, m.name]));
  const rows = members
    .filter((m) => !m.exempt) // exempt members are not ranked [PTS-02]
    .map((m) => {
      const r = pioneerIndex(memberFacts(m, data, now), std.items, year);
      return {
        memberId: m._id,
        total: r.total ?? 0,
        vetoed: r.vetoed,
        deduct: r.deduct,
        flagged: flagged.has(m._id),
      };
    });
  return rank(rows).map((r) => ({
    memberId: r.memberId,
    name: names.get(r.memberId) ?? '',
    total: r.total,
    rank: r.rank,
    candidate: r.candidate,
    needsTalk: r.needsTalk,
    vetoed: r.vetoed,
  }));
}

/** The branch ranking: the committee always; members only where the branch turns it on [PTS-22, PRIV-09]. */
export const ranking = action({
  input: pointsContract.ranking.input,
  access: 'member',
  async run(ctx, input) {
    const { member } = await ctx.caller();
    const org = await pointsOrg(input.orgId);
    const node = { id: org._id, kind: org.kind, ancestors: org.ancestors };
    const allowed =
      isCommittee(member.roles, node) ||
      member.roles.some((r) => r.orgId === org._id && r.role === 'scorer') ||
      (member.orgId === org._id && org.settings.membersSeeRanking);
    if (!allowed) throw forbidden('本支部未向党员公开积分排名');
    return branchRanking(org._id, input.year, ctx.now);
  },
});

export const setRankingVisibility = action({
  input: pointsContract.setRankingVisibility.input,
  access: 'member',
  async run(ctx, input) {
    const org = await ctx.requireCommittee(input.orgId);
    await updateOrgSetting(
      ctx,
      org,
      'membersSeeRanking',
      org.settings.membersSeeRanking,
      input.membersSeeRanking,
    );
    return { membersSeeRanking: input.membersSeeRanking };
  },
});

interface AssessmentDoc {
  _id: string;
  evaluation: number;
  fiveStandards: number;
  centralWork: number;
  reverse: string[];
}

/** 堡垒指数 from the branch's records, plus the superior's assessment [FORT-02 … FORT-18]. */
export const fortress = action({
  input: pointsContract.fortress.input,
  access: 'member',
  async run(ctx, input) {
    const org = await ctx.requireCommittee(input.orgId);
    const data = await load(org._id, ...yearRange(input.year));
    const held = data.activities.map((a) => ({
      type: a.type,
      date: localDate(a.startAt),
      counts: countsTowards(a, data.byActivity.get(a._id) ?? []),
    }));
    const hasCommittee =
      data.members.filter((m) =>
        m.roles.some((r) => r.orgId === org._id && COMMITTEE_ROLES.includes(r.role)),
      ).length > 1;
    const items = complianceOf(org, data, input.year, ctx);
    const get = (t: string) => items.find((i) => i.type === t);
    const counted = (t: string) => held.filter((h) => h.type === t && h.counts);
    const assessment = await findById<AssessmentDoc>(
      'fortressAssessments',
      `${org._id}:${input.year}`,
    );
    const end = termEnd(org.termStart, org.termYears);
    const result = fortressIndex(
      {
        themeDayMonths: new Set(counted('themeDay').map((h) => h.date.slice(0, 7))).size,
        assembly: {
          compliant: get('branchAssembly')?.held ?? 0,
          required: get('branchAssembly')?.required ?? 0,
        },
        committee: hasCommittee
          ? { months: new Set(counted('committeeMeeting').map((h) => h.date.slice(0, 7))).size }
          : null,
        lecture: {
          held: get('partyLecture')?.held ?? 0,
          required: get('partyLecture')?.required ?? 0,
        },
        orgLifeHeld: counted('orgLifeMeeting').length > 0,
        appraisalDone: null,
        dues: await duesCompletion(org._id, input.year, ctx.now),
        termOk: !termAlerts(org.kind, end, localDate(ctx.now)).some((a) => a.ruleId === 'ORG-22'),
        disclosureMonths: await disclosureMonths(org._id, input.year),
      },
      assessment
        ? {
            evaluation: assessment.evaluation,
            fiveStandards: assessment.fiveStandards,
            centralWork: assessment.centralWork,
            reverse: assessment.reverse,
          }
        : null,
    );
    return { orgId: org._id, orgName: org.name, year: input.year, ...result };
  },
});

/** Only the superior sets the 个性 scores and reverse items; a branch cannot edit its own index [FORT-16]. */
export const assessFortress = action({
  input: pointsContract.assessFortress.input,
  access: 'member',
  async run(ctx, input) {
    const { member } = await ctx.caller();
    const org = await findOrg(input.orgId);
    if (!org) throw notFound('组织');
    if (
      !org.ancestors.some((a) =>
        member.roles.some((r) => r.orgId === a && r.role === 'superiorAdmin'),
      )
    ) {
      throw forbidden('堡垒指数的个性指标和反向指标只能由上级党组织评定');
    }
    const id = `${org._id}:${input.year}`;
    const before = await findById<AssessmentDoc>('fortressAssessments', id);
    const after = {
      orgId: org._id,
      year: input.year,
      evaluation: input.evaluation,
      fiveStandards: input.fiveStandards,
      centralWork: input.centralWork,
      reverse: input.reverse,
      at: ctx.now,
    };
    await db.collection('fortressAssessments').doc(id).set({ data: after });
    await ctx.audit({ orgId: org._id, entity: 'fortressAssessments', entityId: id, before, after });
    return { orgId: org._id, year: input.year };
  },
});

interface YearDoc {
  _id: string;
  orgId: string;
  year: number;
  publishedAt: Date;
}

/**
 * Year end [PTS-19]: the committee confirms and publishes the year's scores to the members and
 * the superior. Refused while any appeal of the branch is unanswered.
 */
export const publishYear = action({
  input: pointsContract.publishYear.input,
  access: 'member',
  async run(ctx, input) {
    const org = await ctx.requireCommittee(input.orgId);
    assertPointsOn(org);
    const open = await getAll<{ _id: string }>(
      db.collection('pointAppeals').where({ orgId: org._id, status: 'open' }).orderBy('_id', 'asc'),
    );
    if (open.length)
      throw new AppError(
        'POINTS.APPEALS_OPEN',
        `还有${open.length}条申辩未答复，答复后才能公布年度积分`,
        { ruleId: 'PTS-19' },
      );
    const id = `${org._id}:${input.year}`;
    await db
      .collection('pointYears')
      .doc(id)
      .set({ data: { orgId: org._id, year: input.year, publishedAt: ctx.now } });
    await ctx.audit({
      orgId: org._id,
      entity: 'pointYears',
      entityId: id,
      after: { year: input.year },
    });
    return { orgId: org._id, year: input.year, publishedAt: ctx.now.toISOString() };
  },
});

/**
 * The published list of scores: inside the branch, ordered by name, without rank numbers
 * [PTS-21, PRIV-09]. Members see it once the year is published; the committee and the superior
 * at any time. Exempt members are listed as such, with no score [PTS-02].
 */
export const scores = action({
  input: pointsContract.scores.input,
  access: 'member',
  async run(ctx, input) {
    const org = await ctx.requireMember(input.orgId);
    assertPointsOn(org);
    const { member } = await ctx.caller();
    const published = await findById<YearDoc>('pointYears', `${org._id}:${input.year}`);
    const committee = isCommittee(member.roles, {
      id: org._id,
      kind: org.kind,
      ancestors: org.ancestors,
    });
    if (!published && !committee) throw new AppError('POINTS.NOT_PUBLISHED', '本年度积分尚未公布');
    const [members, data, std] = await Promise.all([
      listOrgMembers(org._id),
      loadBranchYear(org._id, input.year),
      standardFor(org._id, input.year),
    ]);
    const rows = members
      .map((m) => ({
        memberId: m._id,
        name: m.name,
        total: pioneerIndex(memberFacts(m, data, ctx.now), std.items, input.year).total,
        exempt: m.exempt,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN'));
    return { publishedAt: published ? new Date(published.publishedAt).toISOString() : null, rows };
  },
});
