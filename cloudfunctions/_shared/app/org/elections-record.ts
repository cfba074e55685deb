import { orgContract, OrgOutput } from '../../contracts/org';
import {
  checkNewCommittee,
  checkStep,
  committeeGrants,
  ElectedMember,
} from '../../domain/org/election-workflow';
import { localDate } from '../../domain/shared/time';
import { findElectionRequest, updateElectionRequest } from '../../repos/elections';
import {
  countByStatus,
  findMember,
  listRoleHolders,
  MemberDoc,
  setRoles,
} from '../../repos/members';
import { updateOrgFacts } from '../../repos/orgs';
import { action } from '../../runtime/handler';
import { AppError, orNotFound, orThrow } from '../../runtime/errors';
import type { AuditInput } from '../../runtime/context';
import { electionHeldAt } from '../activity/queries';
import { electionRow } from './elections-row';

const NO_ELECTION = '这次会议没有登记有效的选举结果，请先在选举大会上登记计票结果';

/**
 * After the election meeting the superior records the new committee [ORG-15, ORG-20]: the
 * approved 请示, a valid election of the branch at that meeting since the approval, every person a
 * 正式党员 of the branch it elected. In one write the committee roles of the branch become exactly
 * these (duty roles stay), checked as `setRole` checks them [ORG-10, ORG-11, ORG-13]; the term
 * starts again on the day elected [ORG-18], the approved postponement and vacancies are cleared
 * [ORG-21, ORG-16]; the 请示 is recorded.
 */
export const recordCommittee = action({
  input: orgContract.recordCommittee.input,
  async run(ctx, input): Promise<OrgOutput<'recordCommittee'>> {
    const request = orNotFound(await findElectionRequest(input.id), '换届选举请示');
    const org = await ctx.require('org.administer', request.orgId);
    orThrow(checkStep(request.step, 'recorded'));
    const held = await electionHeldAt(input.electionActivityId);
    if (
      !held ||
      held.orgId !== org._id ||
      (request.decidedAt && held.at.getTime() < new Date(request.decidedAt).getTime())
    ) {
      throw new AppError('ELECTION.STEP_ORDER', NO_ELECTION, {
        ruleId: 'ORG-20',
        fields: ['electionActivityId'],
      });
    }
    const today = localDate(ctx.now);
    if (input.electedOn < held.date || input.electedOn > today) {
      throw new AppError('INPUT.INVALID', '当选日期应在选举大会当天或之后，且不能晚于今天', {
        fields: ['electedOn'],
      });
    }
    const ids = [...new Set(input.committee.map((r) => r.memberId))];
    const [named, holders, { full }] = await Promise.all([
      Promise.all(ids.map((id) => findMember(id))),
      listRoleHolders(org._id),
      countByStatus(org._id),
    ]);
    const docs = named.filter((m): m is MemberDoc => !!m);
    const members = new Map<string, ElectedMember>(
      docs.map((m) => [
        m._id,
        { id: m._id, orgId: m.orgId, status: m.status, transferred: !!m.transfer },
      ]),
    );
    orThrow(
      checkNewCommittee({
        org: { id: org._id, kind: org.kind, fullMembers: full },
        seats: request.seats,
        committee: input.committee,
        members,
      }),
    );
    const notElected = docs.filter((m) => !held.elected.includes(m.name));
    if (notElected.length) {
      throw new AppError(
        'ELECTION.NOT_ELECTED',
        `${notElected.map((m) => m.name).join('、')}不在这次选举的当选名单中`,
        { ruleId: 'ORG-20' },
      );
    }
    const current = [...holders, ...docs.filter((m) => !holders.some((h) => h._id === m._id))];
    const changes = committeeGrants(
      org._id,
      current.map((m) => ({ id: m._id, roles: m.roles })),
      input.committee,
    );
    const termBefore = {
      termStart: org.termStart,
      approvedElection: org.approvedElection ?? null,
      vacancies: org.vacancies ?? {},
    };
    const termAfter = { termStart: input.electedOn, approvedElection: null, vacancies: {} };
    const patch = {
      step: 'recorded' as const,
      electionActivityId: input.electionActivityId,
      electedOn: input.electedOn,
      committee: input.committee.map((r) => ({ memberId: r.memberId, role: r.role })),
      recordedAt: ctx.now,
      recordedBy: (await ctx.caller()).member._id,
    };
    return ctx.write(async (tx) => {
      const fresh = orNotFound(await findElectionRequest(request._id, tx), '换届选举请示');
      orThrow(checkStep(fresh.step, 'recorded')); // recorded meanwhile by someone else
      const audit: AuditInput[] = [];
      for (const [memberId, { before, after }] of changes) {
        await setRoles(memberId, after, tx);
        audit.push({ org, entity: 'members.roles', entityId: memberId, before, after });
      }
      await updateOrgFacts(
        org._id,
        { termStart: input.electedOn, approvedElection: null, vacancies: {} },
        tx,
      );
      await updateElectionRequest(request._id, patch, tx);
      audit.push(
        { org, entity: 'orgs.term', entityId: org._id, before: termBefore, after: termAfter },
        {
          org,
          entity: 'electionRequests',
          entityId: request._id,
          before: { step: fresh.step },
          after: patch,
        },
      );
      return { audit, result: electionRow({ ...fresh, ...patch }, org.name) };
    });
  },
});
