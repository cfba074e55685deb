import type { OrgKind } from '../org/model';
import { settingOf, type Configurable } from '../org/settings';
import { fail, ok, Result } from '../shared/result';
import type { AppraisalKind } from './model';

/**
 * Opening a 双述双评 campaign, as pure rules [SEC-01, SEC-02, SEC-03, SEC-10, SEC-11, SEC-20].
 * No clock: the use case passes the year of `now`.
 */

/** Who is reviewed [SEC-01]: secretaries of a branch or 党总支, and of a village/community 党委 under a 党委. */
export function checkReviewable(
  kind: AppraisalKind,
  org: { kind: OrgKind; category: string },
  committeeId: string | null,
): Result<true> {
  if (kind !== 'secretaryReview')
    return fail('APPRAISAL.KIND_NOT_AVAILABLE', '这类评议暂未开放，目前只能组织书记述职评议');
  const allowed =
    org.kind === 'branch' ||
    org.kind === 'jointBranch' ||
    org.kind === 'tempBranch' ||
    org.kind === 'generalBranch' ||
    (org.kind === 'baseCommittee' && (org.category === 'village' || org.category === 'community'));
  if (!allowed || !committeeId)
    return fail(
      'APPRAISAL.KIND_NOT_AVAILABLE',
      '书记述职评议由上级基层党委组织，对象是党支部、党总支（以及村、社区党委）的书记',
      'SEC-01',
    );
  return ok(true);
}

/** The year a campaign may be opened for [SEC-03]: this year, or the one just ended. */
export function checkYear(year: number, nowYear: number): Result<true> {
  if (year === nowYear || year === nowYear - 1) return ok(true);
  return fail('APPRAISAL.WRONG_YEAR', '只能组织本年度或上一年度的书记述职评议', 'SEC-03');
}

/** The nearest 基层党委 above the org (ancestors root first), which opens and grades it. */
export function nearestCommittee(
  ancestors: readonly string[],
  kinds: ReadonlyMap<string, OrgKind>,
): string | null {
  for (let i = ancestors.length - 1; i >= 0; i--)
    if (kinds.get(ancestors[i]) === 'baseCommittee') return ancestors[i];
  return null;
}

export interface Plan {
  weights: { daily: number; evaluations: number; verification: number };
  thresholds: { excellent: number; competent: number; basicallyCompetent: number } | null;
  minBallots: number;
  rectifyMonths: number;
  due: string;
}

/** The evaluation plan, fixed from the branch's settings when the campaign opens [SEC-10/11/20]. */
export function planOf(org: Configurable, year: number): Plan {
  const due = settingOf(org, 'sec.due');
  return {
    weights: {
      daily: settingOf(org, 'sec.weights.daily'),
      evaluations: settingOf(org, 'sec.weights.evaluations'),
      verification: settingOf(org, 'sec.weights.verification'),
    },
    thresholds: settingOf(org, 'sec.thresholdsOn')
      ? {
          excellent: settingOf(org, 'sec.thresholds.excellent'),
          competent: settingOf(org, 'sec.thresholds.competent'),
          basicallyCompetent: settingOf(org, 'sec.thresholds.basicallyCompetent'),
        }
      : null,
    minBallots: settingOf(org, 'sec.minBallots'),
    rectifyMonths: settingOf(org, 'sec.rectifyMonths'),
    due: due === '12-31' ? `${year}-12-31` : `${year + 1}-${due}`,
  };
}

/** A change of who held the office, from the record of role changes (`org.setRole`). */
export interface OfficeChange {
  memberId: string;
  /** Local date `YYYY-MM-DD`. */
  date: string;
  on: boolean;
}

export interface Predecessor {
  memberId: string;
  from: string;
  to: string;
  /** Served at least half of the year: named as also to report [SEC-01]. */
  alsoReports: boolean;
}

const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;

/**
 * Others who held the office during `year` [SEC-01], from the recorded role changes (oldest
 * first). The one in office now reports; a predecessor who served ≥ half the year is named as
 * also to report; anyone else is listed for the record. Someone who held it since before the
 * first recorded change counts from 1 January.
 */
export function predecessorsOf(
  year: number,
  currentId: string,
  changes: readonly OfficeChange[],
): Predecessor[] {
  const start = `${year}-01-01`;
  const since = new Map<string, string>();
  const spans: { memberId: string; from: string; to: string }[] = [];
  for (const c of [...changes].sort((a, b) => a.date.localeCompare(b.date))) {
    if (c.on) since.set(c.memberId, c.date < start ? start : c.date);
    else {
      const from = since.get(c.memberId) ?? start;
      since.delete(c.memberId);
      if (c.date >= start) spans.push({ memberId: c.memberId, from, to: c.date });
    }
  }
  const half = days(start, `${year}-12-31`) / 2;
  const byMember = new Map<string, Predecessor>();
  for (const s of spans) {
    if (s.memberId === currentId) continue;
    const before = byMember.get(s.memberId);
    const from = before && before.from < s.from ? before.from : s.from;
    const served = days(s.from, s.to) + (before ? days(before.from, before.to) : 0);
    byMember.set(s.memberId, { memberId: s.memberId, from, to: s.to, alsoReports: served >= half });
  }
  return [...byMember.values()];
}
