/**
 * The pre-filled, read-only 加强支部建设 section of the 述职报告 [SEC-06]: every number derived from
 * the records through the other areas' read models, never typed again [PRIV-11], each with the
 * page that shows the records behind it. Four round trips, in parallel, whatever the size of the
 * branch or the number of its activities: the branch year (one aggregate), its talks, its 五化
 * record and (running year) its latest disclosure.
 */
import type { FactLink, ReportFact } from '../../contracts/appraisal';
import {
  disclosureFact,
  duesFact,
  filingFact,
  fiveStandardsFact,
  isRunning,
  meetingFact,
  talksFact,
  unrecordedFact,
  democraticFact,
  type FactYear,
} from '../../domain/appraisal/facts';
import { DEMOCRATIC_STEPS } from '../../domain/appraisal/democratic-model';
import { settingOf } from '../../domain/org/settings';
import { localDate } from '../../domain/shared/time';
import { democraticId, findDemocratic } from '../../repos/appraisal-democratic';
import type { OrgDoc } from '../../repos/orgs';
import { AppError } from '../../runtime/errors';
import { branchTalks, complianceOf, talkCoverageOf } from '../activity/queries';
import { duesCompletionOf } from '../dues/queries';
import { disclosureFreshness } from '../notice/queries';
import { fiveStandardsStatus } from '../org/queries';
import { branchYearRecords } from '../points/queries';

/** Pages of the mini-program that show the records behind a fact (miniprogram/app.json). */
export const FACT_PAGES = {
  compliance: '/subpackages/activity/compliance/index',
  dues: '/subpackages/dues/collect/index',
  notices: '/subpackages/notice/list/index',
  fortress: '/subpackages/points/fortress/index',
  democratic: '/subpackages/appraisal/democratic/index',
} as const;

const linkTo = (page: keyof typeof FACT_PAGES, orgId: string, year: number): FactLink => ({
  page: FACT_PAGES[page],
  query: { orgId, year: String(year) },
});

/**
 * The facts of a branch's year, in the order of SEC-06: theme days; 三会一课 by type; 组织生活会;
 * 谈心谈话; 民主评议; 发展党员; dues; 学时; 五化; disclosure; 纪实 filing. For the running year each
 * says "截至<today>"; for a past year, that year's records.
 */
export async function branchBuildingFacts(
  org: OrgDoc,
  year: number,
  now: number,
): Promise<ReportFact[]> {
  const at = new Date(now);
  const c: FactYear = { year, today: localDate(at) };
  const running = isRunning(c);
  const campaignId = democraticId(org._id, year);
  const [records, talks, five, fresh, democratic] = await Promise.all([
    branchYearRecords(org._id, year, at),
    branchTalks(org._id, year),
    fiveStandardsStatus(org._id, year),
    running ? disclosureFreshness(org._id, at) : null,
    findDemocratic(campaignId),
  ]);
  if (!records) throw new AppError('NOT_FOUND', '没有找到这个党组织');
  const { view, facts } = records;
  const months = facts.disclosureMonths ?? 0;
  const filed = facts.records ?? { onTime: 0, total: 0 };
  // Today's roster, as the compliance, talks and dues pages count it (members transferred out
  // keep their history in the branch year but are not on the roster).
  const roster = view.members.filter((m) => !m.transfer);
  const byActivity = new Map(view.activities.map((a) => [a._id, a.attendance]));
  const items = complianceOf(
    org,
    { activities: view.activities, members: roster, byActivity },
    year,
    {
      now: at,
    },
  );
  const coverage = talkCoverageOf(org, roster, talks);
  const lastInYear = view.notices
    .flatMap((n) => [n.publishedAt, n.updatedAt])
    .map((d) => localDate(new Date(d)))
    .filter((d) => d.startsWith(String(year)))
    .sort()
    .pop();
  const compliance = linkTo('compliance', org._id, year);
  const meetings = items.map((item) => meetingFact(item, c, compliance));
  const of = (key: string) => meetings.filter((f) => f.key === key);
  return [
    ...of('themeDays'),
    ...meetings.filter((f) => f.key.startsWith('meetings.')),
    ...of('orgLife'),
    talksFact(
      {
        talks: talks.length,
        covered: coverage.filter((x) => x.missing.length === 0).length,
        members: coverage.length,
      },
      c,
      null,
    ),
    democraticFact(
      democratic ? DEMOCRATIC_STEPS.filter((s) => !!democratic.stepsDone?.[s]) : null,
      c,
      democratic ? { page: FACT_PAGES.democratic, query: { id: campaignId } } : null,
    ),
    unrecordedFact('development', '发展党员', 'DEV-01'),
    duesFact(
      duesCompletionOf(roster, view.duesBases, view.duesPayments, year, at),
      c,
      linkTo('dues', org._id, year),
    ),
    unrecordedFact('studyHours', '学时完成', 'EDU-01'),
    fiveStandardsFact(five.label, null),
    disclosureFact(
      running && fresh
        ? {
            months,
            last: fresh.last ? localDate(fresh.last) : null,
            days: fresh.days,
          }
        : { months, last: lastInYear ?? null, days: null },
      c,
      linkTo('notices', org._id, year),
    ),
    filingFact(
      { ...filed, days: settingOf(org, 'mtg.finaliseWithinDays') },
      c,
      linkTo('fortress', org._id, year),
    ),
  ];
}
