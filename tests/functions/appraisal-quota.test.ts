import type { AppraisalDoc } from '../../cloudfunctions/_shared/repos/appraisals';
import { boardOf } from '../support/narrow';
import {
  decide as decideAs,
  decided,
  ID,
  otherCampaigns,
  patchCampaign,
  SEC,
  setOrg,
  SUP,
  toGrade,
} from '../support/appraisal-grading-kit';
import { Backend, snapshot, startBackend } from '../support/backend';

/**
 * `jiaozuo` 评书记 through the API [SEC-17, SEC-18]: 好/较好/一般/差, 好 ≤ 15% of the secretaries
 * the 基层党委 reviews this year (N = its secretary reviews of the year), the quota meter, and the
 * ties at the boundary. demo-secretary's review runs through the real steps; the committee's
 * other reviews are stored documents (the demo committee has two branches).
 */
let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));
afterEach(() => b.restoreClock());

// The score is the 调查核实 alone, so the tests set it exactly (a plan the superior may choose).
const PLAN = { weights: { daily: 0, evaluations: 0, verification: 100 }, thresholds: null };

/** demo-secretary's jiaozuo review at 评定等次, and `others` more reviews of the committee. */
async function committeeOf(
  others: number,
  patch: (i: number) => Partial<AppraisalDoc> = () => ({}),
) {
  setOrg(b, 'demo-branch', { profile: 'jiaozuo' });
  await toGrade(b);
  patchCampaign(b, ID, { plan: PLAN });
  const base = b.docs<AppraisalDoc>('appraisals').find((d) => d._id === ID)!;
  return otherCampaigns(b, base, others, patch);
}
const decide = (grade: string | null, extra: Record<string, unknown> = {}, id = ID, who = SEC) =>
  decideAs(b, grade, extra, id, who);
const board = async () =>
  boardOf('secretaryReview', await b.ok('appraisal', 'board', { id: ID }, SUP));

describe('评书记 grades [SEC-17]', () => {
  it('runs report → 民主测评 (with 群众代表) → 组织评定 with the four jiaozuo grades, no 述职评议会 [SEC-17]', async () => {
    await committeeOf(0);
    const doc = b.docs<AppraisalDoc>('appraisals')[0];
    expect(doc).toMatchObject({ profile: 'jiaozuo', step: 'grade' });
    expect(Object.keys(doc.boxes).sort()).toEqual(['assembly', 'masses']);
    const out = await board();
    expect(out.grades).toEqual(['good', 'fairlyGood', 'average', 'poor']);
    expect(out.subjects[0].evaluations.map((e) => e.box)).toEqual(['assembly', 'masses']);
    expect((await decide('excellent')).error?.code).toBe('APPRAISAL.GRADE_NOT_ALLOWED');
    expect((await decide('fairlyGood', { verification: 80 })).ok).toBe(true);
  });
});

describe('评书记 consequences [SEC-15, SEC-16, SEC-17]', () => {
  it('treats 一般 as 基本称职 (提醒谈话 and rectification) and commends 好 [SEC-15, SEC-17]', async () => {
    await committeeOf(0);
    await decide('average', { verification: 60 });
    await b.ok('appraisal', 'publish', { id: ID }, SUP);
    const doc = b.docs<AppraisalDoc>('appraisals')[0];
    expect(doc.tasks.map((t) => t.kind)).toEqual(['reminderTalk', 'rectification']);
    expect(b.docs('notices')[0].body).toContain('“一般”');
  });
});

describe('the 好 quota [SEC-18]', () => {
  it('allows no 好 with 6 secretaries, and says so plainly; the refusal changes nothing [SEC-18]', async () => {
    await committeeOf(5);
    expect((await board()).quota).toMatchObject({ grade: 'good', limit: 0, left: 0, of: 6 });
    expect((await board()).quota!.note).toContain('不足7名书记，本年度不能评“好”');
    const before = snapshot(b);
    const err = (await decide('good', { verification: 95 })).error;
    expect(err).toMatchObject({ code: 'APPRAISAL.OVER_QUOTA', details: { ruleId: 'SEC-18' } });
    expect(snapshot(b)).toBe(before);
  });
  it('allows one 好 with 7; a later 好 is refused whoever came first, until the superior lowers the other [SEC-18]', async () => {
    const [first] = await committeeOf(6, (i) => (i === 1 ? decided('good', 90) : {}));
    expect((await board()).quota).toMatchObject({ limit: 1, used: 1, left: 0, of: 7 });
    const before = snapshot(b);
    expect((await decide('good', { verification: 99 })).error?.code).toBe('APPRAISAL.OVER_QUOTA');
    expect(snapshot(b)).toBe(before);
    // lower the other first, then the 好 fits; now the other one's 好 is the one refused
    expect((await decide('fairlyGood', {}, first, 'other-1')).ok).toBe(true);
    expect((await decide('good', { verification: 99 })).ok).toBe(true);
    expect((await decide('good', {}, first, 'other-1')).error?.code).toBe('APPRAISAL.OVER_QUOTA');
    expect((await board()).quota).toMatchObject({ limit: 1, used: 1, left: 0 });
  });
  it('allows one 好 with 13 and two with 14 [SEC-18]', async () => {
    await committeeOf(12, (i) => (i === 1 ? decided('good', 90) : {}));
    expect((await board()).quota).toMatchObject({ limit: 1, of: 13 });
    expect((await decide('good', { verification: 95 })).error?.code).toBe('APPRAISAL.OVER_QUOTA');
    // one more secretary reviewed by the committee: N = 14
    const base = b.docs<AppraisalDoc>('appraisals').find((d) => d._id === ID)!;
    otherCampaigns(b, base, 13, (i) => (i === 1 ? decided('good', 90) : {}));
    expect((await board()).quota).toMatchObject({ limit: 2, used: 1, left: 1, of: 14 });
    expect((await decide('good', { verification: 95 })).ok).toBe(true);
    expect((await board()).quota).toMatchObject({ limit: 2, used: 2, left: 0 });
  });
  it('lists the subjects tied at the boundary and needs a reason to give one of them 好 [SEC-18]', async () => {
    // limit 1 (N = 7): other-1 scored 88 and is graded 较好; demo-secretary scores 88 too
    await committeeOf(6, (i) => (i === 1 ? decided('fairlyGood', 88) : {}));
    await decide('fairlyGood', { verification: 88 });
    const out = await board();
    expect(out.ties).toEqual([{ subjectIds: [SEC, 'other-1'].sort(), score: 88 }]);
    expect(out.subjects[0].flags.map((f) => f.ruleId)).toContain('SEC-18');
    const before = snapshot(b);
    const err = (await decide('good')).error;
    expect(err).toMatchObject({ code: 'APPRAISAL.REASON_REQUIRED', details: { ruleId: 'SEC-18' } });
    expect(snapshot(b)).toBe(before);
    const reasons = { [SEC]: '年度重点任务完成突出，群众满意度高' };
    expect((await decide('good', { reasons })).ok).toBe(true);
    expect(b.docs<AppraisalDoc>('appraisals').find((d) => d._id === ID)!.decision).toMatchObject({
      grade: 'good',
      reason: reasons[SEC],
    });
  });
  it('shows no tie where the boundary is clear [SEC-18]', async () => {
    await committeeOf(6, (i) => (i === 1 ? decided('fairlyGood', 80) : {}));
    await decide('fairlyGood', { verification: 88 });
    expect((await board()).ties).toEqual([]);
    expect((await decide('good')).ok).toBe(true);
  });
});
