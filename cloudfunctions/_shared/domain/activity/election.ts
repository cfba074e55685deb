import { fail, ok, Result, type Alert } from '../shared/result';

export interface Candidate {
  name: string;
  votes: number;
}

export interface ElectionFacts {
  /** E after exclusions [VOTE-02, VOTE-03]. */
  eligible: number;
  /** Eligible voters present on site: remote attendees never vote in elections [VOTE-21]. */
  present: number;
  seats: number;
  candidates: readonly Candidate[];
  ballotsIssued: number;
  ballotsReturned: number;
  /** Ballots with more marks than seats (or none readable) [VOTE-13]. */
  invalidBallots: number;
  /** The first round checks the differential margin; a runoff is between the tied only. */
  round: number;
}

export interface ElectionOutcome {
  valid: boolean;
  elected: string[];
  /** A tie for the last seat(s): a runoff among these for `seats` [VOTE-12]. */
  runoff: { names: string[]; seats: number } | null;
  /** Seats still empty because too few candidates passed: another round fills them [VOTE-12]. */
  anotherRound: number;
  reason?: string;
  alerts: Alert[];
  ruleIds: string[];
}

const ELECTION_RULES = ['VOTE-11', 'VOTE-12', 'VOTE-15'];

/**
 * An election's arithmetic. Valid when voters present > 4/5 of E [VOTE-11]. A candidate is elected
 * with votes > half of the voters present (实到会), not of E [VOTE-12, VOTE-15]; when more pass than
 * there are seats the highest take them, a tie for the last seat goes to a runoff among the tied,
 * and seats left empty go to another round. Committee candidates short of 20% more than the
 * seats raise an alert [VOTE-14]. Ballots returned ≤ issued ≤ voters present, marks ≤ seats per
 * valid ballot [VOTE-13].
 */
export function decideElection(f: ElectionFacts): Result<ElectionOutcome> {
  const names = new Set(f.candidates.map((c) => c.name));
  if (names.size !== f.candidates.length)
    return fail('VOTE.TALLY_INVALID', '候选人名单中有重复的姓名', 'VOTE-13');
  if (f.ballotsIssued > f.present)
    return fail(
      'VOTE.TALLY_INVALID',
      `发出选票${f.ballotsIssued}张，超过了到会有选举权的${f.present}人`,
      'VOTE-13',
    );
  if (f.ballotsReturned > f.ballotsIssued)
    return fail(
      'VOTE.TALLY_INVALID',
      `收回选票${f.ballotsReturned}张，多于发出的${f.ballotsIssued}张，选举无效，须重新选举`,
      'VOTE-13',
    );
  if (f.invalidBallots > f.ballotsReturned)
    return fail('VOTE.TALLY_INVALID', '废票数多于收回的选票', 'VOTE-13');
  const validBallots = f.ballotsReturned - f.invalidBallots;
  const marks = f.candidates.reduce((s, c) => s + c.votes, 0);
  const over = f.candidates.find((c) => c.votes > validBallots);
  if (over || marks > validBallots * f.seats)
    return fail(
      'VOTE.TALLY_INVALID',
      over
        ? `${over.name}得${over.votes}票，多于有效选票${validBallots}张`
        : `得票合计${marks}，超过了有效选票${validBallots}张乘以应选${f.seats}名`,
      'VOTE-13',
    );
  const alerts: Alert[] =
    f.round === 1 && 5 * f.candidates.length < 6 * f.seats
      ? [
          {
            ruleId: 'VOTE-14',
            level: 'warning',
            message: `差额选举的候选人应比应选${f.seats}名多20%以上，即不少于${Math.ceil((6 * f.seats) / 5)}名，现在只有${f.candidates.length}名`,
          },
        ]
      : [];
  const ruleIds = [...ELECTION_RULES, ...alerts.map((a) => a.ruleId)];
  if (!(5 * f.present > 4 * f.eligible))
    return ok({
      valid: false,
      elected: [],
      runoff: null,
      anotherRound: 0,
      alerts,
      ruleIds,
      reason: `到会有选举权的党员${f.present}人，未超过应到${f.eligible}人的五分之四，选举无效`,
    });
  const passed = f.candidates
    .filter((c) => 2 * c.votes > f.present)
    .sort((a, b) => b.votes - a.votes); // stable: equal votes keep the ballot's order
  if (passed.length <= f.seats) {
    const empty = f.seats - passed.length;
    return ok({
      valid: true,
      elected: passed.map((c) => c.name),
      runoff: null,
      anotherRound: empty,
      alerts,
      ruleIds,
      ...(empty
        ? {
            reason: `得票超过实到会${f.present}人半数的只有${passed.length}名，还差${empty}名，须另行选举`,
          }
        : {}),
    });
  }
  const last = passed[f.seats - 1].votes;
  const above = passed.filter((c) => c.votes > last);
  const tied = passed.filter((c) => c.votes === last);
  const open = f.seats - above.length;
  if (tied.length === open)
    return ok({
      valid: true,
      elected: passed.slice(0, f.seats).map((c) => c.name),
      runoff: null,
      anotherRound: 0,
      alerts,
      ruleIds,
    });
  return ok({
    valid: true,
    elected: above.map((c) => c.name),
    runoff: { names: tied.map((c) => c.name), seats: open },
    anotherRound: 0,
    alerts,
    ruleIds,
    reason: `${tied.map((c) => c.name).join('、')}得票相等（${last}票），须就剩下的${open}个名额再次投票`,
  });
}
