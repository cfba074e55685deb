import {
  appraisalReminders,
  RemindedCampaign,
  reviewDue,
} from '../../cloudfunctions/_shared/domain/appraisal/reminders';

/** Who must act on a secretary review, day by day: the boundaries of the reminders (pure). */
const base: RemindedCampaign = {
  _id: 'c1',
  year: 2026,
  subjectId: 'sec',
  step: 'committee',
  report: { status: 'approved', submittedAt: null, decidedAt: null },
  publishedAt: null,
  tasks: [],
};
const on = (today: string, c: Partial<RemindedCampaign> = {}, jiaozuo = false) =>
  appraisalReminders(
    { ...base, ...c },
    {
      today,
      now: new Date(`${today}T00:00:00Z`),
      due: reviewDue(2026),
      jiaozuo,
    },
  );
const keys = (today: string, c: Partial<RemindedCampaign> = {}) => on(today, c).map((r) => r.key);

describe('SEC-03: finished by sec.due', () => {
  it('is quiet 16 days before, reminds from 15 days before to the day, then once late [SEC-03]', () => {
    expect(keys('2026-12-15')).toEqual(['committee']);
    expect(keys('2026-12-16')).toEqual(['committee', 'sec03:soon:2026-12-31']);
    expect(keys('2026-12-31')).toContain('sec03:soon:2026-12-31');
    expect(keys('2027-01-01')).toEqual(['committee', 'sec03:late:2026-12-31']);
    expect(keys('2027-01-01', { step: 'done' })).toEqual([]);
  });
  it('goes to the superior [SEC-03]', () => {
    const r = on('2026-12-20').find((x) => x.ruleId === 'SEC-03');
    expect(r?.to).toEqual({ kind: 'superior' });
  });
});

describe('each step names who acts', () => {
  it('sends a new submission and a new return under a new key [SEC-07]', () => {
    const submitted = (ms: number) => ({
      step: 'report' as const,
      report: { status: 'submitted', submittedAt: new Date(ms), decidedAt: null },
    });
    expect(keys('2026-12-01', submitted(1))).not.toEqual(keys('2026-12-01', submitted(2)));
    expect(on('2026-12-01', submitted(1))[0].to).toEqual({ kind: 'superior' });
  });
  it('asks the branch committee, not the subject, for the 党员大会 [SEC-08] [PRIV-21]', () => {
    expect(on('2026-12-01', { step: 'assembly' })[0].to).toEqual({ kind: 'branchCommittee' });
  });
  it('words the jiaozuo 组织评定 as 评书记 [SEC-17]', () => {
    expect(
      appraisalReminders(
        { ...base, step: 'grade' },
        { today: '2026-12-01', now: new Date(), due: '2026-12-31', jiaozuo: true },
      )[0],
    ).toMatchObject({ what: '评书记待组织评定', ruleId: 'SEC-17' });
  });
  it('tells the secretary of the result within 30 days of publication only [SEC-14]', () => {
    const published = { step: 'done' as const, publishedAt: new Date('2026-12-01T00:00:00Z') };
    expect(keys('2026-12-30', published)).toEqual(['published']);
    expect(keys('2026-12-31', published)).toEqual([]);
  });
  it('keeps every message within the template’s 20 characters', () => {
    const states: Partial<RemindedCampaign>[] = [
      { step: 'report', report: { status: 'draft', submittedAt: null, decidedAt: null } },
      { step: 'report', report: { status: 'returned', submittedAt: null, decidedAt: null } },
      { step: 'assembly' },
      { step: 'grade' },
      { step: 'publish' },
      {
        step: 'done',
        publishedAt: new Date('2027-03-20T00:00:00Z'),
        tasks: [
          { kind: 'orgHandling', ownerId: 'sup', due: null, done: false },
          { kind: 'rectification', ownerId: 'sec', due: '2027-03-22', done: false },
        ],
      },
    ];
    for (const s of states)
      for (const r of on('2027-03-20', s)) {
        expect(r.what.length).toBeLessThanOrEqual(20);
        expect(r.hint.length).toBeLessThanOrEqual(20);
      }
  });
});

describe('follow-ups [SEC-15, SEC-16]', () => {
  const task = { kind: 'rectification' as const, ownerId: 'sec', due: '2027-03-20', done: false };
  const done = { step: 'done' as const, publishedAt: new Date('2026-12-20T00:00:00Z') };
  it('reminds 7 days before the deadline, not 8, and once late; nothing when done [SEC-15]', () => {
    expect(keys('2027-03-12', { ...done, tasks: [task] })).toEqual(['task:rectification:new']);
    expect(keys('2027-03-13', { ...done, tasks: [task] })).toContain(
      'task:rectification:soon:2027-03-20',
    );
    expect(keys('2027-03-21', { ...done, tasks: [task] })).toContain(
      'task:rectification:late:2027-03-20',
    );
    expect(keys('2027-03-21', { ...done, tasks: [{ ...task, done: true }] })).toEqual([]);
  });
  it('sends the 组织处理 flag to its owner, with no deadline of its own [SEC-16]', () => {
    const flag = { kind: 'orgHandling' as const, ownerId: 'sup', due: null, done: false };
    const r = on('2027-05-01', { ...done, tasks: [flag] });
    expect(r.map((x) => [x.key, x.to, x.ruleId])).toEqual([
      ['task:orgHandling:new', { kind: 'member', memberId: 'sup' }, 'SEC-16'],
    ]);
  });
});
