import {
  FortressFacts,
  fortressIndex,
  groupMonths,
  reportsFiled,
} from '../../cloudfunctions/_shared/domain/points/fortress';
import { advisedGrade } from '../../cloudfunctions/_shared/domain/points/fortress-parts';

const full: FortressFacts = {
  themeDayMonths: 12,
  assembly: { compliant: 4, required: 4 },
  committee: { months: 12 },
  groups: null,
  lecture: { held: 4, required: 4 },
  orgLifeHeld: true,
  appraisalDone: null,
  dues: null,
  termOk: true,
  disclosureMonths: null,
  records: null,
  reports: null,
};
const item = (f: Partial<FortressFacts>, code: string) =>
  fortressIndex({ ...full, ...f }, null).items.find((i) => i.code === code);
const assessed = { evaluation: 20, fiveStandards: 10, centralWork: 10, reverse: [] };

describe('堡垒指数 meeting items', () => {
  it('gives the 组织生活会 4 or 0; the 民主评议 half waits until appraisals are recorded [FORT-09]', () => {
    expect(item({ orgLifeHeld: true }, 'orgLife')).toMatchObject({ points: 4, max: 4 });
    expect(item({ orgLifeHeld: false }, 'orgLife')).toMatchObject({ points: 0, max: 4 });
    // Not recorded in the app yet (issue 14 builds 民主评议): not applicable, not zero.
    expect(item({ appraisalDone: null }, 'appraisal')).toBeUndefined();
    expect(item({ appraisalDone: true }, 'appraisal')).toMatchObject({ points: 4, max: 4 });
    expect(item({ appraisalDone: false }, 'appraisal')).toMatchObject({ points: 0 });
  });
  it('scores the 党员大会 by the compliant periods of the profile, worth 4 [FORT-05]', () => {
    expect(item({ assembly: { compliant: 3, required: 4 } }, 'assembly')).toMatchObject({
      points: 3,
      max: 4,
    });
    expect(item({ assembly: { compliant: 5, required: 12 } }, 'assembly')?.points).toBe(1); // 咸宁 monthly
    expect(item({ assembly: { compliant: 0, required: 0 } }, 'assembly')?.points).toBe(4);
  });
  it('scores 支委会 months over 12, worth 6, and drops it without a committee [FORT-06]', () => {
    expect(item({ committee: { months: 7 } }, 'committee')).toMatchObject({ points: 3, max: 6 });
    expect(item({ committee: null }, 'committee')).toBeUndefined();
    // not applicable: dropped and the rest renormalised, so a full branch without a committee keeps 60
    expect(fortressIndex({ ...full, committee: null }, null).common).toBe(60);
  });
  it('scores 党小组会 per group and month, worth 4, not applicable without groups [FORT-07]', () => {
    expect(item({ groups: null }, 'groupMeeting')).toBeUndefined();
    expect(item({ groups: { count: 0, compliantGroupMonths: 0 } }, 'groupMeeting')).toBeUndefined();
    expect(item({ groups: { count: 2, compliantGroupMonths: 18 } }, 'groupMeeting')).toMatchObject({
      points: 3, // floor(4 × 18 / 24)
      max: 4,
    });
    // a month counts for as many groups as met, at most every group
    expect(groupMonths(['2026-01', '2026-01', '2026-01', '2026-02'], 2)).toBe(3);
  });
  it('scores 党课 held against the profile, capped at the requirement, worth 4 [FORT-08]', () => {
    expect(item({ lecture: { held: 1, required: 2 } }, 'lecture')).toMatchObject({
      points: 2,
      max: 4,
    });
    expect(item({ lecture: { held: 9, required: 4 } }, 'lecture')?.points).toBe(4);
  });
});

describe('records and reports [FORT-13]', () => {
  it('scores records finalised on time, worth 4, and drops the item with no record yet [FORT-13]', () => {
    expect(item({ records: { onTime: 5, total: 8 } }, 'records')).toMatchObject({
      points: 2, // floor(4 × 5 / 8)
      max: 4,
    });
    expect(item({ records: { onTime: 0, total: 0 } }, 'records')).toBeUndefined();
  });
  it('counts half-year reports as filed once exported, due after 15 July and 15 January [FORT-13]', () => {
    expect(reportsFiled(2026, [], '2026-07-15')).toBeNull();
    expect(reportsFiled(2026, [], '2026-07-16')).toEqual({ filed: 0, due: 2 });
    expect(reportsFiled(2026, ['2026-H1'], '2026-12-01')).toEqual({ filed: 2, due: 2 });
    expect(reportsFiled(2026, ['2026-H1'], '2027-01-16')).toEqual({ filed: 2, due: 4 });
    expect(item({ reports: { filed: 2, due: 4 } }, 'reports')).toMatchObject({ points: 1, max: 2 });
  });
});

describe('structure, groups and grades', () => {
  it('is 共性 60 + 个性 40, the 个性 named by the sector [FORT-02]', () => {
    const r = fortressIndex(full, assessed, 'village');
    expect(r).toMatchObject({ common: 60, personal: 40, total: 100 });
    expect(r.personalItems.map((p) => p.max)).toEqual([20, 10, 10]);
    expect(r.personalItems[2].name).toContain('乡村振兴');
    expect(fortressIndex(full, assessed, 'community').personalItems[2].name).toContain('居民');
    expect(fortressIndex(full, null, 'village').personalItems.every((p) => p.points === null)).toBe(
      true,
    );
  });
  it('makes a branch with a reverse item 后进 directly, whatever its score [FORT-02]', () => {
    const r = fortressIndex(full, { ...assessed, reverse: ['forgedRecords'] });
    expect(r).toMatchObject({ total: 100, backward: true, grade: '三类', stars: 0 });
    expect(fortressIndex(full, assessed)).toMatchObject({ backward: false, stars: 5 });
  });
  it('groups the 共性 items into the four 咸宁 groups, one index per branch and year [FORT-01]', () => {
    const r = fortressIndex(
      { ...full, dues: { paid: 3, due: 4 }, records: { onTime: 1, total: 1 } },
      null,
    );
    expect(r.groups.map((g) => g.code)).toEqual([
      'themeDayPlus',
      'meetings',
      'oversight',
      'twoStudies',
    ]);
    expect(r.groups.find((g) => g.code === 'themeDayPlus')).toMatchObject({ points: 12, max: 12 });
    expect(r.groups.find((g) => g.code === 'oversight')).toMatchObject({
      points: 6 + 4 + 4,
      max: 16,
    });
    const sum = (k: 'points' | 'max') => r.groups.reduce((s, g) => s + g[k], 0);
    expect(sum('points')).toBe(r.items.reduce((s, i) => s + i.points, 0));
    expect(sum('max')).toBe(r.items.reduce((s, i) => s + i.max, 0));
  });
  it('advises a 评组织 grade from the stars, a reverse item giving 三类 [FORT-21]', () => {
    expect(advisedGrade(5, false)).toEqual({ grade: '先进', candidate: true });
    expect(advisedGrade(4, false).grade).toBe('一类');
    expect(advisedGrade(3, false).grade).toBe('一类');
    expect(advisedGrade(2, false).grade).toBe('二类');
    expect(advisedGrade(1, false).grade).toBe('二类');
    expect(advisedGrade(0, false).grade).toBe('三类');
    expect(advisedGrade(5, true)).toEqual({ grade: '三类', candidate: false });
    expect(fortressIndex(full, assessed).advice).toMatchObject({
      grade: '先进',
      ruleId: 'FORT-21',
    });
  });
});
