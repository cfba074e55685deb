import type { ElectionRow, ElectionStep } from '../../contracts/org-oversight';
import { ELECTION_STEP_LABELS } from '../../domain/org/election-workflow';
import { localDate } from '../../domain/shared/time';
import type { ElectionRequestDoc } from '../../repos/elections';

/**
 * A 换届选举请示 as pages see it: the step in words, dates as local dates, no member ids. An
 * approved request whose election meeting has recorded a valid tally shows as `elected`, with
 * that meeting, until its new committee is recorded.
 */
export function electionRow(
  doc: ElectionRequestDoc,
  orgName: string,
  held?: { activityId: string } | null,
): ElectionRow {
  const step: ElectionStep = doc.step === 'approved' && held ? 'elected' : doc.step;
  return {
    id: doc._id,
    orgId: doc.orgId,
    orgName,
    step,
    stepLabel: ELECTION_STEP_LABELS[step],
    plannedDate: doc.plannedDate,
    seats: doc.seats,
    reason: doc.reason,
    termEnd: doc.termEnd,
    requestedOn: localDate(doc.requestedAt),
    decidedOn: doc.decidedAt ? localDate(doc.decidedAt) : null,
    note: doc.note,
    electionActivityId: doc.electionActivityId ?? held?.activityId ?? null,
    electedOn: doc.electedOn,
  };
}
