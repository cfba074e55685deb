import { orgContract, OrgOutput } from '../../contracts/org';
import {
  checkCanRequest,
  checkNoneOpen,
  checkSeats,
  checkStep,
  isOwnElectionCase,
} from '../../domain/org/election-workflow';
import { checkTermShift, termEnd } from '../../domain/org/term';
import { localDate } from '../../domain/shared/time';
import { isBranchKind } from '../../domain/org/model';
import { REFUSALS } from '../../domain/org/policy';
import { isDuplicateKey } from '../../repos/db';
import {
  ElectionRequestDoc,
  findElectionRequest,
  insertElectionRequest,
  requestsOfOrg,
  requestsOfSubtree,
  updateElectionRequest,
} from '../../repos/elections';
import { countByStatus } from '../../repos/members';
import { orgNames, updateOrgFacts } from '../../repos/orgs';
import { action } from '../../runtime/handler';
import { AppError, forbidden, orNotFound, orThrow } from '../../runtime/errors';
import type { AuditInput } from '../../runtime/context';
import { electionsHeldSince } from '../activity/queries';
import { electionRow } from './elections-row';

export { recordCommittee } from './elections-record';

/**
 * The branch (its 书记 or 副书记, or the superior) files its 换届选举请示 [ORG-20]: one open at a
 * time; the planned date at most one year from the term's end [ORG-21]; the seats fit the
 * branch [ORG-10, ORG-11].
 */
export const requestElection = action({
  input: orgContract.requestElection.input,
  async run(ctx, input): Promise<OrgOutput<'requestElection'>> {
    const org = await ctx.require('election.request', input.orgId);
    orThrow(checkCanRequest(org.kind));
    const end = termEnd(org.termStart, org.termYears);
    orThrow(checkTermShift(org.kind, end, input.plannedDate));
    if (input.plannedDate < localDate(ctx.now)) {
      throw new AppError('INPUT.INVALID', '计划选举的日期不能早于今天', {
        fields: ['plannedDate'],
      });
    }
    const { full } = await countByStatus(org._id);
    orThrow(checkSeats(input.seats, full));
    const { member } = await ctx.caller();
    try {
      return await ctx.write(async (tx) => {
        const earlier = await requestsOfOrg(org._id, tx);
        orThrow(checkNoneOpen(earlier.map((d) => d.step)));
        const doc: ElectionRequestDoc = {
          _id: `${org._id}:${earlier.length + 1}`,
          orgId: org._id,
          ancestors: org.ancestors,
          step: 'requested',
          plannedDate: input.plannedDate,
          seats: input.seats,
          reason: input.reason,
          termEnd: end,
          requestedAt: ctx.now,
          requestedBy: member._id,
          decidedAt: null,
          decidedBy: null,
          note: null,
          electionActivityId: null,
          electedOn: null,
          committee: null,
          recordedAt: null,
          recordedBy: null,
        };
        await insertElectionRequest(doc, tx);
        return {
          audit: { org, entity: 'electionRequests', entityId: doc._id, after: doc },
          result: electionRow(doc, org.name),
        };
      });
    } catch (e) {
      // Two requests filed at once: the second hits the first's `_id`.
      if (isDuplicateKey(e)) throw new AppError('ELECTION.PENDING');
      throw e;
    }
  },
});

const OWN_REQUEST =
  '这份请示是您本人提交的，或与您所在的支部有关，按规定不能由自己批复，请由上级党组织的其他同志批复';

/**
 * The superior approves or returns the 请示 [ORG-20], never their own case [PRIV-21]. Approving a
 * date other than the term's end is the approved postponement or bringing forward [ORG-21]: the
 * 超任期 alert then waits for that date [ORG-22].
 */
export const decideElection = action({
  input: orgContract.decideElection.input,
  async run(ctx, input): Promise<OrgOutput<'decideElection'>> {
    const request = orNotFound(await findElectionRequest(input.id), '换届选举请示');
    const org = await ctx.require('org.administer', request.orgId);
    const { member } = await ctx.caller();
    if (isOwnElectionCase({ ...member, id: member._id }, request)) {
      throw new AppError('AUTH.FORBIDDEN', OWN_REQUEST, { ruleId: 'PRIV-21' });
    }
    const step = input.approve ? 'approved' : 'rejected';
    orThrow(checkStep(request.step, step));
    const today = localDate(ctx.now);
    const shifts = input.approve && request.plannedDate !== termEnd(org.termStart, org.termYears);
    const approvedElection = shifts
      ? { date: request.plannedDate, reason: request.reason, approvedOn: today }
      : null;
    const patch = { step, decidedAt: ctx.now, decidedBy: member._id, note: input.note } as const;
    return ctx.write(async (tx) => {
      const fresh = orNotFound(await findElectionRequest(request._id, tx), '换届选举请示');
      orThrow(checkStep(fresh.step, step)); // decided meanwhile by someone else
      await updateElectionRequest(request._id, patch, tx);
      const audit: AuditInput[] = [
        {
          org,
          entity: 'electionRequests',
          entityId: request._id,
          before: { step: fresh.step },
          after: patch,
          reason: input.note,
        },
      ];
      if (approvedElection) {
        await updateOrgFacts(org._id, { approvedElection }, tx);
        audit.push({
          org,
          entity: 'orgs.term',
          entityId: org._id,
          before: org.approvedElection ?? null,
          after: approvedElection,
          reason: request.reason,
        });
      }
      return { audit, result: electionRow({ ...fresh, ...patch }, org.name) };
    });
  },
});

/**
 * The 换届 requests of an org and of every org below it, newest first: a branch sees its own, a
 * superior those of its subtree. Four queries whatever the number of orgs.
 */
export const elections = action({
  input: orgContract.elections.input,
  async run(ctx, input): Promise<OrgOutput<'elections'>> {
    // a branch's own 请示 for its members; a superior org's list (every branch below) for the
    // superior only, not for every member of the 党委 org
    const org = await ctx.require('org.read', input.orgId);
    if (!isBranchKind(org.kind) && !(await ctx.may('org.oversee', org)))
      throw forbidden(REFUSALS['org.oversee']);
    const docs = await requestsOfSubtree(org._id);
    const approved = docs.filter((d) => d.step === 'approved' && d.decidedAt);
    const since = approved.reduce<Date | null>(
      (min, d) => (!min || d.decidedAt! < min ? d.decidedAt : min),
      null,
    );
    const [names, held] = await Promise.all([
      orgNames([...new Set(docs.map((d) => d.orgId))]),
      since
        ? electionsHeldSince([...new Set(approved.map((d) => d.orgId))], since)
        : Promise.resolve(new Map<string, { activityId: string; at: Date }>()),
    ]);
    return docs.map((d) => {
      const h = held.get(d.orgId);
      const heldNow = d.step === 'approved' && h && d.decidedAt && h.at >= d.decidedAt ? h : null;
      return electionRow(d, names.get(d.orgId) ?? org.name, heldNow);
    });
  },
});
