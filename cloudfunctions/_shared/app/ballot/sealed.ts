import {
  checkMarks,
  checkPaper,
  tallyBallots,
  type BallotSpec,
  type BoxResult,
  type Marks,
  type PaperCount,
} from '../../domain/ballot/rules';
import type { BallotBox, BallotMode } from '../../domain/appraisal/model';
import type { BallotBoxDoc } from '../../repos/appraisals';
import {
  castBallotsOf,
  castInto,
  findBox,
  insertBlankBallots,
  insertBox,
  randomId,
  removeBallotsOf,
  updateBox,
} from '../../repos/ballots';
import type { Tx } from '../../repos/db';
import type { OrgDoc } from '../../repos/orgs';
import type { Ctx } from '../../runtime/context';
import { AppError, orNotFound, orThrow } from '../../runtime/errors';

/**
 * The sealed ballot piece as use-case helpers, for any owner (a 双述双评 campaign now, 民主评议
 * next): open a box, cast into it, enter a paper count, close it. Who voted and what was voted
 * never meet in one document; nothing here logs a mark; no count moves while a box is open.
 */

export const specOf = (
  box: Pick<BallotBoxDoc, 'subjectIds' | 'grades' | 'maxBest'>,
): BallotSpec => ({
  subjectIds: box.subjectIds,
  grades: box.grades,
  maxBest: box.maxBest,
});

export interface OpenBox {
  ownerId: string;
  box: BallotBox;
  mode: BallotMode;
  orgId: string;
  activityId: string | null;
  subjectIds: string[];
  grades: readonly string[];
  maxBest: number | null;
  /** In-app voters; the subjects are taken out here whatever the caller passed [SEC-13]. */
  eligible: readonly string[];
  /**
   * The subjects vote too (民主评议: every 正式党员 is on the form and fills it in [APR-06]); each
   * still never marks themself (`checkMarks`). Absent: subjects do not vote [SEC-13].
   */
  subjectsVote?: boolean;
  openedBy: string;
  now: Date;
}

/** Opens a box inside the caller's transaction (with one blank ballot per in-app voter). */
export async function openBox(o: OpenBox, tx: Tx): Promise<BallotBoxDoc> {
  const eligible =
    o.mode === 'app'
      ? [...new Set(o.eligible)].filter((m) => o.subjectsVote || !o.subjectIds.includes(m))
      : [];
  const doc: BallotBoxDoc = {
    _id: randomId(),
    ownerId: o.ownerId,
    box: o.box,
    mode: o.mode,
    orgId: o.orgId,
    activityId: o.activityId,
    subjectIds: o.subjectIds,
    grades: [...o.grades],
    maxBest: o.maxBest,
    eligible,
    ...(o.subjectsVote ? { subjectsVote: true } : {}),
    status: 'open',
    openedBy: o.openedBy,
    openedAt: o.now,
    result: null,
    closedAt: null,
  };
  await insertBox(doc, tx);
  if (o.mode === 'app') await insertBlankBallots(doc._id, eligible.length, tx);
  return doc;
}

/** The box, open, or the refusal that says why not. */
export async function openBoxOrRefuse(boxId: string, tx?: Tx): Promise<BallotBoxDoc> {
  const box = orNotFound(await findBox(boxId, tx), '这次测评');
  if (box.status !== 'open') throw new AppError('APPRAISAL.BALLOT_CLOSED');
  return box;
}

/**
 * Casts one member's ballot in ONE transaction [SEC-13, SEC-19]: eligible, valid marks, not
 * voted before (APPRAISAL.ALREADY_VOTED, nothing written); then the voter flag and the marks go
 * to different collections. Nothing is audited or logged: an entry would tie the voter to a time.
 */
export async function castIntoBox(
  boxId: string,
  memberId: string,
  marks: Marks,
  tx: Tx,
): Promise<void> {
  const box = await openBoxOrRefuse(boxId, tx);
  if (box.mode !== 'app') throw new AppError('APPRAISAL.PAPER_ONLY');
  if (!box.subjectsVote && box.subjectIds.includes(memberId))
    throw new AppError('APPRAISAL.NOT_ELIGIBLE', '被评议的同志本人不参加投票', {
      ruleId: 'SEC-13',
    });
  if (!box.eligible.includes(memberId)) throw new AppError('APPRAISAL.NOT_ELIGIBLE');
  orThrow(checkMarks(specOf(box), memberId, marks));
  const cast = await castInto(boxId, memberId, marks, tx);
  if (cast === 'voted') throw new AppError('APPRAISAL.ALREADY_VOTED');
  if (cast === 'full') throw new AppError('APPRAISAL.BALLOT_CLOSED');
}

/**
 * Closes an in-app box inside the caller's transaction: tallies the ballots (the first and only
 * count) and writes it on the box. The ballots are deleted by `purgeBallots` once this commits,
 * so only the tally is stored [SEC-19].
 */
export async function closeAppBox(box: BallotBoxDoc, now: Date, tx: Tx): Promise<BoxResult> {
  const ballots = await castBallotsOf(box._id, tx);
  const result = tallyBallots(
    specOf(box),
    box.eligible.length,
    ballots.map((b) => b.marks ?? {}),
  );
  await updateBox(box._id, { status: 'closed', result, closedAt: now }, tx);
  return result;
}

/** After the closing transaction: the individual ballots go, the tally stays [SEC-19]. */
export const purgeBallots = (boxId: string) => removeBallotsOf(boxId);

/**
 * 结束投票 of a box, the same for every owner [SEC-19, APR-21]: one no longer open is answered as
 * it stands (an in-app one's leftover ballots purged); a paper box is refused (its count is
 * entered); else `ready()` (the owner's step check), then ONE audited write that counts it and
 * does the owner's bookkeeping (`after`), and the ballots go. Answers the box's status and tally.
 */
export async function closeBoxOnce(
  ctx: Ctx,
  box: BallotBoxDoc,
  org: OrgDoc,
  after: (result: BoxResult, tx: Tx) => Promise<void>,
  ready?: () => void,
): Promise<Pick<BallotBoxDoc, 'status' | 'result'>> {
  if (box.status !== 'open') {
    if (box.status === 'closed' && box.mode === 'app') await purgeBallots(box._id);
    return box;
  }
  if (box.mode === 'paper')
    throw new AppError('APPRAISAL.STEP_ORDER', '纸质票请在会后填写发出、收回的票数和各等次票数');
  ready?.();
  const result = await ctx.write(async (tx) => {
    const r = await closeAppBox(box, ctx.now, tx);
    await after(r, tx);
    return {
      audit: {
        org,
        entity: 'ballotBoxes',
        entityId: box._id,
        after: { status: 'closed', issued: r.issued, returned: r.returned },
      },
      result: r,
    };
  });
  await purgeBallots(box._id);
  return { status: 'closed', result };
}

/**
 * Enters a paper count inside the caller's transaction: returned > issued voids the box (it is
 * recorded void, and a new one may be opened); a count that does not add up is refused.
 */
export async function enterPaperCount(
  box: BallotBoxDoc,
  count: PaperCount,
  now: Date,
  tx: Tx,
): Promise<{ status: 'closed' | 'void'; result: BoxResult }> {
  if (box.mode !== 'paper')
    throw new AppError('APPRAISAL.STEP_ORDER', '这是在小程序里投票的测评，结束时自动计票');
  const checked = orThrow(checkPaper(specOf(box), count));
  const result: BoxResult = checked.void
    ? { issued: count.issued, returned: count.returned, valid: 0, tally: {} }
    : checked.result;
  const status = checked.void ? 'void' : 'closed';
  await updateBox(box._id, { status, result, closedAt: now }, tx);
  return { status, result };
}
