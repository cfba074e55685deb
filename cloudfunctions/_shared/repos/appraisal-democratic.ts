import type { BallotMode } from '../domain/appraisal/model';
import type { DemocraticGrade, DemocraticStep } from '../domain/appraisal/democratic-model';
import type { MemberStatus, Profile } from '../domain/org/model';
import { _, collection, Tx } from './db';

/**
 * 民主评议党员 (kind `democraticAppraisal`) storage: one campaign per branch and year in its own
 * collection `democraticAppraisals` (the 双述双评 `appraisals` documents have another shape, and
 * several queries read that collection without a kind), and one entry per member and campaign in
 * `democraticEntries` (the 个人自评 and the 党员互评 summary, apart from the ballots [APR-02]).
 * Ballots are the sealed piece's `ballotBoxes` / `ballotVoters` / `ballots` (owner = campaign id).
 */

/** A member taking part, fixed at opening from the roster [APR-06, APR-20]. */
export interface DemocraticParticipant {
  memberId: string;
  /** The name at opening (the filed record keeps it). */
  name: string;
  /** 正式 (`full`: marked on the ballot, graded) or 预备 (takes part, no grade) [APR-06]. */
  status: MemberStatus;
  /** 流动党员: may be appraised at the 流入地, whose result is then imported [APR-20]. */
  mobile: boolean;
  /** Exempt from organisational life (e.g. old and ill): still a member, still appraised. */
  exempt: boolean;
}

/** A 党小组 for this appraisal [APR-08]: the committee divides the participants. */
export interface DemocraticGroup {
  /** Short key (`g1`, `g2` …), stable for the campaign. */
  key: string;
  name: string;
  /** The participants of the group (正式 and 预备); every participant is in exactly one group. */
  memberIds: string[];
}

/** One 测评 box of the campaign as the campaign carries it (the box doc stays the truth). */
export interface DemocraticBoxSummary {
  /** The `ballotBoxes` id. */
  id: string;
  /** The 党小组 key, or null when the whole branch votes together [APR-08]. */
  group: string | null;
  mode: BallotMode;
  status: 'open' | 'closed' | 'void';
  /** The 党员大会 / 组织生活会 / 党小组会 it was held at (in-app boxes). */
  activityId: string | null;
  /** Who may mark on it: the 正式党员 of the branch (or of the group), never a 预备党员 [APR-06]. */
  subjectIds: string[];
  /** The participants the box covers (for `mergeTallies`: a group's members; else everyone). */
  members: string[];
  /** In-app voters (signed in, 预备 only when `apr.probationaryBallot`) [APR-07]. */
  eligible: string[];
  /** At most this many 优秀 per ballot: floor(n/3) of its subjects [APR-05]. */
  maxBest: number;
  /** Paper: ballots issued (known at entry). */
  issued: number | null;
  /** The local date and type of the activity it was held at (the APR-01 timing hints). */
  heldOn: string | null;
  activityType: string | null;
}

/** How a step that no ballot or entry produces was completed (学习, or one closed by hand). */
export interface StepRecord {
  at: Date;
  by: string;
  /** The activity that evidences it (e.g. the 学习 session), if any. */
  activityId: string | null;
  /** What was written (the 学习 content, or why someone could not take part). */
  note: string | null;
}

/** A 流入地 result imported for a 流动党员, not graded again [APR-20] (DECISION's importResult). */
export interface ImportedResult {
  grade: DemocraticGrade | null;
  orgName: string;
  note: string;
  by: string;
  at: Date;
}

export interface DemocraticAppraisalDoc {
  /** `democraticAppraisal:<orgId>:<year>`: a second one for the branch and year is a CONFLICT. */
  _id: string;
  kind: 'democraticAppraisal';
  year: number;
  /** The branch appraised. */
  orgId: string;
  orgName: string;
  /** The nearest 基层党委 above (the result is reported to it [APR-12]); null if none. */
  committeeId: string | null;
  /** The org and its ancestors: `list` finds the campaigns of an org and below in one query. */
  orgPath: string[];
  profile: Profile;
  /** Fixed at opening from the roster: 正式 and 预备, 流动 included, transferred-out excluded. */
  participants: DemocraticParticipant[];
  /** The settings fixed at opening (a later change never moves a running campaign). */
  plan: {
    /** The profile's grades, best first [APR-03, APR-04]. */
    grades: DemocraticGrade[];
    /** 预备党员 fill in the 测评表 [APR-07]. */
    probationaryBallot: boolean;
    /** `apr.month` [APR-01]. */
    month: number;
    /** Below this many valid ballots a box's per-member tallies are hidden (as 双述双评). */
    minBallots: number;
  };
  /** The current step of APR-02, or 'done'. */
  step: DemocraticStep | 'done';
  /** When each step was completed (and by whom / with what, for the hand-completed ones). */
  stepsDone: Partial<Record<DemocraticStep, StepRecord>>;
  /** Members whose 个人自评 is in (no text here: it is in `democraticEntries`). */
  selfDone: string[];
  /** Members whose 党员互评 summary is recorded. */
  mutualDone: string[];
  /** 党小组 for the 测评 [APR-08]; empty: the whole branch votes on one ballot. */
  groups: DemocraticGroup[];
  /** The 测评 boxes, in the order opened (a void one stays, a new one is added). */
  boxes: DemocraticBoxSummary[];
  /** Imported 流入地 results by member id [APR-20]; written by DECISION's `importResult`. */
  imported: Record<string, ImportedResult>;
  /**
   * The 组织评定 (DECISION's `decide`): grades by member (null for 预备), reasons, whether final.
   * Null until first saved.
   */
  decision: {
    grades: Record<string, DemocraticGrade | null>;
    reasons: Record<string, string>;
    final: boolean;
    by: string;
    at: Date;
  } | null;
  /** When each member was told their result (DECISION's publish; the 反馈 step). */
  publishedAt: Date | null;
  openedBy: string;
  createdAt: Date;
}

/**
 * One member's entries in a campaign (`democraticEntries`), `_id = <campaignId>:<memberId>`.
 * The member reads their own; the committee reads all.
 */
export interface DemocraticEntryDoc {
  _id: string;
  campaignId: string;
  orgId: string;
  memberId: string;
  /** The 个人自评 [APR-02, APR-06]; `proxy`: 代为录入 by a committee member (`by`), CHK-12. */
  self: { text: string; by: string; at: Date; proxy: boolean } | null;
  /** The 党员互评情况 from the minutes, recorded by the committee. */
  mutual: { summary: string; by: string; at: Date } | null;
}

const campaigns = collection<DemocraticAppraisalDoc>('democraticAppraisals');
const entries = collection<DemocraticEntryDoc>('democraticEntries');

export const democraticId = (orgId: string, year: number) => `democraticAppraisal:${orgId}:${year}`;
export const isDemocraticId = (id: string) => id.startsWith('democraticAppraisal:');
export const entryId = (campaignId: string, memberId: string) => `${campaignId}:${memberId}`;

export const findDemocratic = (id: string, tx?: Tx) => campaigns.byId(id, tx);
/** Inserts a campaign; the caller read `_id` inside the same transaction first. */
export const insertDemocratic = (doc: DemocraticAppraisalDoc, tx: Tx) => campaigns.add(doc, tx);

/** Sets fields of a campaign (dotted paths allowed: `stepsDone.study`, `imported.<memberId>`). */
export async function updateDemocratic(
  id: string,
  patch: Record<string, unknown>,
  tx: Tx,
): Promise<void> {
  await campaigns.ref(tx).doc(id).update({ data: patch });
}

/** Campaigns by id (those that exist; the ballot page). */
export const democraticByIds = (ids: readonly string[]) => campaigns.byIds(ids);

/** The campaigns of an org and every org below it in a year (the superior's console), one query. */
export const democraticUnder = (orgId: string, year: number) =>
  campaigns.all(campaigns.ref().where({ orgPath: orgId, year }).orderBy('_id', 'asc'));

/** The campaigns reported to a 基层党委 in these years (hints: last year, 轮流坐庄), one query. */
export const democraticOfCommittee = (committeeId: string, years: readonly number[]) =>
  campaigns.all(
    campaigns
      .ref()
      .where({ committeeId, year: _.in([...years]) })
      .orderBy('_id', 'asc'),
  );

/** A branch's campaigns in these years (rotation hints, last year's rate), one query. */
export const democraticOfOrg = (orgId: string, years: readonly number[]) =>
  campaigns.all(
    campaigns
      .ref()
      .where({ orgId, year: _.in([...years]) })
      .orderBy('year', 'asc'),
  );

/** Every member's entry of a campaign (the board; the committee only), one query. */
export const entriesOf = (campaignId: string, tx?: Tx) =>
  entries.all(entries.ref(tx).where({ campaignId }).orderBy('_id', 'asc'));

/** One member's entry (their own page). */
export const findEntry = (campaignId: string, memberId: string, tx?: Tx) =>
  entries.byId(entryId(campaignId, memberId), tx);

/** Writes the 个人自评 or the 互评 summary of a member, creating the entry when absent. */
export async function putEntry(
  doc: Pick<DemocraticEntryDoc, 'campaignId' | 'orgId' | 'memberId'>,
  patch: Pick<Partial<DemocraticEntryDoc>, 'self' | 'mutual'>,
  tx: Tx,
): Promise<void> {
  const id = entryId(doc.campaignId, doc.memberId);
  if (await entries.byId(id, tx)) await entries.ref(tx).doc(id).update({ data: patch });
  else await entries.add({ _id: id, ...doc, self: null, mutual: null, ...patch }, tx);
}
