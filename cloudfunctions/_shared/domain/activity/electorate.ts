import type { Alert } from '../shared/result';
import { fail, ok, Result } from '../shared/result';

/**
 * The five grounds on which a member may be left out of E, each with superior consent and an
 * assembly resolution [VOTE-03]: mental illness that prevents expressing one's will; 自费出国 for
 * half a year or more; serving a sentence; old, bedridden or long ill and unable to care for
 * oneself; away or transferred for half a year or more with the membership not yet moved.
 */
export const EXCLUSION_GROUNDS = [
  'mentalIllness',
  'abroadSelfFunded',
  'servingSentence',
  'unableToCare',
  'awayNotMoved',
] as const;
export type ExclusionGround = (typeof EXCLUSION_GROUNDS)[number];

export const EXCLUSION_GROUND_LABELS: Record<ExclusionGround, string> = {
  mentalIllness: '患精神病或其他疾病导致不能正确表达本人意志',
  abroadSelfFunded: '自费出国半年以上',
  servingSentence: '正在服刑',
  unableToCare: '年老体弱、卧床不起或长期生病、生活不能自理',
  awayNotMoved: '外出或调动半年以上、组织关系尚未转走',
};

/** An approved exclusion, in force from `from` to `until` (inclusive; null: until lifted). */
export interface Exclusion {
  memberId: string;
  from: string;
  until: string | null;
}

/** What E reads of a member. */
export interface Voter {
  _id: string;
  orgId: string;
  status: 'full' | 'probationary';
}

export type Ballot = 'ordinary' | 'development' | 'election';

/**
 * E (应到会有表决权人数) of a branch on a date [VOTE-02]: the 正式党员 whose membership the branch
 * holds (its own roster: a 流动党员活动证 holder from elsewhere is on another branch's roster and never
 * here), minus the approved exclusions in force [VOTE-03]. Elections always take the exclusions
 * off; other votes do when `vote.exclusionsForVotes` is on [VOTE-04].
 */
export function electorate<V extends Voter>(
  roster: readonly V[],
  orgId: string,
  exclusions: readonly Exclusion[],
  opts: { ballot: Ballot; date: string; exclusionsForVotes: boolean },
): { eligible: V[]; excluded: string[] } {
  const applies = opts.ballot === 'election' || opts.exclusionsForVotes;
  const inForce = new Set(
    applies
      ? exclusions
          .filter((x) => x.from <= opts.date && (x.until === null || opts.date <= x.until))
          .map((x) => x.memberId)
      : [],
  );
  const held = roster.filter((m) => m.orgId === orgId && m.status === 'full');
  return {
    eligible: held.filter((m) => !inForce.has(m._id)),
    excluded: held.filter((m) => inForce.has(m._id)).map((m) => m._id),
  };
}

export type VoteMethod = 'showOfHands' | 'secretBallot';

/**
 * The method of a ballot [VOTE-16, VOTE-17]: elections and development votes are secret, with no
 * proxy; other matters take the meeting's choice, by default the branch's `vote.method`. Proxy
 * votes are never counted: a tally is of the voters in the room.
 */
export function ballotMethod(
  ballot: Ballot,
  asked: VoteMethod | undefined,
  branchDefault: VoteMethod,
  proxies: number,
): Result<VoteMethod> {
  const secretOnly = ballot !== 'ordinary';
  if (proxies > 0)
    return fail(
      'VOTE.METHOD_REFUSED',
      secretOnly ? '选举和发展党员表决不能委托他人投票' : '表决不接受委托投票，只计到会党员的票',
      'VOTE-16',
    );
  if (secretOnly && asked === 'showOfHands')
    return fail(
      'VOTE.METHOD_REFUSED',
      ballot === 'election'
        ? '选举必须采用无记名投票，不能举手表决'
        : '发展党员的表决必须采用无记名投票，不能举手表决',
      'VOTE-16',
    );
  return ok(secretOnly ? 'secretBallot' : (asked ?? branchDefault));
}

/**
 * 民主议事 before a decision on 三重一大 or members' vital interests [VOTE-18]: when the branch
 * asks for it (`vote.requireDeliberation`, default on), a major-matter decision without a linked
 * consultation raises an alert to the secretary; the decision is still recorded (default rule).
 */
export function deliberationAlert(
  majorMatter: boolean,
  linked: boolean,
  required: boolean,
): Alert[] {
  if (!majorMatter || linked || !required) return [];
  return [
    {
      ruleId: 'VOTE-18',
      level: 'warning',
      message:
        '这是重大事项的决定，但没有关联事先的民主议事。请在主题党日的民主议事环节听取党员意见',
    },
  ];
}
