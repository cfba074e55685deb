import {
  committeeAlerts,
  hasOneYearStanding,
  vacanciesAfter,
} from '../../cloudfunctions/_shared/domain/org/committee-alerts';
import {
  advancedGradeAllowed,
  declarationDue,
  emptyProgress,
  FIVE_DIMENSIONS,
  FIVE_STATUSES,
  fiveStandardsAlerts,
  roomAlerts,
  statusOf,
} from '../../cloudfunctions/_shared/domain/org/five-standards';
import { ORG_KINDS, SECTORS } from '../../cloudfunctions/_shared/domain/org/model';
import {
  jointBranchAlerts,
  sizeAlerts,
} from '../../cloudfunctions/_shared/domain/org/structure-alerts';
import { orgContract } from '../../cloudfunctions/_shared/contracts/org';

const ids = (xs: { ruleId: string }[]) => xs.map((x) => x.ruleId);

describe('org vocabulary [ORG-01]', () => {
  it('has the five org types and the ten sectors of the catalogue, each sector with its Chinese name [ORG-01]', () => {
    expect([...ORG_KINDS].filter((k) => k !== 'partyGroup').sort()).toEqual(
      ['baseCommittee', 'branch', 'generalBranch', 'jointBranch', 'tempBranch'].sort(),
    );
    expect(SECTORS).toEqual({
      organ: '机关',
      institution: '事业单位',
      soe: '国企',
      private: '非公企业',
      socialOrg: '社会组织',
      village: '农村',
      community: '社区',
      school: '学校',
      hospital: '医院',
      retired: '离退休',
    });
  });
  it('takes a sector by identifier or by its Chinese name, and refuses any other [ORG-01]', () => {
    const input = { parentId: 'p', name: '支部', kind: 'branch', termStart: '2025-01-01' };
    const parse = (category: string) =>
      orgContract.createOrg.input.safeParse({ ...input, category });
    expect(parse('农村')).toMatchObject({ success: true, data: { category: 'village' } });
    expect(parse('hospital')).toMatchObject({ success: true, data: { category: 'hospital' } });
    expect(parse('工厂').success).toBe(false);
    expect(
      orgContract.createOrg.input.safeParse({ ...input, category: 'organ', kind: 'club' }).success,
    ).toBe(false);
  });
});

describe('size of 党总支 and 基层党委 [ORG-05, ORG-06, ORG-07]', () => {
  const f = {
    kind: 'generalBranch' as const,
    sector: 'organ' as const,
    members: 50,
    smallApproved: false,
    delegateCongress: false,
  };
  it('counts 50 and 100 inside the 机关 range, outside it in other sectors [ORG-05]', () => {
    expect(sizeAlerts(f)).toEqual([]);
    expect(sizeAlerts({ ...f, members: 100 })).toEqual([]);
    expect(sizeAlerts({ ...f, members: 49 })[0]).toMatchObject({
      ruleId: 'ORG-05',
      level: 'warning',
    });
    expect(sizeAlerts({ ...f, sector: 'soe' })[0]).toMatchObject({
      ruleId: 'ORG-05',
      level: 'warning',
    });
    expect(sizeAlerts({ ...f, sector: 'soe', members: 100 })[0]).toMatchObject({
      ruleId: 'ORG-05',
      level: 'info',
    });
    expect(sizeAlerts({ ...f, sector: 'soe', members: 51 })).toEqual([]);
  });
  it('is silenced by the superior’s recorded approval of a small 党总支 [ORG-05]', () => {
    expect(sizeAlerts({ ...f, members: 30, smallApproved: true })).toEqual([]);
  });
  it('warns of a 基层党委 under 100 members [ORG-06]', () => {
    const c = { ...f, kind: 'baseCommittee' as const };
    expect(ids(sizeAlerts({ ...c, members: 99 }))).toEqual(['ORG-06']);
    expect(sizeAlerts({ ...c, members: 100 })).toEqual([]);
  });
  it('suggests a 党员代表大会 from 500 members until the superior’s approval is recorded [ORG-07]', () => {
    const c = { ...f, kind: 'baseCommittee' as const };
    expect(ids(sizeAlerts({ ...c, members: 499 }))).toEqual([]);
    expect(ids(sizeAlerts({ ...c, members: 500 }))).toEqual(['ORG-07']);
    expect(sizeAlerts({ ...c, members: 800, delegateCongress: true })).toEqual([]);
  });
  it('lets 5 units pass and warns at 6 [ORG-03]', () => {
    expect(jointBranchAlerts('jointBranch', 5)).toEqual([]);
    expect(ids(jointBranchAlerts('jointBranch', 6))).toEqual(['ORG-03']);
    expect(jointBranchAlerts('branch', 9)).toEqual([]);
  });
});

describe('committee [ORG-14, ORG-16, ORG-17]', () => {
  const today = '2026-12-01';
  it('needs a full member with two years since joining (one of 预备期, one of 党龄) [ORG-17]', () => {
    expect(hasOneYearStanding({ status: 'full', joinedAt: '2024-12-01' }, today)).toBe(true);
    expect(hasOneYearStanding({ status: 'full', joinedAt: '2024-12-02' }, today)).toBe(false);
    expect(hasOneYearStanding({ status: 'probationary', joinedAt: '2010-01-01' }, today)).toBe(
      false,
    );
  });
  it('opens a vacancy only when the last holder leaves, and closes it when filled [ORG-16]', () => {
    const off = { role: 'orgCommissioner' as const, on: false, heldIt: true, othersHoldIt: false };
    expect(vacanciesAfter({}, off, today)).toEqual({ orgCommissioner: today });
    expect(vacanciesAfter({}, { ...off, othersHoldIt: true }, today)).toEqual({});
    expect(vacanciesAfter({}, { ...off, role: 'scorer' }, today)).toEqual({});
    expect(vacanciesAfter({ orgCommissioner: '2026-01-01' }, { ...off, on: true }, today)).toEqual(
      {},
    );
  });
  it('does not ask a branch without a committee for commissioners [ORG-14]', () => {
    const facts = { fullMembers: 5, members: [], vacancies: {}, today, vacancyAlertDays: 90 };
    expect(committeeAlerts(facts)).toEqual([]);
    expect(ids(committeeAlerts({ ...facts, fullMembers: 7 }))).toEqual([
      'ORG-14',
      'ORG-14',
      'ORG-14',
    ]);
  });
});

describe('五化 [ORG-26, ORG-27, ORG-28, ORG-30, ORG-31]', () => {
  it('has the five statuses and dimensions of the catalogue [ORG-26]', () => {
    expect(Object.values(FIVE_STATUSES)).toEqual([
      '未申报',
      '已申报',
      '达标',
      '示范点',
      '抽查不合格',
    ]);
    expect(FIVE_DIMENSIONS).toHaveLength(5);
    expect(statusOf(2026, [{ year: 2024, status: 'model' }])).toBe('met');
    expect(statusOf(2026, [{ year: 2025, status: 'declared' }])).toBe('notDeclared');
  });
  it('is due on 30 April, or one month after founding in that year [ORG-27]', () => {
    expect(declarationDue(2026, '2019-05-01')).toBe('2026-04-30');
    expect(declarationDue(2026, '2026-01-31')).toBe('2026-02-28');
    const f = {
      year: 2026,
      status: 'notDeclared' as const,
      foundedOn: '2019-05-01',
      progress: emptyProgress(),
    };
    expect(fiveStandardsAlerts({ ...f, today: '2026-03-29' })).toEqual([]);
    expect(fiveStandardsAlerts({ ...f, today: '2026-03-30' })[0]).toMatchObject({
      ruleId: 'ORG-27',
      level: 'info',
    });
    expect(fiveStandardsAlerts({ ...f, today: '2026-05-01' })[0]).toMatchObject({
      ruleId: 'ORG-27',
      level: 'warning',
    });
    expect(fiveStandardsAlerts({ ...f, status: 'met', today: '2026-05-01' })).toEqual([]);
  });
  it('names only past months without 完成情况, never the running one [ORG-28]', () => {
    const progress = emptyProgress().map((r) => ({
      ...r,
      target: 't',
      done: r.month < 3 ? 'ok' : '',
    }));
    const a = fiveStandardsAlerts({
      year: 2026,
      status: 'declared',
      foundedOn: '2019-01-01',
      progress,
      today: '2026-04-15',
    });
    expect(a).toEqual([
      expect.objectContaining({
        ruleId: 'ORG-28',
        message: expect.stringContaining('3月的完成情况'),
      }),
    ]);
  });
  it('refuses 先进 in the year of a failed spot check, not in another year [ORG-30]', () => {
    expect(advancedGradeAllowed('spotFailed', 2026)).toMatchObject({
      ok: false,
      code: 'ORG.SPOT_CHECK_FAILED',
      ruleId: 'ORG-30',
    });
    expect(advancedGradeAllowed('met', 2026)).toEqual({ ok: true, value: undefined });
  });
  it('lists the missing 六有 items and, in 咸宁 only, the 入党誓词 [ORG-31]', () => {
    const items = {
      site: true,
      facilities: true,
      signage: true,
      flag: true,
      books: true,
      rules: true,
    };
    expect(roomAlerts({ items, managerId: 'm', oath: false }, 'hunan')).toEqual([]);
    expect(roomAlerts({ items, managerId: 'm', oath: false }, 'xianning')[0].message).toContain(
      '入党誓词',
    );
    expect(
      roomAlerts({ items: { ...items, flag: false }, managerId: null, oath: true }, 'default')[0]
        .message,
    ).toBe('党员活动室尚缺：有党旗、明确活动室管理人');
  });
});
