import { Backend, snapshot, startBackend } from '../support/backend';
import { democraticKit } from '../support/appraisal-democratic-kit';

/**
 * 民主评议党员 (kind `democraticAppraisal`): the campaign, the steps of APR-02 in order, the
 * 个人自评 and the 党员互评 summaries, through the real SDK on the demo seed.
 */
let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));
afterEach(() => b.restoreClock());

const k = democraticKit(() => b);
const { SUP, SEC, ORGANIZER, ID, M, PROB, FULL, ALL } = k;

describe('opening a 民主评议 [APR-01, APR-06, APR-20]', () => {
  it('fixes the participants from the roster: 正式 and 预备, the 流动党员 and the exempt member, never one transferred out [APR-06] [APR-20]', async () => {
    const gone = b.emulator.store.get('members')!.get(M(8)) as Record<string, unknown>;
    gone.transfer = {
      toOrgName: '外地党支部',
      reason: '工作调动',
      on: '2026-11-01',
      month: '2026-11',
    };
    expect(await k.open()).toMatchObject({ id: ID });
    const [doc] = b.docs('democraticAppraisals');
    const ids = doc.participants.map((p: { memberId: string }) => p.memberId);
    expect(ids).toEqual(ALL.filter((m) => m !== M(8)));
    expect(doc.participants.find((p: any) => p.memberId === PROB).status).toBe('probationary');
    expect(doc.participants.find((p: any) => p.memberId === 'demo-mobile').mobile).toBe(true);
    expect(doc.participants.find((p: any) => p.memberId === 'demo-elder').exempt).toBe(true);
    const got = await k.get();
    expect(got).toMatchObject({ kind: 'democraticAppraisal', orgId: 'demo-branch', step: 'study' });
    // N = 12 正式党员 graded here → at most 4 优秀 [APR-05]
    expect(got.democratic!.quota).toBe(4);
    expect(got.steps.map((s) => s.title)).toEqual([
      '学习',
      '个人自评',
      '党员互评',
      '民主测评',
      '组织评定',
      '向党员反馈结果',
      '报告基层党委',
      '记入个人档案',
    ]);
  });

  it('is opened once per branch and year, by the committee or the superior only [APR-01]', async () => {
    const before = snapshot(b);
    const member = await b.err(
      'appraisal',
      'open',
      { kind: 'democraticAppraisal', orgId: 'demo-branch', year: 2026 },
      M(1),
    );
    expect(member.code).toBe('AUTH.FORBIDDEN');
    const old = await b.err(
      'appraisal',
      'open',
      { kind: 'democraticAppraisal', orgId: 'demo-branch', year: 2024 },
      SEC,
    );
    expect(old).toMatchObject({ code: 'APPRAISAL.WRONG_YEAR', details: { ruleId: 'APR-01' } });
    const committee = await b.err(
      'appraisal',
      'open',
      { kind: 'democraticAppraisal', orgId: 'demo-committee', year: 2026 },
      SUP,
    );
    expect(committee.code).toBe('APPRAISAL.KIND_NOT_AVAILABLE');
    expect(snapshot(b)).toBe(before);
    await k.open();
    const again = snapshot(b);
    const second = await b.err(
      'appraisal',
      'open',
      { kind: 'democraticAppraisal', orgId: 'demo-branch', year: 2026 },
      SUP,
    );
    expect(second.code).toBe('CONFLICT');
    expect(snapshot(b)).toBe(again);
    await k.open('demo-branch-2', SUP);
    expect(b.docs('democraticAppraisals')).toHaveLength(2);
  });

  it('shows the superior every kind of the year on one console [APR-01]', async () => {
    await k.open();
    await b.ok(
      'appraisal',
      'open',
      { kind: 'secretaryReview', orgId: 'demo-branch', year: 2026 },
      SUP,
    );
    const list = await b.ok('appraisal', 'list', { orgId: 'demo-committee', year: 2026 }, SUP);
    expect(list.map((c) => c.kind).sort()).toEqual(['democraticAppraisal', 'secretaryReview']);
    const mine = list.find((c) => c.kind === 'democraticAppraisal')!;
    expect(mine.can).toEqual(expect.arrayContaining(['completeStep', 'entries']));
  });
});

describe('the steps in order [APR-02]', () => {
  it('refuses a 自评 before the 学习, and the 学习 without evidence, changing nothing [APR-02]', async () => {
    await k.open();
    const before = snapshot(b);
    const early = await b.err('appraisal', 'selfEvaluate', { id: ID, text: '我的自评' }, M(1));
    expect(early).toMatchObject({ code: 'APPRAISAL.STEP_ORDER', details: { ruleId: 'APR-02' } });
    const skip = await b.err(
      'appraisal',
      'completeStep',
      { id: ID, step: 'mutualEvaluation', note: '跳过' },
      SEC,
    );
    expect(skip.code).toBe('APPRAISAL.STEP_ORDER');
    expect(skip.message).toContain('请先完成“学习”');
    const bare = await b.err('appraisal', 'completeStep', { id: ID, step: 'study' }, SEC);
    expect(bare).toMatchObject({ code: 'APPRAISAL.NOTE_REQUIRED', details: { ruleId: 'APR-02' } });
    const byMember = await b.err(
      'appraisal',
      'completeStep',
      { id: ID, step: 'study', note: '学习' },
      M(1),
    );
    expect(byMember.code).toBe('AUTH.FORBIDDEN');
    expect(snapshot(b)).toBe(before);
  });

  it('takes a held study session of the branch as the evidence of 学习 [APR-02]', async () => {
    await k.open();
    // planned, nobody signed in yet: not evidence that the 学习 was held
    const { id: planned } = await b.ok(
      'activity',
      'create',
      {
        orgId: 'demo-branch',
        type: 'studySession',
        title: '集中学习',
        startAt: '2026-12-10T15:00:00+08:00',
        endAt: '2026-12-10T17:00:00+08:00',
      },
      SEC,
    );
    const none = await b.err(
      'appraisal',
      'completeStep',
      { id: ID, step: 'study', activityId: planned },
      SEC,
    );
    expect(none.code).toBe('APPRAISAL.NEEDS_MEETING');
    const held = await k.meeting([M(1), M(2)], 'studySession');
    expect(
      await b.ok('appraisal', 'completeStep', { id: ID, step: 'study', activityId: held }, SEC),
    ).toEqual({ id: ID, step: 'selfEvaluation' });
    const got = await k.get();
    expect(got.steps[0]).toMatchObject({ key: 'study', done: true });
    expect(got.democratic!.stepNotes).toEqual([{ step: 'study', note: null, activityId: held }]);
    const twice = await b.err(
      'appraisal',
      'completeStep',
      { id: ID, step: 'study', note: '再学' },
      SEC,
    );
    expect(twice.message).toContain('已经完成');
  });

  it('moves on to 党员互评 with the last 自评, and to 民主测评 with the last 互评 summary [APR-02]', async () => {
    await k.atMutual();
    expect((await k.get()).step).toBe('mutualEvaluation');
    const late = await b.err('appraisal', 'selfEvaluate', { id: ID, text: '补充' }, M(1));
    expect(late.code).toBe('APPRAISAL.STEP_ORDER');
    for (const m of ALL)
      await b.ok(
        'appraisal',
        'recordMutual',
        { id: ID, memberId: m, summary: '工作认真' },
        m === SEC ? ORGANIZER : SEC,
      );
    const got = await k.get();
    expect(got.step).toBe('ballot');
    expect(got.can).toContain('openBallot');
  });

  it('lets the committee close 个人自评 when a member cannot take part, saying why [APR-02]', async () => {
    await k.atSelf();
    await b.ok('appraisal', 'selfEvaluate', { id: ID, text: '我的自评' }, M(1));
    const why = await b.err('appraisal', 'completeStep', { id: ID, step: 'selfEvaluation' }, SEC);
    expect(why.code).toBe('APPRAISAL.NOTE_REQUIRED');
    const r = await b.ok(
      'appraisal',
      'completeStep',
      { id: ID, step: 'selfEvaluation', note: '何德福同志长期卧病，无法书写自评' },
      SEC,
    );
    expect(r.step).toBe('mutualEvaluation');
  });
});

describe('个人自评 and 党员互评 [APR-02, APR-06, PRIV-21]', () => {
  it('lets each member write their own, a 预备党员 too, and the committee enter one for a member without a phone (代为录入) [APR-06]', async () => {
    await k.atSelf();
    await b.ok('appraisal', 'selfEvaluate', { id: ID, text: '预备期内认真学习' }, PROB);
    await b.ok('appraisal', 'selfEvaluate', { id: ID, text: '按时参加组织生活' }, M(1));
    await b.ok(
      'appraisal',
      'selfEvaluate',
      { id: ID, text: '由支部代为录入的自评', memberId: 'demo-newcomer' },
      ORGANIZER,
    );
    const own = await b.ok('appraisal', 'entries', { id: ID }, M(1));
    expect(own).toEqual([
      expect.objectContaining({
        memberId: M(1),
        self: expect.objectContaining({ text: '按时参加组织生活', proxy: false }),
      }),
    ]);
    const all = await b.ok('appraisal', 'entries', { id: ID }, SEC);
    expect(all).toHaveLength(ALL.length);
    expect(all.find((e) => e.memberId === 'demo-newcomer')!.self).toMatchObject({
      proxy: true,
      byName: '张伟',
    });
    expect(all.find((e) => e.memberId === PROB)!.status).toBe('probationary');
    const audit = b.docs('auditLogs').filter((e) => e.action === 'appraisal.selfEvaluate');
    expect(audit.map((e) => e.entityId)).toEqual(
      expect.arrayContaining([`${ID}:demo-newcomer`, `${ID}:${M(1)}`]),
    );
    const before = snapshot(b);
    const other = await b.err('appraisal', 'entries', { id: ID, memberId: M(2) }, M(1));
    expect(other.code).toBe('AUTH.FORBIDDEN');
    const forOther = await b.err(
      'appraisal',
      'selfEvaluate',
      { id: ID, text: '替别人写', memberId: M(2) },
      M(1),
    );
    expect(forOther.code).toBe('AUTH.FORBIDDEN');
    const outsider = await b.err(
      'appraisal',
      'selfEvaluate',
      { id: ID, text: '自评' },
      'demo-secretary-2',
    );
    expect(outsider.code).toBe('AUTH.FORBIDDEN');
    expect(snapshot(b)).toBe(before);
    const got = await k.get(M(1));
    expect(got.democratic!.mine).toEqual({ selfDone: true, mutualDone: false, status: 'full' });
    // a member sees only their own progress
    expect(got.democratic!.participants.filter((p) => p.selfDone).map((p) => p.memberId)).toEqual([
      M(1),
    ]);
    expect(got.can).toContain('selfEvaluate');
  });

  it('keeps the 互评 summaries for the committee, and never lets a committee member record their own [PRIV-21]', async () => {
    await k.atMutual();
    const before = snapshot(b);
    const own = await b.err(
      'appraisal',
      'recordMutual',
      { id: ID, memberId: SEC, summary: '我自己写' },
      SEC,
    );
    expect(own).toMatchObject({ code: 'AUTH.FORBIDDEN', details: { ruleId: 'PRIV-21' } });
    const member = await b.err(
      'appraisal',
      'recordMutual',
      { id: ID, memberId: M(2), summary: '他很好' },
      M(1),
    );
    expect(member.code).toBe('AUTH.FORBIDDEN');
    const stranger = await b.err(
      'appraisal',
      'recordMutual',
      { id: ID, memberId: 'demo-secretary-2', summary: '外支部' },
      SEC,
    );
    expect(stranger.code).toBe('APPRAISAL.NOT_ELIGIBLE');
    expect(snapshot(b)).toBe(before);
    await b.ok(
      'appraisal',
      'recordMutual',
      { id: ID, memberId: SEC, summary: '敢于担当' },
      ORGANIZER,
    );
    const [e] = await b.ok('appraisal', 'entries', { id: ID, memberId: SEC }, ORGANIZER);
    expect(e.mutual).toMatchObject({ summary: '敢于担当' });
    expect(FULL).toContain(SEC);
  });
});
