/**
 * The 民主评议 decision board [APR-10]: per member, side by side, the 个人自评, the 党员互评 summary,
 * the tally of the 测评 (merged over 党小组 [APR-08], hidden below the minimum turnout), the 先锋指数
 * with its flags (TD-22, APR-14, PTS-24), the advisory grade and the ties at the quota boundary
 * [APR-05]; 预备党员 shown without a grade [APR-06], imported 流入地 results as imported [APR-20];
 * hunan: the MTG-39 problem list's status [APR-19]. Advice only: nothing here becomes a grade.
 * `board` and `decide` share it, so what the committee sees is what the decision checks.
 */
import type { DemocraticBoardOut } from '../../contracts/appraisal-decision';
import {
  advisoryGrades,
  boundaryTie,
  clearMajority,
  gradedHere,
  quotaOf,
  type Participant,
} from '../../domain/appraisal/democratic';
import { DEMOCRATIC_GRADE_WORDS } from '../../domain/appraisal/democratic-model';
import { HANDLING_WORDS } from '../../domain/appraisal/disposal';
import { entriesOf } from '../../repos/appraisal-democratic';
import type { Ctx } from '../../runtime/context';
import { boardFacts, type BoardFacts } from './democratic-facts';
import { problemListOf } from './democratic-problems';
import {
  democraticTally,
  loadDemocratic,
  participantsOf,
  requireCommittee,
  type DemocraticDoc,
  type DemocraticTally,
  type HandlingDoc,
} from './democratic-view';

export interface LoadedBoard {
  doc: DemocraticDoc;
  participants: Participant[];
  tally: DemocraticTally;
  facts: BoardFacts;
  out: DemocraticBoardOut;
}

export const handlingOut = (h: HandlingDoc | undefined) =>
  h
    ? {
        option: h.option,
        optionText: HANDLING_WORDS[h.option],
        correctBy: h.correctBy,
        assembly: h.assembly,
        superior: h.superior,
        note: h.note,
        by: h.by,
        at: new Date(h.at).toISOString(),
      }
    : null;

function quotaNote(of: number, limit: number, used: number): string {
  if (of < 3) return `本支部参加评定的正式党员${of}名，不足3名，今年不能评“优秀”`;
  return `本支部参加评定的正式党员${of}名，“优秀”不超过1/3，最多${limit}名；已评${used}名，还可评${limit - used}名`;
}

/** The board of a loaded campaign. Four round trips, in parallel (entries, boxes, records, points). */
export async function boardOf(doc: DemocraticDoc, now: Date): Promise<LoadedBoard> {
  const [entries, tally, facts, problems] = await Promise.all([
    entriesOf(doc._id),
    democraticTally(doc),
    boardFacts(doc, now),
    problemListOf(doc, now),
  ]);
  const participants = participantsOf(doc);
  const t = tally.result;
  const advice = t ? advisoryGrades(doc.profile, t, participants) : [];
  const tie = t ? boundaryTie(t, participants) : null;
  const byEntry = new Map(entries.map((e) => [e.memberId, e]));
  const graded = gradedHere(participants);
  const limit = quotaOf(participants);
  const grades = doc.decision?.grades ?? {};
  const used = graded.filter((p) => grades[p.memberId] === 'excellent').length;
  const members = [...doc.participants]
    .sort((a, b) => a.memberId.localeCompare(b.memberId))
    .map((p) => {
      const e = byEntry.get(p.memberId);
      const imp = doc.imported?.[p.memberId];
      const a = advice.find((x) => x.memberId === p.memberId);
      const shown = t && !tally.hiddenFor.has(p.memberId) && p.status === 'full' && !imp;
      return {
        memberId: p.memberId,
        name: p.name,
        status: p.status === 'full' ? ('full' as const) : ('probationary' as const),
        graded: p.status === 'full' && !imp,
        imported: imp ? { grade: imp.grade, orgName: imp.orgName, proof: imp.note } : null,
        selfEvaluation: e?.self?.text ?? null,
        mutualSummary: e?.mutual?.summary ?? null,
        tally: shown ? (t.tally[p.memberId] ?? {}) : null,
        majority: shown ? clearMajority(t, p.memberId) : null,
        advisory: imp ? imp.grade : shown ? (a?.grade ?? null) : null,
        advisoryBasis: imp
          ? ('imported' as const)
          : shown
            ? (a?.basis ?? 'none')
            : ('none' as const),
        tie: shown ? (a?.tie ?? false) : false,
        points: facts.points ? (facts.points.get(p.memberId) ?? null) : null,
        flags: facts.flagsOut.get(p.memberId) ?? [],
        grade: grades[p.memberId] ?? null,
        reason: doc.decision?.reasons?.[p.memberId] ?? null,
        handling: handlingOut(doc.handling?.[p.memberId]),
      };
    });
  const out: DemocraticBoardOut = {
    kind: 'democraticAppraisal',
    id: doc._id,
    orgId: doc.orgId,
    orgName: doc.orgName,
    year: doc.year,
    profile: doc.profile,
    grades: doc.plan.grades.map((g) => ({ key: g, label: DEMOCRATIC_GRADE_WORDS[g] })),
    quota: {
      limit,
      used,
      left: Math.max(0, limit - used),
      of: graded.length,
      note: quotaNote(graded.length, limit, used),
    },
    ballot:
      tally.result || tally.hidden
        ? { valid: t?.valid ?? 0, returned: tally.returned, hidden: tally.hidden }
        : null,
    members,
    ties: tie ? [{ memberIds: tie.memberIds, votes: tie.votes, seats: tie.seats }] : [],
    problemList: problems.status,
    problemListNote: problems.note,
    decidedAt: doc.decision ? new Date(doc.decision.at).toISOString() : null,
    publishedAt: doc.publishedAt ? new Date(doc.publishedAt).toISOString() : null,
  };
  return { doc, participants, tally, facts, out };
}

/** `board` for a 民主评议 campaign: the committee (`appraisal.decideMembers`) or the superior. */
export async function boardDemocratic(ctx: Ctx, id: string): Promise<DemocraticBoardOut> {
  const doc = await loadDemocratic(id);
  await requireCommittee(ctx, doc);
  return (await boardOf(doc, ctx.now)).out;
}
