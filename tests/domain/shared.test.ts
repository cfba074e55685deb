import {
  findPersonalData,
  maskIdNumber,
  maskPhone,
} from '../../cloudfunctions/_shared/domain/shared/privacy';
import {
  addMonths,
  addYears,
  isCalendarDate,
  localDate,
  localInstant,
  yearsBetween,
} from '../../cloudfunctions/_shared/domain/shared/time';

describe('privacy masks', () => {
  it('shows a phone as its first 3 and last 4 digits [PRIV-03, PRIV-04]', () => {
    expect(maskPhone('13912345678')).toBe('139****5678');
    expect(maskPhone(null)).toBeNull();
  });
  it('shows an ID number as its last 4 characters only [PRIV-02]', () => {
    expect(maskIdNumber('43010219800101123X')).toBe('**************123X');
  });
  it('finds full mobile and ID numbers in free text, not shorter numbers', () => {
    expect(findPersonalData('联系人 13912345678')).toEqual(['mobile']);
    expect(findPersonalData('身份证 43010219800101123X 已核')).toEqual(['idNumber']);
    expect(findPersonalData('会议室 301，党费 1500 元，2026年11月')).toEqual([]);
  });
});

describe('calendar in Asia/Shanghai', () => {
  it('derives the local date from a UTC instant', () => {
    expect(localDate(new Date('2026-11-21T16:30:00Z'))).toBe('2026-11-22');
    expect(localInstant('2026-11-22', '09:00').toISOString()).toBe('2026-11-22T01:00:00.000Z');
  });
  it('adds months keeping the day and clamping to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', -6)).toBe('2026-05-30');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
  });
  it('validates calendar dates and counts whole years', () => {
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(yearsBetween('1951-11-23', '2026-11-22')).toBe(74);
    expect(yearsBetween('1951-11-22', '2026-11-22')).toBe(75);
  });
});
