import type {
  DashboardBranch,
  DashboardOutput,
} from '../../cloudfunctions/_shared/contracts/org-oversight';
import { DEMO_NOW_MS } from '../../emulator/demo-instant';
import { committeePlan } from '../../emulator/seeds/committee';
import { Backend, startBackend } from '../support/backend';
import {
  activityObligations,
  expectedCell,
  lastDay,
  local,
  localDay,
  MONTHS,
  periods,
  recordsOf as recordsIn,
  TODAY,
  YEAR,
} from '../support/dashboard-records';

/**
 * org.dashboard over the `committee` seed, checked against the RECORDS in the store and the seed's
 * plan of deliberate gaps — derived here from the documents themselves, not through the
 * dashboard's code. The seed's instant is Tuesday 2026-12-01 09:00 in Beijing: January to November
 * have ended, December is running.
 */
const SUPERIOR = 'demo-superior';
const plan = committeePlan('committee', new Date(DEMO_NOW_MS));
let b: Backend;
let dash: DashboardOutput;
beforeAll(async () => {
  b = await startBackend({ seed: 'empty' });
  await b.reset('committee');
  dash = await b.ok('org', 'dashboard', { orgId: 'demo-committee', year: YEAR }, SUPERIOR);
}, 60_000);
afterAll(() => b.close());

const recordsOf = (orgId: string) => recordsIn((c) => b.docs(c), orgId);
const rowOf = (orgId: string): DashboardBranch => {
  const row = dash.branches.find((r) => r.orgId === orgId);
  if (!row) throw new Error(`no row for ${orgId}`);
  return row;
};

describe('org.dashboard against the records of the committee seed', () => {
  it('has one row per branch below the committee, each under its 党总支 [ORG-01]', () => {
    const below = b
      .docs('orgs')
      .filter((o) => o.ancestors.includes('demo-committee') && o.kind === 'branch');
    expect(
      dash.branches
        .filter((r) => r.kind === 'branch')
        .map((r) => r.orgId)
        .sort(),
    ).toEqual(below.map((o) => o._id).sort());
    for (const bp of plan.branches) {
      expect(rowOf(bp.orgId).parentId).toBe(bp.parentId === 'demo-committee' ? null : bp.parentId);
      expect(rowOf(bp.orgId).members).toBe(bp.members);
    }
    expect(dash.today).toBe(TODAY);
  });

  it('marks each activity cell held exactly where a counting record is, missing in ended periods without, due while running [TD-01, MTG-01, MTG-02, MTG-05, MTG-08]', () => {
    for (const bp of plan.branches) {
      const records = recordsOf(bp.orgId);
      const row = rowOf(bp.orgId);
      for (const [type, freq] of activityObligations(bp)) {
        const cells = (row.cells as any)[type];
        for (const p of periods(freq))
          expect({ orgId: bp.orgId, type, period: p.label, cell: cells[p.label] }).toEqual({
            orgId: bp.orgId,
            type,
            period: p.label,
            cell: expectedCell(records, type, p),
          });
      }
      // the 七一 lecture, 15 June – 15 July [MTG-06]
      const july = records.some(
        (a) =>
          a.type === 'partyLecture' &&
          a.counts &&
          local(a.startAt).slice(5, 10) >= '06-15' &&
          local(a.startAt).slice(5, 10) <= '07-15',
      );
      expect((row.cells.partyLecture as any)[`${YEAR}-七一`]).toBe(july ? 'held' : 'missing');
    }
  });

  it('shows every planned gap of an ended period as missing, and December as due [TD-01, MTG-08]', () => {
    for (const bp of plan.branches) {
      const row = rowOf(bp.orgId);
      for (const gap of [...bp.skipped, ...bp.noMinutes]) {
        if (!gap.month.startsWith(String(YEAR))) continue;
        const freq = activityObligations(bp).find(([t]) => t === gap.type)?.[1];
        if (!freq) continue;
        const p = periods(freq).find((x) => x.months.includes(gap.month))!;
        const other = recordsOf(bp.orgId).some(
          (a) => a.type === gap.type && a.counts && p.months.includes(a.month),
        );
        if (other) continue; // another record of the same period still holds it
        expect({ orgId: bp.orgId, gap, cell: (row.cells as any)[gap.type][p.label] }).toEqual({
          orgId: bp.orgId,
          gap,
          cell: p.last < TODAY ? 'missing' : 'due',
        });
      }
      expect(row.cells.themeDay[`${YEAR}-12`]).toBe('due');
    }
    // the plan's headline gaps, spelled out
    expect(rowOf('c-branch-01').cells.themeDay['2026-03']).toBe('missing');
    expect(rowOf('c-branch-02').cells.themeDay['2026-05']).toBe('missing');
    expect(rowOf('c-branch-03').cells.partyLecture['2026-Q3']).toBe('missing');
    expect(rowOf('c-branch-09').cells.committeeMeeting['2026-08']).toBe('missing');
    expect(rowOf('c-branch-12').cells.branchAssembly['2026-Q1']).toBe('missing');
  });

  it('has no 支委会 and no 党小组会 where there is no committee and no group: n/a [MTG-02, MTG-03]', () => {
    for (const bp of plan.branches) {
      const row = rowOf(bp.orgId);
      expect(Object.values(row.cells.groupMeeting).every((c) => c === 'n/a')).toBe(true);
      if (!bp.hasCommittee)
        expect(Object.values(row.cells.committeeMeeting).every((c) => c === 'n/a')).toBe(true);
    }
    expect(plan.branches.some((x) => !x.hasCommittee)).toBe(true);
  });

  it('marks dues held where everyone owing paid the month in full, missing with arrears [FEE-24, FORT-10]', () => {
    for (const bp of plan.branches) {
      const bases = b.docs('duesBases').filter((x) => x.orgId === bp.orgId && x.year === YEAR);
      const pays = b.docs('duesPayments').filter((x) => x.orgId === bp.orgId && x.year === YEAR);
      const row = rowOf(bp.orgId);
      for (const month of MONTHS) {
        const owing = bases.filter((x) => x.fromMonth <= month && x.monthlyFen > 0);
        const unpaid = owing.filter(
          (x) =>
            pays
              .filter((p) => p.memberId === x.memberId && p.month === month)
              .reduce((s, p) => s + p.amountFen, 0) < x.monthlyFen,
        );
        const want =
          month >= TODAY.slice(0, 7)
            ? 'due'
            : !owing.length
              ? 'n/a'
              : unpaid.length
                ? 'missing'
                : 'held';
        expect({ orgId: bp.orgId, month, cell: row.cells.dues[month] }).toEqual({
          orgId: bp.orgId,
          month,
          cell: want,
        });
      }
      for (const a of bp.arrears)
        for (const m of a.months.filter((x) => x.startsWith(String(YEAR))))
          expect(row.cells.dues[m]).toBe('missing');
    }
  });

  it('marks disclosure held in months with a notice published or updated, and on-time records from the filing dates [FORT-12, MTG-19]', () => {
    for (const bp of plan.branches) {
      const row = rowOf(bp.orgId);
      const notices = b.docs('notices').filter((n) => n.orgId === bp.orgId);
      const records = recordsOf(bp.orgId);
      for (const month of MONTHS) {
        const published = notices.some(
          (n) =>
            localDay(n.publishedAt).startsWith(month) || localDay(n.updatedAt).startsWith(month),
        );
        const ended = lastDay(month) < TODAY;
        expect({ orgId: bp.orgId, month, cell: row.cells.disclosure[month] }).toEqual({
          orgId: bp.orgId,
          month,
          cell: published ? 'held' : ended ? 'missing' : 'due',
        });
        const held = records.filter((a) => a.month === month && a.status === 'closed');
        const onTime = held.map((a) => {
          const deadline = Date.parse(`${localDay(a.endAt)}T00:00:00+08:00`) + 4 * 86400_000;
          if (a.record?.archived) return +new Date(a.record.archivedAt) < deadline;
          return Date.parse(`${TODAY}T09:00:00+08:00`) < deadline ? null : false;
        });
        const want = !held.length
          ? 'n/a'
          : onTime.includes(false)
            ? 'missing'
            : onTime.includes(null)
              ? 'due'
              : 'held';
        expect({ orgId: bp.orgId, month, records: row.cells.recordsOnTime[month] }).toEqual({
          orgId: bp.orgId,
          month,
          records: want,
        });
      }
    }
    expect(rowOf('c-branch-04').cells.recordsOnTime['2026-04']).toBe('missing');
    expect(rowOf('c-branch-05').cells.disclosure['2026-11']).toBe('missing');
  });

  it('alerts the inactive, the stale and the term-expired branch, and only them [FORT-22, DIS-07, ORG-22]', () => {
    const rules = (orgId: string) => rowOf(orgId).alerts.map((a) => a.ruleId);
    for (const bp of plan.branches) {
      expect({ orgId: bp.orgId, inactive: rules(bp.orgId).includes('FORT-22') }).toEqual({
        orgId: bp.orgId,
        inactive: bp.inactive,
      });
      expect({ orgId: bp.orgId, stale: rules(bp.orgId).includes('DIS-07') }).toEqual({
        orgId: bp.orgId,
        stale: bp.staleDisclosure,
      });
      expect({ orgId: bp.orgId, expired: rules(bp.orgId).includes('ORG-22') }).toEqual({
        orgId: bp.orgId,
        expired: bp.termExpired,
      });
    }
    for (const a of rowOf('c-branch-06').alerts) expect(a.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('alerts a missing theme-day month where the plan skipped one [TD-01]', () => {
    expect(rowOf('c-branch-01').alerts.some((a) => a.ruleId === 'TD-01')).toBe(true);
    expect(rowOf('c-branch-10').alerts.some((a) => a.ruleId === 'TD-01')).toBe(false);
  });

  it.each(['c-branch-01', 'c-branch-06', 'c-branch-12'])(
    "agrees with the branch's own compliance page on the theme days of %s [TD-01, MTG-08]",
    async (orgId) => {
      const { items } = await b.ok('activity', 'compliance', { orgId, year: YEAR }, `${orgId}-m01`);
      const td = items.find((i) => i.type === 'themeDay')!;
      const cells = rowOf(orgId).cells.themeDay;
      expect(
        Object.keys(cells)
          .filter((k) => cells[k] === 'missing')
          .sort(),
      ).toEqual([...td.missing].sort());
      expect(Object.values(cells).filter((c) => c === 'held').length).toBe(td.held);
      expect(rowOf(orgId).totals.themeDay.held).toBe(td.held);
    },
  );

  it('answers in one call with few round trips, whatever the number of branches (≤ 10)', async () => {
    const { roundTrips } = await b.roundTrips(
      'org',
      'dashboard',
      { orgId: 'demo-committee', year: YEAR },
      SUPERIOR,
    );
    expect(roundTrips).toBeLessThanOrEqual(10);
  });
});
