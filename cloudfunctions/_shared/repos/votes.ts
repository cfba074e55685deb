import { randomUUID } from 'crypto';
import type { ExclusionGround } from '../domain/activity/electorate';
import type { Candidate } from '../domain/activity/election';
import { collection, Tx } from './db';

/** The counts of a vote, never who voted how [VOTE-22, PRIV-13]. */
export interface VoteDoc {
  _id: string;
  activityId: string;
  orgId: string;
  motion: string;
  kind: 'ordinary' | 'development';
  yes: number;
  no: number;
  abstain: number;
  written: number;
  eligible: number;
  presentEligible: number;
  /** VOTE-16, VOTE-17; the agenda item [VOTE-20]; the 民主议事 linked [VOTE-18]; E's exclusions [VOTE-03]. */
  method?: 'showOfHands' | 'secretBallot';
  item?: number;
  majorMatter?: boolean;
  deliberationId?: string | null;
  excluded?: number;
  valid: boolean;
  passed: boolean;
  reason?: string;
  ruleIds: string[];
  at: Date;
}

const votes = collection<VoteDoc>('votes');

/** Stores a vote's counts under a fresh id (inside a transaction too), answering it. */
export async function insertVote(doc: Omit<VoteDoc, '_id'>, tx?: Tx): Promise<string> {
  const _id = randomUUID().replace(/-/g, '');
  await votes.add({ _id, ...doc }, tx);
  return _id;
}

/**
 * A member left out of E on one of the five grounds, with the superior's consent and the
 * assembly's resolution [VOTE-03]; `_id = orgId:memberId` (the one in force; recording it again
 * replaces it).
 */
export interface ExclusionDoc {
  _id: string;
  orgId: string;
  memberId: string;
  ground: ExclusionGround;
  /** 上级党组织同意的文件或批复编号. */
  superiorApprovalId: string;
  /** The 支部党员大会 that resolved it. */
  resolutionActivityId: string;
  from: string;
  until: string | null;
  recordedBy: string;
  at: Date;
}

/**
 * That a participant spoke or passed on an agenda item [VOTE-19, VOTE-20]; the content is in the
 * minutes. `_id = activityId:item:memberId`.
 */
export interface DiscussionDoc {
  _id: string;
  activityId: string;
  orgId: string;
  item: number;
  memberId: string;
  passed: boolean;
  at: Date;
}

/** An election's tallies per candidate, never who voted for whom [VOTE-22, PRIV-13]. */
export interface ElectionDoc {
  _id: string;
  activityId: string;
  orgId: string;
  office: string;
  round: number;
  seats: number;
  candidates: Candidate[];
  ballotsIssued: number;
  ballotsReturned: number;
  invalidBallots: number;
  eligible: number;
  present: number;
  valid: boolean;
  elected: string[];
  runoff: { names: string[]; seats: number } | null;
  anotherRound: number;
  at: Date;
}

const exclusions = collection<ExclusionDoc>('voterExclusions');
const discussions = collection<DiscussionDoc>('discussions');
const elections = collection<ElectionDoc>('elections');

export const listExclusions = (orgId: string) =>
  exclusions.all(exclusions.ref().where({ orgId }).orderBy('_id', 'asc'));

export async function saveExclusion(doc: ExclusionDoc, tx: Tx): Promise<void> {
  const { _id, ...data } = doc;
  await exclusions.ref(tx).doc(_id).set({ data });
}

export const listDiscussion = (activityId: string, tx?: Tx) =>
  discussions.all(discussions.ref(tx).where({ activityId }).orderBy('_id', 'asc'));

export async function saveStatement(doc: DiscussionDoc, tx: Tx): Promise<void> {
  const { _id, ...data } = doc;
  await discussions.ref(tx).doc(_id).set({ data });
}

export async function insertElection(doc: Omit<ElectionDoc, '_id'>, tx: Tx): Promise<string> {
  const _id = randomUUID().replace(/-/g, '');
  await elections.add({ _id, ...doc }, tx);
  return _id;
}
