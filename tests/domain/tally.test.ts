import type { AttendanceStatus } from '../../cloudfunctions/_shared/contracts/activity';
import { tallyOf, tallyRecords } from '../../cloudfunctions/_shared/domain/activity/tally';
import {
  paidMonthsOf,
  paymentEntries,
  withPayment,
} from '../../cloudfunctions/_shared/domain/dues/paid-months';

const r = (memberId: string, status: AttendanceStatus) => ({ memberId, status });

describe('an activity’s tally [FORT-02, MTG-27]', () => {
  it('counts present, late and remote, and the lowest and highest of those member ids', () => {
    expect(
      tallyOf([
        r('m3', 'present'),
        r('m1', 'late'),
        r('m5', 'remote'),
        r('m0', 'absent'),
        r('m9', 'excused'),
        r('m8', 'exempt'),
        r('m7', 'remotePending'),
      ]),
    ).toEqual({ attended: 3, lo: 'm1', hi: 'm5' });
  });

  it('is empty for no attendee, and names the host twice when only the host came', () => {
    expect(tallyOf([])).toEqual({ attended: 0, lo: null, hi: null });
    expect(tallyOf([r('m1', 'absent'), r('m2', 'remotePending')])).toEqual({
      attended: 0,
      lo: null,
      hi: null,
    });
    expect(tallyOf([r('host', 'present'), r('m1', 'absent')])).toEqual({
      attended: 1,
      lo: 'host',
      hi: 'host',
    });
  });

  it('does not depend on the order of the rows', () => {
    const rows = [r('b', 'present'), r('c', 'late'), r('a', 'remote'), r('d', 'absent')];
    expect(tallyOf([...rows].reverse())).toEqual(tallyOf(rows));
  });

  it('stands for records enough to find an attendee besides the host, whoever hosts', () => {
    expect(tallyRecords(null)).toEqual([]);
    expect(tallyRecords(undefined)).toEqual([]);
    expect(tallyRecords({ attended: 0, lo: null, hi: null })).toEqual([]);
    expect(tallyRecords({ attended: 1, lo: 'h', hi: 'h' })).toEqual([r('h', 'present')]);
    const two = tallyRecords(tallyOf([r('h', 'present'), r('a', 'late'), r('z', 'remote')]));
    expect(two).toEqual([r('a', 'present'), r('z', 'present')]);
    for (const host of ['a', 'h', 'z']) expect(two.some((x) => x.memberId !== host)).toBe(true);
  });
});

describe('paid months [FEE-24]', () => {
  it('adds a payment to its month without changing the months it was given', () => {
    const before = { '2026-10': 3825 };
    expect(withPayment(before, '2026-10', 3825)).toEqual({ '2026-10': 7650 });
    expect(withPayment(before, '2026-11', 7650)).toEqual({ '2026-10': 3825, '2026-11': 7650 });
    expect(before).toEqual({ '2026-10': 3825 });
  });

  it('rebuilds from payments the sums withPayment keeps, one ledger entry per month in order', () => {
    const pays = [
      { month: '2026-11', amountFen: 7650 },
      { month: '2026-10', amountFen: 3825 },
      { month: '2026-10', amountFen: 3825 },
    ];
    const paid = paidMonthsOf(pays);
    expect(paid).toEqual({ '2026-10': 7650, '2026-11': 7650 });
    expect(paid).toEqual(pays.reduce((p, x) => withPayment(p, x.month, x.amountFen), {}));
    expect(paidMonthsOf([])).toEqual({});
    expect(paymentEntries('m1', paid)).toEqual([
      { memberId: 'm1', month: '2026-10', amountFen: 7650 },
      { memberId: 'm1', month: '2026-11', amountFen: 7650 },
    ]);
  });
});
