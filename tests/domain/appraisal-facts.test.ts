import {
  asOf,
  dateWords,
  disclosureFact,
  duesFact,
  filingFact,
  meetingFact,
  periodWords,
  unrecordedFact,
} from '../../cloudfunctions/_shared/domain/appraisal/facts';

const link = { page: '/p', query: {} };
const running = { year: 2026, today: '2026-12-01' };
const past = { year: 2025, today: '2026-12-01' };
const item = (over: object = {}) => ({
  type: 'themeDay' as const,
  frequency: 'monthly',
  required: 12,
  held: 11,
  missing: ['2026-03'],
  ruleId: 'TD-01',
  notCounted: [],
  ...over,
});

describe('the wording of the 加强支部建设 facts [SEC-06]', () => {
  it('says "截至<today>" for the running year and "<year>年全年" for a past one [SEC-06]', () => {
    expect(dateWords('2026-02-05')).toBe('2026年2月5日');
    expect(asOf(running)).toBe('截至2026年12月1日，');
    expect(asOf(past)).toBe('2025年全年，');
  });

  it('words the held and required periods of a requirement, naming what was missed [SEC-06, TD-01]', () => {
    expect(meetingFact(item(), running, link)).toEqual({
      key: 'themeDays',
      label: '主题党日',
      value: '截至2026年12月1日，全年应开展12次（每月1次），已按要求开展11次；3月没有开展',
      held: 11,
      required: 12,
      link,
      ruleId: 'TD-01',
    });
    const many = meetingFact(
      item({ held: 7, missing: ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05'] }),
      past,
      link,
    );
    expect(many.value).toBe(
      '2025年全年，全年应开展12次（每月1次），已按要求开展7次；1月、2月、3月、4月等没有开展',
    );
    expect(periodWords('2026-Q2')).toBe('第二季度');
    expect(periodWords('2026-H2')).toBe('下半年');
    expect(periodWords('2026-七一')).toBe('七一前后');
    const lecture = meetingFact(
      item({ type: 'partyLecture', frequency: 'julyFirst', required: 1, held: 1, missing: [] }),
      running,
      link,
    );
    expect(lecture).toMatchObject({ key: 'meetings.julyFirstLecture', label: '七一党课' });
  });

  it('keeps a fact nobody records null, never 0 [SEC-06]', () => {
    expect(unrecordedFact('studyHours', '学时完成', 'EDU-01')).toEqual({
      key: 'studyHours',
      label: '学时完成',
      value: null,
      link: null,
      ruleId: 'EDU-01',
    });
    expect(duesFact(null, running, link).value).toBeNull();
    expect(duesFact(null, running, link).held).toBeUndefined();
    expect(duesFact({ paid: 2, due: 3 }, running, link).value).toBe(
      '截至2026年12月1日，应交3人次（每人每月算1次），已交清2人次，完成66%',
    );
  });

  it('says a disclosure older than 30 days is overdue, and not before [DIS-07]', () => {
    const at = (days: number) =>
      disclosureFact({ months: 3, last: '2026-11-01', days }, running, link).value;
    expect(at(29)).toBe(
      '截至2026年12月1日，今年有3个月更新了党务公开；最近一次更新在2026年11月1日，已29天',
    );
    expect(at(30)).toContain('已30天，超过30天没有更新');
    expect(disclosureFact({ months: 0, last: null, days: null }, running, link)).toMatchObject({
      held: 0,
      required: 12,
    });
    expect(disclosureFact({ months: 2, last: '2025-06-03', days: null }, past, link).value).toBe(
      '2025年全年，有2个月更新了党务公开，最后一次在2025年6月3日',
    );
  });

  it('words the records filed on time, or that none is due yet [MTG-19]', () => {
    expect(filingFact({ onTime: 0, total: 0, days: 3 }, running, link).value).toBe(
      '截至2026年12月1日，还没有到期应归档的纪实',
    );
    expect(filingFact({ onTime: 4, total: 5, days: 3 }, past, link)).toMatchObject({
      value: '2025年全年，应在会后3天内归档的纪实5份，按时归档4份',
      held: 4,
      required: 5,
    });
  });
});
