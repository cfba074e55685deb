/**
 * The summaries kept on write for the superior's views [FORT-02]: a closed activity's `tally`
 * (written by activity.close, kept by every later change of a record) and a member-year's paid
 * months (`duesYears`, kept by dues.pay) — checked against the stored rows they summarise, and
 * through what org.dashboard shows, with real actions on the emulator.
 */
import type { DashboardBranch } from '../../cloudfunctions/_shared/contracts/org-oversight';
import { tallyOf } from '../../cloudfunctions/_shared/domain/activity/tally';
import { paidMonthsOf } from '../../cloudfunctions/_shared/domain/dues/paid-months';
import { Backend, startBackend } from '../support/backend';
import { found } from '../support/narrow';
import type { ActionInput, ActionName } from '../../miniprogram/services/types';
import { createFridayThemeDay, FRIDAY_THEME_DAY } from '../support/theme-day';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
afterEach(() => b.restoreClock());

const SEC = 'demo-secretary';
const ORG = 'demo-organizer';
const SUP = 'demo-superior';
const DASH = { orgId: 'demo-committee', year: 2026 };
const at = (iso: string) => b.emulator.clock.freeze(Date.parse(iso));
const act = <A extends ActionName<'activity'>>(
  action: A,
  data: ActionInput<'activity', A>,
  who = SEC,
) => b.ok('activity', action, data, who);
const groupBy = <T>(xs: T[], key: (x: T) => string) => {
  const m = new Map<string, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
};

const rowsOf = (activityId: string) =>
  b.docs('attendance').filter((a) => a.activityId === activityId);
const statusOf = (activityId: string, memberId: string) =>
  found(rowsOf(activityId).find((r) => r.memberId === memberId)).status;
const tallyIn = (activityId: string) =>
  found(b.docs('activities').find((a) => a._id === activityId)).tally;
/** The stored tally is what the stored rows come to. */
const expectKept = (activityId: string) =>
  expect(tallyIn(activityId)).toEqual(tallyOf(rowsOf(activityId)));

/** A direct edit of a document in the store (what no action writes). */
function edit(name: string, id: string, change: (doc: any) => any) {
  const coll = b.emulator.store.ensure(name);
  const before = found(coll.get(id));
  coll.set(id, change(structuredClone(before)));
  b.emulator.store.touch(name, id, before);
}
const dropTally = (id: string) => edit('activities', id, ({ tally: _t, ...rest }) => rest);
/** A tally no write would leave: a change that keeps the tally must overwrite it. */
const makeStale = (id: string) =>
  edit('activities', id, (a) => ({ ...a, tally: { attended: 99, lo: 'stale', hi: 'stale' } }));

const rowIn = (d: { branches: DashboardBranch[] }): DashboardBranch =>
  found(d.branches.find((r) => r.orgId === 'demo-branch'));
/** The dashboard and the database round trips it took. */
async function dashTrips() {
  const { roundTrips, res } = await b.roundTrips('org', 'dashboard', DASH, SUP);
  if (!res.ok) throw new Error(`org.dashboard refused: ${res.error.code}`);
  return { roundTrips, data: res.data as { branches: DashboardBranch[] } };
}
const dashRow = async () => rowIn((await dashTrips()).data);

/** The host opens the code at 15:05 (present); the close at 17:30 marks the recorder present. */
async function holdAndClose(id: string, before: () => Promise<unknown> = async () => {}) {
  at('2026-12-04T15:05:00+08:00');
  await act('checkinToken', { activityId: id });
  await before();
  at('2026-12-04T17:30:00+08:00');
  await act('close', { activityId: id });
}

describe('activity tally', () => {
  beforeEach(() => b.reset('demo'));

  it('is written by the close, equal to what the stored rows come to [CHK-02, MTG-27, FORT-02]', async () => {
    const id = 'demo-theme-day'; // began at 08:55 on 1 December: sign-in is open
    expect(tallyIn(id)).toBeUndefined();
    const t1 = await act('checkinToken', { activityId: id }); // the host: present
    await act('checkin', { token: t1.token }, 'demo-member-1');
    await act('joinRemote', { activityId: id, note: '在深圳视频参加，已交笔记' }, 'demo-mobile');
    at('2026-12-01T09:20:00+08:00');
    const t2 = await act('checkinToken', { activityId: id });
    await act('checkin', { token: t2.token }, 'demo-member-2'); // late
    expect(tallyIn(id)).toBeUndefined(); // nothing to keep before the close
    await act('close', { activityId: id });

    const rows = rowsOf(id);
    expect(rows.map((r) => r.status)).toEqual(expect.arrayContaining(['late', 'remote', 'absent']));
    expectKept(id);
    // secretary, organizer (recorder, present by the close), member-1, member-2 (late), mobile
    expect(tallyIn(id)).toEqual({ attended: 5, lo: 'demo-member-1', hi: 'demo-secretary' });
    await act('close', { activityId: id }); // a repeat changes nothing
    expectKept(id);
    expectKept('demo-theme-day-last'); // the seed's closed one, from its rows
  });

  it('follows corrections after the close: the only attendee besides the host set absent stops the theme day counting on the dashboard, back present it counts again [CHK-13, MTG-27]', async () => {
    const id = await createFridayThemeDay(b);
    await holdAndClose(id);
    await act('record', { activityId: id, minutes: '集中学习，交纳党费', archive: true });
    const closed = { attended: 2, lo: 'demo-organizer', hi: 'demo-secretary' };
    expect(tallyIn(id)).toEqual(closed);
    expectKept(id);
    let row = await dashRow();
    expect(row.cells.themeDay['2026-12']).toBe('held');
    const heldBefore = row.totals.themeDay.held;

    const fix = (status: 'absent' | 'present', reason: string) =>
      act('setAttendance', { activityId: id, memberId: ORG, status, reason });
    await fix('absent', '张伟同志当天临时外出，未实际到会');
    expect(statusOf(id, ORG)).toBe('absent');
    expectKept(id);
    expect(tallyIn(id)).toEqual({ attended: 1, lo: SEC, hi: SEC });
    row = await dashRow();
    expect(row.cells.themeDay['2026-12']).toBe('due'); // only the host: not counted [MTG-27]
    expect(row.totals.themeDay.held).toBe(heldBefore - 1);

    await fix('present', '经核实张伟同志全程参加，更正为出席');
    expectKept(id);
    expect(tallyIn(id)).toEqual(closed);
    row = await dashRow();
    expect(row.cells.themeDay['2026-12']).toBe('held');
    expect(row.totals.themeDay.held).toBe(heldBefore);
  });

  it('is rewritten when a pending leave is approved after the close (absent → excused) [CHK-04]', async () => {
    const id = await createFridayThemeDay(b);
    await act('requestLeave', { activityId: id, reason: '外出参加培训' }, 'demo-member-4');
    await holdAndClose(id);
    expect(statusOf(id, 'demo-member-4')).toBe('absent');
    expectKept(id);
    // absent → excused leaves the count as it was: a stale tally shows the write still recounts
    makeStale(id);
    await act('decideLeave', { activityId: id, memberId: 'demo-member-4', approve: true });
    expect(statusOf(id, 'demo-member-4')).toBe('excused');
    expectKept(id);
    expect(tallyIn(id)).toEqual({ attended: 2, lo: ORG, hi: SEC });
  });

  it('follows the host accepting and rejecting remote participation after the close [CHK-15, CHK-16]', async () => {
    const { id } = await act('create', {
      orgId: 'demo-branch',
      type: 'themeDay',
      title: '12月主题党日（可线上参加）',
      ...FRIDAY_THEME_DAY,
      agenda: ['集中交纳党费'],
      allowRemote: true,
    });
    await holdAndClose(id, async () => {
      await act('joinRemote', { activityId: id, note: '在外地出差，线上参加' }, 'demo-member-1');
      const inflowOrg = '深圳市南山区流动党员党支部';
      await act(
        'attendInflow',
        { activityId: id, inflowOrg, proof: '该支部的参加证明' },
        'demo-mobile',
      );
    });
    expect(statusOf(id, 'demo-mobile')).toBe('remotePending');
    expect(tallyIn(id)).toEqual({ attended: 3, lo: 'demo-member-1', hi: SEC });
    expectKept(id);

    const decide = (memberId: string, accept: boolean, reason?: string) =>
      act('decideRemote', { activityId: id, memberId, accept, reason });
    await decide('demo-mobile', true); // remotePending → remote: one more took part
    expect(statusOf(id, 'demo-mobile')).toBe('remote');
    expectKept(id);
    expect(tallyIn(id).attended).toBe(4);
    await decide('demo-member-1', false, '未能提供参加学习的截图或笔记'); // remote → absent
    expect(statusOf(id, 'demo-member-1')).toBe('absent');
    expectKept(id);
    expect(tallyIn(id)).toEqual({ attended: 3, lo: 'demo-mobile', hi: SEC });
  });

  it('counts a closed activity without a tally from its rows, with at most one more round trip [FORT-02, MTG-27]', async () => {
    // the demo branch as set up in January: November is judged by its records, not n/a
    edit('orgs', 'demo-branch', (o) => ({ ...o, createdAt: new Date('2025-12-31T16:00:00Z') }));

    const withTally = await dashTrips();
    expect(rowIn(withTally.data).cells.themeDay['2026-11']).toBe('held');
    expect(rowIn(withTally.data).cells.themeDay['2026-10']).toBe('missing');

    // closed before tallies were kept
    dropTally('demo-theme-day-last');
    expect(tallyIn('demo-theme-day-last')).toBeUndefined();
    const without = await dashTrips();
    expect(rowIn(without.data).cells.themeDay['2026-11']).toBe('held');
    expect(without.data).toEqual(withTally.data);
    // measured: 7 with tallies (8 before they were kept), 8 with one activity counted from its rows
    expect(without.roundTrips).toBeLessThanOrEqual(withTally.roundTrips + 1);
    expect(withTally.roundTrips).toBeLessThanOrEqual(7);
  });
});

describe('paid months (duesYears)', () => {
  beforeEach(() => b.reset('demo'));
  const M1 = 'demo-member-1';
  const yearId = `demo-branch:${M1}:2026`;
  const pay = (month: string, amountFen: number) =>
    b.roundTrips('dues', 'pay', { memberId: M1, month, amountFen }, ORG);
  const paidIn = () => found(b.docs('duesYears').find((d) => d._id === yearId)).paid;

  it('adds up a month’s payments in the transaction of dues.pay, and the dashboard agrees with the payments [FEE-24, FORT-02]', async () => {
    await b.ok(
      'dues',
      'setBase',
      { memberId: M1, year: 2026, category: 'salaried', baseFen: 510000, fromMonth: '2026-10' },
      ORG,
    ); // 76.50 a month from October
    expect(b.docs('duesYears').find((d) => d._id === yearId)).toBeUndefined();
    let row = await dashRow();
    expect([row.cells.dues['2026-10'], row.cells.dues['2026-11']]).toEqual(['missing', 'missing']);
    expect(row.alerts.find((a) => a.kind === 'arrears')).toMatchObject({ ruleId: 'FEE-24' });

    const first = await pay('2026-10', 3825);
    expect(first.res.ok).toBe(true);
    // measured: 12 — 10 before the paid months were kept, plus their read and their write in the
    // payment's transaction; the same for every later payment of the member
    expect(first.roundTrips).toBeLessThanOrEqual(12);
    expect(paidIn()).toEqual({ '2026-10': 3825 });
    row = await dashRow();
    expect(row.cells.dues['2026-10']).toBe('missing'); // half paid: under [FEE-24]

    const second = await pay('2026-10', 3825);
    expect(second.roundTrips).toBe(first.roundTrips);
    expect(paidIn()).toEqual({ '2026-10': 7650 });
    await pay('2026-11', 7650);
    expect(paidIn()).toEqual({ '2026-10': 7650, '2026-11': 7650 });

    const payments = b.docs('duesPayments').filter((p) => p.memberId === M1 && p.year === 2026);
    expect(payments).toHaveLength(3);
    expect(found(b.docs('duesYears').find((d) => d._id === yearId))).toEqual({
      _id: yearId,
      orgId: 'demo-branch',
      memberId: M1,
      year: 2026,
      paid: paidMonthsOf(payments),
    });

    row = await dashRow();
    expect([row.cells.dues['2026-10'], row.cells.dues['2026-11']]).toEqual(['held', 'held']);
    expect(row.cells.dues['2026-12']).toBe('due'); // the running month [FEE-24]
    expect(row.alerts.find((a) => a.kind === 'arrears')).toBeUndefined();
    // and the branch's own pages, which read the payments, say the same
    const arrears = await b.ok('dues', 'arrears', { orgId: 'demo-branch', asOf: '2026-11' }, ORG);
    expect(arrears.find((a: any) => a.memberId === M1)).toBeUndefined();
    const detail = await b.ok('org', 'branchDetail', { orgId: 'demo-branch', year: 2026 }, SUP);
    expect(detail.dues.months.filter((m) => m.month >= '2026-10' && m.month <= '2026-11')).toEqual([
      { month: '2026-10', paid: 1, due: 1, state: 'held' },
      { month: '2026-11', paid: 1, due: 1, state: 'held' },
    ]);
  });
});

describe('the committee seed’s summaries', () => {
  beforeAll(() => b.reset('committee'));

  it('gives every closed activity the tally of its rows, and no planned one a tally [FORT-02, MTG-27]', () => {
    const rows = groupBy(b.docs('attendance'), (r) => r.activityId);
    const acts = b.docs('activities');
    const closed = acts.filter((a) => a.status === 'closed');
    expect(closed.length).toBeGreaterThan(50);
    for (const a of closed)
      expect([a._id, a.tally]).toEqual([a._id, tallyOf(rows.get(a._id) ?? [])]);
    for (const a of acts.filter((x) => x.status !== 'closed'))
      expect([a._id, a.tally]).toEqual([a._id, undefined]);
  });

  it('gives every member-year with payments its paid months, and only those [FEE-24, FORT-02]', () => {
    const groups = groupBy(b.docs('duesPayments'), (p) => `${p.orgId}:${p.memberId}:${p.year}`);
    const years = b.docs('duesYears');
    expect(groups.size).toBeGreaterThan(100);
    expect(years.map((d) => d._id).sort()).toEqual([...groups.keys()].sort());
    for (const d of years) {
      const list = found(groups.get(d._id));
      expect(d).toEqual({
        _id: d._id,
        orgId: list[0].orgId,
        memberId: list[0].memberId,
        year: list[0].year,
        paid: paidMonthsOf(list),
      });
    }
  });

  it('shows the same dashboard when every tally is dropped and the rows are counted instead, in one more round trip [FORT-02]', async () => {
    const before = await dashTrips();
    for (const a of b.docs('activities').filter((x) => x.tally)) dropTally(a._id);
    expect(b.docs('activities').filter((a) => a.tally)).toEqual([]);
    const after = await dashTrips();
    expect(after.data).toEqual(before.data);
    // counted per org in the database, whatever the number of activities without a tally
    expect(after.roundTrips).toBe(before.roundTrips + 1);
  });
});
