import { activityContract } from '../../contracts/activity';
import type { ActivityOutput } from '../../contracts/activity';
import { mayVoteOnItem } from '../../domain/activity/discussion';
import { decideElection } from '../../domain/activity/election';
import {
  ballotMethod,
  deliberationAlert,
  electorate,
  type VoteMethod,
} from '../../domain/activity/electorate';
import { attended, onSite, sitsOnCommittee } from '../../domain/activity/participants';
import { decideVote } from '../../domain/activity/vote';
import { settingOf } from '../../domain/org/settings';
import { localDate } from '../../domain/shared/time';
import { findActivity } from '../../repos/activities';
import { insertElection, insertVote, listDiscussion, listExclusions } from '../../repos/votes';
import { action } from '../../runtime/handler';
import { AppError, orThrow } from '../../runtime/errors';
import type { Ctx } from '../../runtime/context';
import { approvedElectionRequest } from '../org/queries';
import { loadAsRunner, LoadedActivity } from './support';

type Ballot = 'ordinary' | 'development' | 'election';

/**
 * E and the voters present of a meeting [VOTE-01, VOTE-02, VOTE-03, VOTE-04]: the 正式党员 the
 * branch holds (its own roster — a 活动证 holder from elsewhere signed in here never counts),
 * minus the approved exclusions in force on the meeting's date.
 */
async function voters(loaded: LoadedActivity, ballot: Ballot) {
  const { activity, attendance, roster, org } = loaded;
  const exclusions = await listExclusions(activity.orgId);
  const { eligible, excluded } = electorate(roster, activity.orgId, exclusions, {
    ballot,
    date: localDate(activity.startAt),
    exclusionsForVotes: settingOf(org, 'vote.exclusionsForVotes'),
  });
  const status = new Map(attendance.map((r) => [r.memberId, r.status]));
  return { eligible, excluded, status };
}

/**
 * A vote on a motion, judged by the quorum rules over the right denominator (VOTE-*). Only the
 * counts are stored, never who voted how [VOTE-22, PRIV-13]. Development votes are secret and take
 * no proxies [VOTE-16]; other matters use the meeting's method, by default the branch's
 * [VOTE-17]. At a meeting with an agenda each item is voted on its own, after its discussion
 * [VOTE-20]; a major matter links to its 民主议事 [VOTE-18].
 */
export const vote = action({
  input: activityContract.vote.input,
  async run(ctx, input): Promise<ActivityOutput<'vote'>> {
    const loaded = await loadAsRunner(ctx, 'activity.manage', input.activityId, {
      include: { attendance: true, roster: true },
    });
    const { activity, org } = loaded;
    const kind = input.kind ?? 'ordinary';
    const method = orThrow(
      ballotMethod(
        kind,
        input.method,
        settingOf(org, 'vote.method') as VoteMethod,
        input.proxies ?? 0,
      ),
    );
    if (activity.agenda.length || input.item !== undefined)
      orThrow(mayVoteOnItem(activity.agenda, input.item, await listDiscussion(activity._id)));
    if (input.deliberationId) await checkDeliberation(ctx, input.deliberationId, activity.orgId);
    const alerts = deliberationAlert(
      !!input.majorMatter,
      !!input.deliberationId,
      settingOf(org, 'vote.requireDeliberation'),
    );
    const { eligible, excluded, status } = await voters(loaded, kind);
    const came = (id: string) => attended(status.get(id));
    const committee = loaded.roster.filter((m) => sitsOnCommittee(m, activity.orgId));
    const presentEligible = eligible.filter((m) => came(m._id)).length;
    const outcome = orThrow(
      decideVote({
        meeting: activity.type === 'committeeMeeting' ? 'committee' : 'assembly',
        kind,
        eligible: eligible.length,
        presentEligible,
        presentOnSite: eligible.filter((m) => onSite(status.get(m._id))).length,
        committeeSize: committee.length,
        committeePresent: committee.filter((m) => came(m._id)).length,
        yes: input.yes,
        no: input.no,
        abstain: input.abstain,
        written: input.written ?? 0,
      }),
    );
    const doc = {
      activityId: activity._id,
      orgId: activity.orgId,
      motion: input.motion,
      kind,
      method,
      ...(input.item !== undefined ? { item: input.item } : {}),
      majorMatter: !!input.majorMatter,
      deliberationId: input.deliberationId ?? null,
      yes: input.yes,
      no: input.no,
      abstain: input.abstain,
      written: input.written ?? 0,
      eligible: eligible.length,
      excluded: excluded.length,
      presentEligible,
      ...outcome,
      at: ctx.now,
    };
    await ctx.write(async (tx) => {
      const voteId = await insertVote(doc, tx);
      return { audit: { org, entity: 'votes', entityId: voteId, after: doc } };
    });
    return {
      valid: outcome.valid,
      passed: outcome.passed,
      eligible: eligible.length,
      presentEligible,
      ruleIds: outcome.ruleIds,
      ...(outcome.reason ? { reason: outcome.reason } : {}),
      method,
      excluded: excluded.length,
      alerts,
    };
  },
});

/** The 民主议事 a decision links to: a theme day of the branch, held, with its discussion recorded. */
async function checkDeliberation(ctx: Ctx, activityId: string, orgId: string): Promise<void> {
  const found = await findActivity(activityId);
  const ok =
    found &&
    found.orgId === orgId &&
    found.type === 'themeDay' &&
    found.startAt.getTime() <= ctx.now.getTime() &&
    (await listDiscussion(found._id)).length > 0;
  if (!ok)
    throw new AppError(
      'VOTE.DELIBERATION_INVALID',
      '关联的民主议事须是本支部已召开、并记录了议事情况的主题党日',
      { ruleId: 'VOTE-18', fields: ['deliberationId'] },
    );
}

/**
 * An election's tallies [VOTE-11, VOTE-12, VOTE-14]: secret ballot, no proxy [VOTE-16]; voters are
 * E's members present on site [VOTE-21]; stored as counts per candidate only [PRIV-13]. Only under
 * the branch's approved 换届选举请示 [ORG-20].
 */
export const elect = action({
  input: activityContract.elect.input,
  async run(ctx, input): Promise<ActivityOutput<'elect'>> {
    const loaded = await loadAsRunner(ctx, 'activity.manage', input.activityId, {
      include: { attendance: true, roster: true },
    });
    const { activity, org } = loaded;
    orThrow(ballotMethod('election', input.method, 'secretBallot', input.proxies ?? 0));
    const approved = await approvedElectionRequest(activity.orgId);
    if (!approved) throw new AppError('ELECTION.NOT_APPROVED', undefined, { ruleId: 'ORG-20' });
    // the meeting is held after the approval, for no more seats than were approved [ORG-20]
    if (approved.decidedAt && +new Date(activity.startAt) < +new Date(approved.decidedAt))
      throw new AppError('ELECTION.NOT_APPROVED', '选举大会须在上级党组织批准换届请示之后召开', {
        ruleId: 'ORG-20',
      });
    if (input.seats > approved.seats)
      throw new AppError(
        'ELECTION.NOT_APPROVED',
        `上级党组织批准的应选人数是${approved.seats}名，选举的名额不能超过`,
        { ruleId: 'ORG-20' },
      );
    const { eligible, status } = await voters(loaded, 'election');
    const present = eligible.filter((m) => onSite(status.get(m._id))).length;
    const round = input.round ?? 1;
    const outcome = orThrow(
      decideElection({
        eligible: eligible.length,
        present,
        seats: input.seats,
        candidates: input.candidates,
        ballotsIssued: input.ballotsIssued,
        ballotsReturned: input.ballotsReturned,
        invalidBallots: input.invalidBallots ?? 0,
        round,
      }),
    );
    const doc = {
      activityId: activity._id,
      orgId: activity.orgId,
      office: input.office,
      round,
      seats: input.seats,
      candidates: input.candidates.map((c) => ({ name: c.name, votes: c.votes })),
      ballotsIssued: input.ballotsIssued,
      ballotsReturned: input.ballotsReturned,
      invalidBallots: input.invalidBallots ?? 0,
      eligible: eligible.length,
      present,
      valid: outcome.valid,
      elected: outcome.elected,
      runoff: outcome.runoff,
      anotherRound: outcome.anotherRound,
      at: ctx.now,
    };
    await ctx.write(async (tx) => {
      const electionId = await insertElection(doc, tx);
      return { audit: { org, entity: 'elections', entityId: electionId, after: doc } };
    });
    return { ...outcome, eligible: eligible.length, present };
  },
});
