import {
  filingDeadline,
  filingOverdue,
  finalisedOnTime,
} from '../../cloudfunctions/_shared/domain/activity/filing';
import {
  checkEvidence,
  checkHost,
  checkRecordItems,
  liaisonTopicsOf,
  recordAlerts,
  RecordFacts,
} from '../../cloudfunctions/_shared/domain/activity/record-rules';
import { compliance, requirements } from '../../cloudfunctions/_shared/domain/activity/compliance';
import { localInstant } from '../../cloudfunctions/_shared/domain/shared/time';

const end = localInstant('2026-12-04', '17:00'); // Friday

describe('filing window [MTG-19]', () => {
  it('closes at the end of the third local day after the activity [MTG-19]', () => {
    expect(filingDeadline({ endAt: end }, 3).toISOString()).toBe(
      localInstant('2026-12-08').toISOString(),
    );
    // An activity ending at 23:30 Beijing time (15:30 UTC) still belongs to its local day.
    expect(+filingDeadline({ endAt: localInstant('2026-12-04', '23:30') }, 3)).toBe(
      +localInstant('2026-12-08'),
    );
  });
  it('answers on time, late, or not yet due [MTG-19]', () => {
    const open = { endAt: end, record: null };
    expect(finalisedOnTime(open, 3, localInstant('2026-12-07', '23:59'))).toBeNull();
    expect(finalisedOnTime(open, 3, localInstant('2026-12-08'))).toBe(false);
    expect(filingOverdue(open, 3, localInstant('2026-12-08'))).toBe(true);
    const onTime = {
      endAt: end,
      record: { archived: true, archivedAt: localInstant('2026-12-07', '20:00') },
    };
    expect(finalisedOnTime(onTime, 3, localInstant('2026-12-30'))).toBe(true);
    const late = { endAt: end, record: { archived: true, archivedAt: localInstant('2026-12-09') } };
    expect(finalisedOnTime(late, 3, localInstant('2026-12-30'))).toBe(false);
    expect(finalisedOnTime(late, 7, localInstant('2026-12-30'))).toBe(true);
    expect(filingOverdue(late, 3, localInstant('2026-12-30'))).toBe(false);
  });
});

const facts = (f: Partial<RecordFacts>): RecordFacts => ({
  type: 'branchAssembly',
  profile: 'default',
  items: [],
  itemsDone: [],
  committee: new Set(['sec', 'org']),
  priorCommittee: new Set(),
  archiving: false,
  reportWithinDays: 7,
  ...f,
});

describe('record items', () => {
  it('refuses a committee meeting that records what only the assembly decides [MTG-26]', () => {
    for (const decision of [
      'admitProbationary',
      'election',
      'discipline',
      'acceptCommitteeReport',
    ] as const) {
      const r = checkRecordItems('committeeMeeting', [{ title: '议题', decision }], null);
      expect(r).toMatchObject({ ok: false, code: 'RECORD.ASSEMBLY_ONLY', ruleId: 'MTG-26' });
    }
    expect(
      checkRecordItems('committeeMeeting', [{ title: '议题', decision: 'majorMatter' }], null).ok,
    ).toBe(true);
    expect(
      checkRecordItems(
        'branchAssembly',
        [
          {
            title: '接收预备党员',
            decision: 'admitProbationary',
            resolution: '同意',
            tally: { yes: 5, no: 0, abstain: 0 },
          },
        ],
        { eligiblePresent: 5 },
      ).ok,
    ).toBe(true);
  });
  it('needs each assembly decision with its resolution and a tally no larger than those present [MTG-11]', () => {
    expect(
      checkRecordItems(
        'branchAssembly',
        [{ title: '选举', decision: 'election', resolution: '当选' }],
        { eligiblePresent: 5 },
      ),
    ).toMatchObject({ ok: false, code: 'RECORD.INCOMPLETE', ruleId: 'MTG-11' });
    expect(
      checkRecordItems(
        'branchAssembly',
        [
          {
            title: '选举',
            decision: 'election',
            resolution: '当选',
            tally: { yes: 5, no: 1, abstain: 0 },
          },
        ],
        { eligiblePresent: 5 },
      ),
    ).toMatchObject({ ok: false, ruleId: 'MTG-11' });
  });
  it('warns when a committee resolution has no responsible committee member [MTG-12]', () => {
    const items = [
      { title: '组织学习', resolution: '下周开展', responsibleId: 'org' },
      { title: '走访困难党员', resolution: '月底前完成' },
      { title: '清理台账', resolution: '本月完成', responsibleId: 'member-1' },
    ];
    const alerts = recordAlerts(facts({ type: 'committeeMeeting', items }));
    expect(alerts).toEqual([expect.objectContaining({ ruleId: 'MTG-12', level: 'warning' })]);
    expect(alerts[0].message).toContain('走访困难党员');
    expect(alerts[0].message).toContain('清理台账');
    expect(alerts[0].message).not.toContain('组织学习');
    expect(recordAlerts(facts({ type: 'committeeMeeting', items: items.slice(0, 1) }))).toEqual([]);
  });
  it('warns when a major assembly item was not first discussed by the committee [MTG-25]', () => {
    const item = { title: '村集体资金使用', major: true, resolution: '通过' };
    expect(recordAlerts(facts({ items: [item] })).map((a) => a.ruleId)).toEqual(['MTG-25']);
    expect(
      recordAlerts(
        facts({ items: [{ ...item, committeeMeetingId: 'c1' }], priorCommittee: new Set(['c1']) }),
      ),
    ).toEqual([]);
    // A link to something that is not an earlier committee meeting of the branch does not count.
    expect(
      recordAlerts(facts({ items: [{ ...item, committeeMeetingId: 'x' }] })).map((a) => a.ruleId),
    ).toEqual(['MTG-25']);
  });
  it('checks a 离退休 branch against its own short template, not the profile one [TD-17, TD-13]', () => {
    const retired = (itemsDone: string[]) =>
      recordAlerts(facts({ type: 'themeDay', archiving: true, template: 'retired', itemsDone }));
    expect(retired(['学习讨论', '集中交纳党费'])).toEqual([]);
    const missing = retired(['学习讨论']);
    expect(missing).toEqual([expect.objectContaining({ ruleId: 'TD-17' })]);
    expect(missing[0].message).toContain('集中交纳党费');
    expect(missing[0].message).not.toContain('重温入党誓词');
  });
  it('alerts on finalising a theme day without a required template item, never refusing [TD-17]', () => {
    const alerts = recordAlerts(
      facts({ type: 'themeDay', archiving: true, itemsDone: ['缴纳党费', '专题学习'] }),
    );
    expect(alerts).toEqual([expect.objectContaining({ ruleId: 'TD-17' })]);
    expect(alerts[0].message).toContain('重温入党誓词');
    expect(
      recordAlerts(
        facts({
          type: 'themeDay',
          archiving: true,
          itemsDone: ['缴纳党费', '重温入党誓词', '专题学习'],
        }),
      ),
    ).toEqual([]);
    // hunan's template has other items.
    expect(
      recordAlerts(
        facts({
          type: 'themeDay',
          profile: 'hunan',
          archiving: true,
          itemsDone: ['组织学习讨论', '集中交纳党费', '民主议事决策'],
        }),
      ),
    ).toEqual([]);
  });
  it('reminds to report important resolutions to the superior on finalising [MTG-23]', () => {
    const items = [
      {
        title: '发展对象',
        decision: 'admitProbationary' as const,
        resolution: '同意',
        tally: { yes: 5, no: 0, abstain: 0 },
      },
    ];
    expect(recordAlerts(facts({ items, archiving: true }))).toEqual([
      expect.objectContaining({ ruleId: 'MTG-23', message: expect.stringContaining('7天内') }),
    ]);
    expect(
      recordAlerts(facts({ items: [{ title: '学习', decision: 'other' }], archiving: true })),
    ).toEqual([]);
  });
  it('needs no photo unless the superior set a minimum [PRIV-12, MTG-21]', () => {
    expect(checkEvidence(0, 0).ok).toBe(true);
    expect(checkEvidence(0, 1)).toMatchObject({
      ok: false,
      code: 'RECORD.EVIDENCE_REQUIRED',
      ruleId: 'MTG-21',
    });
    expect(checkEvidence(2, 1).ok).toBe(true);
  });
});

describe('scheduling', () => {
  it('lets only the 书记, or a 支委 with the delegation recorded, host an assembly or committee meeting [MTG-15]', () => {
    const sec = { isSecretary: true, onCommittee: true };
    const deputy = { isSecretary: false, onCommittee: true };
    const member = { isSecretary: false, onCommittee: false };
    expect(checkHost('branchAssembly', sec, undefined).ok).toBe(true);
    expect(checkHost('committeeMeeting', deputy, undefined)).toMatchObject({
      ok: false,
      ruleId: 'MTG-15',
    });
    expect(checkHost('committeeMeeting', deputy, '书记外出学习').ok).toBe(true);
    expect(checkHost('branchAssembly', member, '书记外出学习')).toMatchObject({
      ok: false,
      code: 'ACTIVITY.HOST_NOT_ALLOWED',
    });
    expect(checkHost('themeDay', member, undefined).ok).toBe(true);
  });
  it('names the agenda topics the superior liaison is told of [MTG-24]', () => {
    expect(
      liaisonTopicsOf('branchAssembly', '第二季度党员大会', ['讨论接收预备党员', '选举支部委员']),
    ).toEqual(['发展党员', '党内选举']);
    expect(liaisonTopicsOf('orgLifeMeeting', '年度组织生活会', [])).toEqual(['组织生活会']);
    expect(liaisonTopicsOf('branchAssembly', '学习贯彻会议精神', ['集中学习'])).toEqual([]);
  });
});

describe('compliance defaults', () => {
  const held = (type: 'groupMeeting' | 'partyLecture', date: string) => ({
    type,
    date,
    counts: true,
  });
  it('asks each branch with 党小组 for a group meeting every month, quarterly if the superior says so [MTG-03]', () => {
    expect(requirements('default', 'village', true).some((r) => r.type === 'groupMeeting')).toBe(
      false,
    );
    const monthly = requirements('default', 'village', true, { group: 'monthly' });
    const [item] = compliance(
      monthly,
      [held('groupMeeting', '2026-01-10')],
      2026,
      '2026-04-02',
    ).filter((i) => i.type === 'groupMeeting');
    expect(item).toMatchObject({ ruleId: 'MTG-03', required: 12, missing: ['2026-02', '2026-03'] });
    const quarterly = requirements('default', 'village', true, { group: 'quarterly' });
    const [q] = compliance(
      quarterly,
      [held('groupMeeting', '2026-01-10')],
      2026,
      '2026-04-02',
    ).filter((i) => i.type === 'groupMeeting');
    expect(q).toMatchObject({ required: 4, missing: [] });
  });
  it('asks for a 党课 every quarter by default, as the superior sets it [MTG-04]', () => {
    const [lecture] = requirements('default', 'village', true).filter(
      (r) => r.type === 'partyLecture',
    );
    expect(lecture).toMatchObject({ frequency: 'quarterly', ruleId: 'MTG-04' });
    const [monthly] = requirements('hunan', 'village', true, { lecture: 'monthly' }).filter(
      (r) => r.type === 'partyLecture',
    );
    expect(monthly).toMatchObject({ frequency: 'monthly', ruleId: 'MTG-04' });
  });
  it('asks for one 党课 between 15 June and 15 July [MTG-06]', () => {
    const reqs = requirements('default', 'village', true, { julyFirst: true });
    const july = (date: string) =>
      compliance(reqs, [held('partyLecture', date)], 2026, '2026-08-01').find(
        (i) => i.ruleId === 'MTG-06',
      );
    expect(july('2026-06-15')).toMatchObject({ required: 1, held: 1, missing: [] });
    expect(july('2026-07-15')).toMatchObject({ held: 1 });
    expect(july('2026-06-14')).toMatchObject({ held: 0, missing: ['2026-七一'] });
    expect(july('2026-07-16')).toMatchObject({ held: 0 });
    expect(
      requirements('default', 'village', true, { julyFirst: false }).some(
        (r) => r.ruleId === 'MTG-06',
      ),
    ).toBe(false);
  });
});
