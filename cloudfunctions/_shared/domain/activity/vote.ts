import { fail, ok, Result } from '../shared/result';

export interface VoteFacts {
  meeting: 'assembly' | 'committee';
  kind: 'ordinary' | 'development';
  /** E: 正式党员 of the branch (应到会有表决权人数) [VOTE-01, VOTE-02]. */
  eligible: number;
  /** Eligible members recorded present, late or remote. */
  presentEligible: number;
  /** Eligible members present on site (not remote) [VOTE-21]. */
  presentOnSite: number;
  /** C and the committee members present, for a 支委会. */
  committeeSize: number;
  committeePresent: number;
  yes: number;
  no: number;
  abstain: number;
  /** Written opinions of absent eligible members, for development votes [VOTE-09, VOTE-10]. */
  written: number;
}

export interface VoteOutcome {
  valid: boolean;
  passed: boolean;
  reason?: string;
  ruleIds: string[];
}

/**
 * The quorum and passing rules. Assembly: valid when more than half of E are present, passed
 * when yes > E/2 — E, not those present [VOTE-05, VOTE-06, VOTE-15]. Development votes count only
 * members on site for the quorum and add written opinions to the yes votes [VOTE-09, VOTE-10,
 * VOTE-21]. Committee: present > C/2, yes > C/2 [VOTE-07, VOTE-08].
 */
export function decideVote(f: VoteFacts): Result<VoteOutcome> {
  const cast = f.yes + f.no + f.abstain;
  if (f.meeting === 'committee') {
    if (cast > f.committeePresent) return tallyTooHigh(cast, f.committeePresent);
    const valid = 2 * f.committeePresent > f.committeeSize;
    const passed = valid && 2 * f.yes > f.committeeSize;
    return ok({
      valid,
      passed,
      ruleIds: ['VOTE-07', 'VOTE-08'],
      ...(valid
        ? passed
          ? {}
          : { reason: `赞成${f.yes}票，未超过支委会应到${f.committeeSize}人的半数` }
        : {
            reason: `到会支委${f.committeePresent}人，未超过应到${f.committeeSize}人的半数，不能表决`,
          }),
    });
  }
  const development = f.kind === 'development';
  const present = development ? f.presentOnSite : f.presentEligible;
  if (cast > present) return tallyTooHigh(cast, present);
  // Written opinions come only from eligible members absent from the room [VOTE-09].
  const absent = f.eligible - f.presentOnSite;
  if (development && f.written > absent)
    return fail(
      'VOTE.TALLY_INVALID',
      `书面意见${f.written}份，超过了未到会的有表决权党员${absent}人`,
      'VOTE-09',
    );
  const valid = 2 * present > f.eligible;
  const yes = development ? f.yes + f.written : f.yes;
  const passed = valid && 2 * yes > f.eligible;
  const ruleIds = development ? ['VOTE-09', 'VOTE-10', 'VOTE-21'] : ['VOTE-05', 'VOTE-06'];
  if (!valid)
    return ok({
      valid,
      passed,
      ruleIds,
      reason: `到会有表决权的正式党员${present}人，未超过应到${f.eligible}人的半数，不能表决`,
    });
  if (!passed)
    return ok({
      valid,
      passed,
      ruleIds,
      reason: `赞成${yes}票，未超过应到会有表决权人数${f.eligible}的半数`,
    });
  return ok({ valid, passed, ruleIds });
}

function tallyTooHigh(cast: number, present: number): Result<VoteOutcome> {
  return fail('VOTE.TALLY_INVALID', `票数合计${cast}，超过了到会有表决权的${present}人`, 'VOTE-13');
}
