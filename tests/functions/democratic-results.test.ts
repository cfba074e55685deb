import { Backend, snapshot, startBackend } from '../support/backend';
import {
  FULL,
  ID,
  ORG,
  SEC,
  SUP,
  seedDemocratic,
  stored,
  tallyOf,
} from '../support/democratic-kit';

/**
 * Around the 民主评议 decision (DECISION part of issue 14): a 流动党员's 流入地 result imported
 * [APR-20], the handling of an 不合格 党员 with its resolution records [APR-15, APR-16], a
 * 预备党员's problems as a DEV flag [APR-17], and 归档 refused while a 登记表 is incomplete
 * [APR-11]. The campaign is stored as the DEMOCRATIC steps leave it.
 */
let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));

const unqualifiedM1 = () => ({
  grades: Object.fromEntries(
    FULL.map((id) => [id, id === 'demo-member-1' ? 'unqualified' : 'qualified']),
  ) as Record<string, 'qualified' | 'unqualified'>,
  reasons: { 'demo-member-1': '全年无故不参加组织生活' },
  final: true,
  by: ORG,
  at: new Date('2026-11-30T02:00:00Z'),
});

describe('importResult [APR-20]', () => {
  it('records a 流动党员 result from the 流入地 and takes them out of the grading [APR-20]', async () => {
    seedDemocratic(b, { tally: tallyOf(8) });
    const out = await b.ok(
      'appraisal',
      'importResult',
      {
        id: ID,
        memberId: 'demo-mobile',
        grade: 'excellent',
        orgName: '深圳某社区党委',
        proof: '流入地党组织出具的评议结果证明',
      },
      ORG,
    );
    expect(out).toEqual({ id: ID, memberId: 'demo-mobile', grade: 'excellent' });
    expect(stored(b).imported['demo-mobile']).toMatchObject({
      grade: 'excellent',
      orgName: '深圳某社区党委',
      by: ORG,
    });
    const audit = b.docs('auditLogs').filter((a) => a.entityId === ID);
    expect(audit.length).toBe(1);
  });

  it('refuses a member who is not a 流动党员, changing nothing [APR-20]', async () => {
    seedDemocratic(b, { tally: tallyOf(8) });
    const before = snapshot(b);
    const e1 = await b.err(
      'appraisal',
      'importResult',
      { id: ID, memberId: 'demo-member-1', grade: 'qualified', orgName: '外地党委', proof: '证明' },
      ORG,
    );
    expect(e1).toMatchObject({ code: 'APPRAISAL.NOT_MOBILE', details: { ruleId: 'APR-20' } });
    expect(snapshot(b)).toBe(before);
  });

  it('is for the committee only: an ordinary member is refused [APR-20]', async () => {
    seedDemocratic(b, { tally: tallyOf(8) });
    const e = await b.err(
      'appraisal',
      'importResult',
      { id: ID, memberId: 'demo-mobile', grade: 'qualified', orgName: '外地党委', proof: '证明' },
      'demo-member-2',
    );
    expect(e.code).toBe('AUTH.FORBIDDEN');
  });
});

describe('recordHandling [APR-15] [APR-16]', () => {
  it('records 教育转化 for an 不合格 正式党员 with no resolution, and changes no member status [APR-15]', async () => {
    seedDemocratic(b, { step: 'feedback', tally: tallyOf(8), decision: unqualifiedM1() });
    const memberBefore = b.docs('members').find((m) => m._id === 'demo-member-1');
    const out = await b.ok(
      'appraisal',
      'recordHandling',
      { id: ID, memberId: 'demo-member-1', option: 'educate', note: '支部书记谈心谈话，帮助转化' },
      SEC,
    );
    expect(out.handling).toMatchObject({
      option: 'educate',
      optionText: '教育转化',
      correctBy: null,
    });
    expect(b.docs('members').find((m) => m._id === 'demo-member-1')).toEqual(memberBefore);
  });

  it('限期改正 needs the assembly resolution and at most 12 months, counted from it [APR-16]', async () => {
    seedDemocratic(b, { step: 'feedback', tally: tallyOf(8), decision: unqualifiedM1() });
    const none = await b.err(
      'appraisal',
      'recordHandling',
      { id: ID, memberId: 'demo-member-1', option: 'correction', months: 6 },
      SEC,
    );
    expect(none).toMatchObject({
      code: 'APPRAISAL.RESOLUTION_MISSING',
      details: { ruleId: 'APR-16' },
    });
    const long = await b.err(
      'appraisal',
      'recordHandling',
      {
        id: ID,
        memberId: 'demo-member-1',
        option: 'correction',
        months: 13,
        assembly: { ref: '支部党员大会记录', on: '2026-12-01' },
      },
      SEC,
    );
    expect(long.code).toBe('APPRAISAL.CORRECTION_TOO_LONG');
    const ok = await b.ok(
      'appraisal',
      'recordHandling',
      {
        id: ID,
        memberId: 'demo-member-1',
        option: 'correction',
        months: 12,
        assembly: { ref: '支部党员大会记录', on: '2026-12-01' },
      },
      SEC,
    );
    expect(ok.handling.correctBy).toBe('2027-12-01');
  });

  it('劝退 and 除名 need the superior approval dated on or after the assembly [APR-16]', async () => {
    seedDemocratic(b, { step: 'feedback', tally: tallyOf(8), decision: unqualifiedM1() });
    const assembly = { ref: '支部党员大会决议', on: '2026-12-01' };
    const e = await b.err(
      'appraisal',
      'recordHandling',
      { id: ID, memberId: 'demo-member-1', option: 'expel', assembly },
      SEC,
    );
    expect(e.code).toBe('APPRAISAL.RESOLUTION_MISSING');
    const early = await b.err(
      'appraisal',
      'recordHandling',
      {
        id: ID,
        memberId: 'demo-member-1',
        option: 'persuadeWithdraw',
        assembly,
        superior: { ref: '党委批复', on: '2026-11-30' },
      },
      SEC,
    );
    expect(early.code).toBe('APPRAISAL.RESOLUTION_MISSING');
    const ok = await b.ok(
      'appraisal',
      'recordHandling',
      {
        id: ID,
        memberId: 'demo-member-1',
        option: 'persuadeWithdraw',
        assembly,
        superior: { ref: '党委批复', on: '2026-12-01' },
      },
      SEC,
    );
    expect(ok.handling).toMatchObject({ optionText: '劝退', superior: { ref: '党委批复' } });
    expect(b.docs('members').find((m) => m._id === 'demo-member-1').status).toBe('full');
  });

  it('refuses a member not graded 不合格 [APR-15]', async () => {
    seedDemocratic(b, { step: 'feedback', tally: tallyOf(8), decision: unqualifiedM1() });
    const e = await b.err(
      'appraisal',
      'recordHandling',
      { id: ID, memberId: 'demo-member-2', option: 'educate' },
      SEC,
    );
    expect(e).toMatchObject({ code: 'APPRAISAL.NOT_UNQUALIFIED', details: { ruleId: 'APR-15' } });
  });

  it('nobody records the handling of their own case [PRIV-21]', async () => {
    const d = unqualifiedM1();
    d.grades['demo-organizer'] = 'unqualified';
    d.reasons = { ...d.reasons, 'demo-organizer': '无故不参加组织生活' } as typeof d.reasons;
    seedDemocratic(b, { step: 'feedback', tally: tallyOf(8), decision: d });
    const e = await b.err(
      'appraisal',
      'recordHandling',
      { id: ID, memberId: 'demo-organizer', option: 'educate' },
      ORG,
    );
    expect(e).toMatchObject({ code: 'AUTH.FORBIDDEN', details: { ruleId: 'PRIV-21' } });
  });
});

describe('a 预备党员 [APR-17]', () => {
  it('is never disposed of: the handling is refused and routed to the DEV rules as a flag only [APR-17]', async () => {
    seedDemocratic(b, { step: 'feedback', tally: tallyOf(8), decision: unqualifiedM1() });
    const e = await b.err(
      'appraisal',
      'recordHandling',
      { id: ID, memberId: 'demo-probationary', option: 'educate' },
      SEC,
    );
    expect(e).toMatchObject({ code: 'APPRAISAL.NOT_UNQUALIFIED', details: { ruleId: 'APR-17' } });
    const memberBefore = b.docs('members').find((m) => m._id === 'demo-probationary');
    const flag = await b.ok(
      'appraisal',
      'flagProbationary',
      { id: ID, memberId: 'demo-probationary', note: '多次无故不参加组织生活' },
      SEC,
    );
    expect(flag).toMatchObject({ route: 'dev', options: ['extendProbation', 'cancelProbation'] });
    expect(stored(b).devFlags['demo-probationary'].note).toBe('多次无故不参加组织生活');
    expect(b.docs('members').find((m) => m._id === 'demo-probationary')).toEqual(memberBefore);
  });
});

describe('archive [APR-11] [APR-02]', () => {
  it('is refused before the report step, and while a 登记表 is incomplete; then files the appraisal [APR-11]', async () => {
    seedDemocratic(b, { step: 'decision', tally: tallyOf(8), decision: unqualifiedM1() });
    const early = await b.err('appraisal', 'archive', { id: ID }, SEC);
    expect(early).toMatchObject({ code: 'APPRAISAL.STEP_ORDER', details: { ruleId: 'APR-02' } });
    seedDemocratic(b, {
      step: 'archive',
      tally: tallyOf(8),
      decision: unqualifiedM1(),
      noSelf: ['demo-member-3'],
    });
    const gaps = await b.err('appraisal', 'archive', { id: ID }, SEC);
    expect(gaps).toMatchObject({
      code: 'APPRAISAL.FORM_INCOMPLETE',
      details: { ruleId: 'APR-11' },
    });
    expect(gaps.message).toContain('杨帆（个人自评）');
    seedDemocratic(b, { step: 'archive', tally: tallyOf(8), decision: unqualifiedM1() });
    const done = await b.ok('appraisal', 'archive', { id: ID }, SEC);
    expect(done.archivedAt).toBeTruthy();
    expect(stored(b)).toMatchObject({ step: 'done' });
  });

  it('is for the committee: the superior may too, a member may not', async () => {
    seedDemocratic(b, { step: 'archive', tally: tallyOf(8), decision: unqualifiedM1() });
    expect((await b.err('appraisal', 'archive', { id: ID }, 'demo-member-2')).code).toBe(
      'AUTH.FORBIDDEN',
    );
    await b.ok('appraisal', 'archive', { id: ID }, SUP);
  });
});
