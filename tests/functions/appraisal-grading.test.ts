import type { AppraisalDoc } from '../../cloudfunctions/_shared/repos/appraisals';
import { boardOf } from '../support/narrow';
import {
  decide as decideAs,
  ORG,
  patchCampaign as patch,
  SEC,
  SUP,
  toGrade as run,
} from '../support/appraisal-grading-kit';
import { Backend, snapshot, startBackend } from '../support/backend';

/**
 * 评定等次 and publication through the API [SEC-10, SEC-11, SEC-12, SEC-14, SEC-20]: the steps
 * before run through CORE's actions (support/appraisal-grading-kit.ts).
 */
let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));
afterEach(() => b.restoreClock());

const toGrade = () => run(b);
const decide = (grade: string | null, extra: Record<string, unknown> = {}) =>
  decideAs(b, grade, extra);
const patchCampaign = (id: string, p: Partial<AppraisalDoc>) => patch(b, id, p);

describe('the grading board and the grade [SEC-10, SEC-11, SEC-12]', () => {
  it('shows both evaluations on the SEC-12 scale, the daily assessment, and no weighted score while 调查核实 is missing [SEC-10, SEC-11, SEC-12]', async () => {
    const id = await toGrade();
    const board = boardOf('secretaryReview', await b.ok('appraisal', 'board', { id }, SUP));
    const row = board.subjects[0];
    expect(row.subjectId).toBe(SEC);
    // (6·100 + 4·80) / 10 = 92; (2·100 + 6·80) / 8 = 85
    expect(row.evaluations.map((e) => [e.box, e.mean, e.valid])).toEqual([
      ['assembly', 92, 10],
      ['committee', 85, 8],
    ]);
    expect(row.daily.fortress).toEqual(expect.any(Number));
    expect(row.daily.compliance).toEqual(expect.any(Number));
    expect(row.daily.score).toEqual(expect.any(Number));
    expect(row).toMatchObject({ weighted: null, missing: ['调查核实'], advisory: null });
    expect(row.leaderComment).toBe('抓党建责任意识强');
    expect(board.weights).toEqual({ daily: 30, evaluations: 30, verification: 40 });
    expect(board.quota).toBeNull();
  });
  it('signs the grade with who and when, and records the advisory weighted score with the 调查核实 [SEC-10, SEC-11]', async () => {
    const id = await toGrade();
    const before = boardOf('secretaryReview', await b.ok('appraisal', 'board', { id }, SUP));
    const daily = before.subjects[0].daily.score!;
    await b.ok(
      'appraisal',
      'decide',
      { id, grades: { [SEC]: 'competent' }, verification: 80 },
      SUP,
    );
    const doc = b.docs<AppraisalDoc>('appraisals')[0];
    const expected = Math.round(((30 * daily + 30 * 88.5 + 40 * 80) / 100) * 10) / 10;
    expect(doc.decision).toMatchObject({ grade: 'competent', verification: 80, by: SUP });
    expect(doc.decision!.weighted).toBeCloseTo(expected, 1);
    expect(new Date(doc.decision!.at).getTime()).toBe(b.emulator.clock.now());
    expect(doc.step).toBe('publish');
    const board = boardOf('secretaryReview', await b.ok('appraisal', 'board', { id }, SUP));
    expect(board.subjects[0]).toMatchObject({ grade: 'competent', verification: 80, missing: [] });
  });
  it('refuses to grade before the evaluations are done, and changes nothing [SEC-10]', async () => {
    await b.ok(
      'appraisal',
      'open',
      { kind: 'secretaryReview', orgId: 'demo-branch', year: 2026 },
      SUP,
    );
    const before = snapshot(b);
    const err = (await decide('competent')).error;
    expect(err).toMatchObject({ code: 'APPRAISAL.STEP_ORDER', details: { ruleId: 'SEC-10' } });
    expect(snapshot(b)).toBe(before);
  });
  it('lets only the superior grade, never the branch or the secretary, and changes nothing [SEC-10, PRIV-21]', async () => {
    const id = await toGrade();
    const before = snapshot(b);
    for (const who of [SEC, ORG, 'demo-member-1']) {
      const res = await b.invoke(
        'appraisal',
        { action: 'decide', data: { id, grades: { [SEC]: 'excellent' } } },
        who,
      );
      expect(res.ok ? null : res.error.code).toBe('AUTH.FORBIDDEN');
      expect((await b.err('appraisal', 'board', { id }, who)).code).toBe('AUTH.FORBIDDEN');
    }
    expect(snapshot(b)).toBe(before);
  });
  it('refuses the superior grading their own review [PRIV-21]', async () => {
    const id = await toGrade();
    patchCampaign(id, { subjectId: SUP });
    const before = snapshot(b);
    const res = await b.invoke(
      'appraisal',
      { action: 'decide', data: { id, grades: { [SUP]: 'excellent' } } },
      SUP,
    );
    expect(res.ok ? null : res.error).toMatchObject({
      code: 'AUTH.FORBIDDEN',
      details: { ruleId: 'PRIV-21' },
    });
    expect(snapshot(b)).toBe(before);
  });
  it('refuses a grade for someone else or of the other profile, and changes nothing [SEC-10]', async () => {
    const id = await toGrade();
    const before = snapshot(b);
    const other = await b.err(
      'appraisal',
      'decide',
      { id, grades: { 'demo-member-1': 'competent' } },
      SUP,
    );
    expect(other.code).toBe('INPUT.INVALID');
    const jiaozuoGrade = (await decide('good')).error;
    expect(jiaozuoGrade).toMatchObject({ code: 'APPRAISAL.GRADE_NOT_ALLOWED' });
    expect(snapshot(b)).toBe(before);
  });
  it('re-decides before publication, audited with before and after [SEC-10] [SEC-14]', async () => {
    const id = await toGrade();
    await b.ok(
      'appraisal',
      'decide',
      { id, grades: { [SEC]: 'competent' }, verification: 80 },
      SUP,
    );
    // At 结果公布 the board still offers to decide again, and to publish.
    const at = await b.ok('appraisal', 'get', { id }, SUP);
    expect(at.step).toBe('publish');
    expect(at.can).toEqual(expect.arrayContaining(['decide', 'publish', 'board']));
    await b.ok(
      'appraisal',
      'decide',
      { id, grades: { [SEC]: 'excellent' }, reasons: { [SEC]: '调查核实发现成绩突出' } },
      SUP,
    );
    const entries = b
      .docs('auditLogs')
      .filter((e) => e.action === 'appraisal.decide' && e.entityId === id);
    expect(entries).toHaveLength(2);
    expect(entries[1].before.decision).toMatchObject({ grade: 'competent', verification: 80 });
    expect(entries[1].after.decision).toMatchObject({ grade: 'excellent', verification: 80 });
    expect(entries[1].actor.memberId).toBe(SUP);
  });
});

describe('optional thresholds [SEC-20]', () => {
  it('needs a written reason for a grade outside the advisory band, and changes nothing without one [SEC-20]', async () => {
    const id = await toGrade();
    patchCampaign(id, {
      plan: {
        weights: { daily: 0, evaluations: 50, verification: 50 },
        thresholds: { excellent: 90, competent: 75, basicallyCompetent: 60 },
      },
    });
    // evaluations (92 + 85) / 2 = 88.5, verification 95 → 91.8 → 优秀
    const before = snapshot(b);
    const err = (await decide('competent', { verification: 95 })).error;
    expect(err).toMatchObject({
      code: 'APPRAISAL.REASON_REQUIRED',
      details: { ruleId: 'SEC-20' },
    });
    expect(snapshot(b)).toBe(before);
    expect((await decide('excellent', { verification: 95 })).ok).toBe(true);
    const board = boardOf('secretaryReview', await b.ok('appraisal', 'board', { id }, SUP));
    expect(board.subjects[0]).toMatchObject({ weighted: 91.8, advisory: 'excellent' });
    expect(board.thresholds).toEqual({ excellent: 90, competent: 75, basicallyCompetent: 60 });
    expect(
      (await decide('competent', { verification: 95, reasons: { [SEC]: '群众反映有问题' } })).ok,
    ).toBe(true);
  });
});

describe('publication [SEC-14]', () => {
  it('publishes the result to the branch through 党务公开, commends 优秀, and closes the review [SEC-14, DIS-11]', async () => {
    const id = await toGrade();
    await b.ok(
      'appraisal',
      'decide',
      { id, grades: { [SEC]: 'excellent' }, verification: 90 },
      SUP,
    );
    const out = await b.ok('appraisal', 'publish', { id }, SUP);
    const notice = b.docs('notices').find((n) => n._id === out.noticeId)!;
    expect(notice).toMatchObject({ orgId: 'demo-branch', audience: 'branch', category: '其他' });
    expect(notice.body).toContain('“优秀”');
    expect(notice.body).toContain('予以表扬');
    const doc = b.docs<AppraisalDoc>('appraisals')[0];
    expect(doc).toMatchObject({ step: 'done', noticeId: out.noticeId, tasks: [] });
    const seen = await b.ok('appraisal', 'result', { id }, SEC);
    expect(seen).toMatchObject({ grade: 'excellent', gradeText: '优秀', commended: true });
    // a member of the branch reads the notice, but not the result
    const list = await b.ok('notice', 'list', { orgId: 'demo-branch' }, 'demo-member-1');
    expect(JSON.stringify(list)).toContain(notice.title);
    const before = snapshot(b);
    expect((await decide('competent')).error?.code).toBe('APPRAISAL.STEP_ORDER');
    expect((await b.err('appraisal', 'publish', { id }, SUP)).code).toBe('APPRAISAL.STEP_ORDER');
    expect(snapshot(b)).toBe(before);
  });
  it('refuses to publish before the grade is decided, and changes nothing [SEC-14]', async () => {
    const id = await toGrade();
    const before = snapshot(b);
    expect((await b.err('appraisal', 'publish', { id }, SUP)).code).toBe('APPRAISAL.STEP_ORDER');
    expect(snapshot(b)).toBe(before);
  });
  it('shows the subject no grade before publication; the superior sees it; anyone else is refused [SEC-14]', async () => {
    const id = await toGrade();
    await b.ok(
      'appraisal',
      'decide',
      { id, grades: { [SEC]: 'competent' }, verification: 80 },
      SUP,
    );
    expect(await b.ok('appraisal', 'result', { id }, SEC)).toMatchObject({
      grade: null,
      gradeText: null,
      consequences: [],
    });
    expect((await b.ok('appraisal', 'result', { id }, SUP)).grade).toBe('competent');
    for (const who of ['demo-member-1', 'demo-secretary-2'])
      expect((await b.err('appraisal', 'result', { id }, who)).code).toBe('AUTH.FORBIDDEN');
  });
});

describe('round trips', () => {
  it('board costs 6 + one per branch of the committee; decide 11 (its own row only outside jiaozuo), publish 16 (one to find a notice an earlier attempt published)', async () => {
    const id = await toGrade();
    expect((await b.roundTrips('appraisal', 'board', { id }, SUP)).roundTrips).toBeLessThanOrEqual(
      7,
    );
    // the committee's second review (another branch) is a second row, one more round trip
    await b.ok(
      'appraisal',
      'open',
      { kind: 'secretaryReview', orgId: 'demo-branch-2', year: 2026 },
      SUP,
    );
    const two = await b.roundTrips('appraisal', 'board', { id }, SUP);
    const rows = two.res.ok ? two.res.data.subjects : [];
    expect(rows.map((s: { subjectId: string }) => s.subjectId)).toEqual([SEC, 'demo-secretary-2']);
    expect(rows[1].missing).toContain('支部党员大会测评');
    expect(two.roundTrips).toBeLessThanOrEqual(8);
    const decided = await b.roundTrips(
      'appraisal',
      'decide',
      { id, grades: { [SEC]: 'competent' }, verification: 80 },
      SUP,
    );
    expect(decided.res.ok).toBe(true);
    expect(decided.roundTrips).toBeLessThanOrEqual(11);
    const published = await b.roundTrips('appraisal', 'publish', { id }, SUP);
    expect(published.res.ok).toBe(true);
    expect(published.roundTrips).toBeLessThanOrEqual(16);
  });
});
