import { DEMO_NOW_MS } from '../../emulator/demo-instant';
import type { AppraisalDoc } from '../../cloudfunctions/_shared/repos/appraisals';
import { boardOf, found } from '../support/narrow';
import { ORG, SEC, SUP, toGrade } from '../support/appraisal-grading-kit';
import { Backend, snapshot, startBackend } from '../support/backend';

/**
 * The board's per-box `hidden` [SEC-19] and a publication that is safe to retry [SEC-14]: through
 * the API, the steps before run by the grading kit.
 */
let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));
afterEach(() => b.restoreClock());

const evaluations = async (id: string) =>
  boardOf('secretaryReview', await b.ok('appraisal', 'board', { id }, SUP)).subjects[0].evaluations;
const byBox = (rows: Awaited<ReturnType<typeof evaluations>>) =>
  Object.fromEntries(rows.map((r) => [r.box, r]));

describe('the board says why a tally is not shown [SEC-19]', () => {
  it('gives closeBallot’s own sentence below the minimum turnout, null where the tally is shown [SEC-19]', async () => {
    // 3 valid ballots in the 党员大会 (below the default minimum of 5), 8 in the 述职评议会.
    const id = await toGrade(b, { excellent: 2, competent: 1 });
    const rows = byBox(await evaluations(id));
    const box = b.docs('ballotBoxes').find((x) => x.box === 'assembly');
    const closed = await b.ok('appraisal', 'closeBallot', { ballotId: box._id }, ORG);
    expect(closed.hidden).toMatch(/少于5张/);
    expect(rows.assembly).toMatchObject({ tally: null, valid: 3, hidden: closed.hidden });
    expect(rows.committee.tally).not.toBeNull();
    expect(rows.committee.hidden).toBeNull();
  });

  it('says a box is still open, or void, in plain words [SEC-19] [SEC-09]', async () => {
    const id = await toGrade(b, { excellent: 6, competent: 4 }, null);
    const { ballotId } = await b.ok(
      'appraisal',
      'openBallot',
      { id, box: 'committee', mode: 'paper' },
      SUP,
    );
    const open = byBox(await evaluations(id));
    expect(open.assembly.hidden).toBeNull();
    expect(open.committee).toMatchObject({
      tally: null,
      hidden: expect.stringContaining('还在进行'),
    });
    const voided = await b.ok(
      'appraisal',
      'enterTally',
      { ballotId, issued: 5, returned: 6, counts: { [SEC]: { competent: 6 } } },
      SUP,
    );
    expect(voided.void).toBe(true);
    const after = byBox(await evaluations(id));
    expect(after.committee).toMatchObject({ tally: null, hidden: voided.hidden });
    expect(after.committee.hidden).toContain('作废');
    for (const r of Object.values(after)) expect(r.hidden ?? '').not.toMatch(/[a-zA-Z]/);
  });
});

describe('publication is safe to retry [SEC-14]', () => {
  const decideAndStop = async () => {
    const id = await toGrade(b);
    await b.ok(
      'appraisal',
      'decide',
      { id, grades: { [SEC]: 'competent' }, verification: 80 },
      SUP,
    );
    return id;
  };
  const campaigns = () => b.emulator.store.get('appraisals')!;
  const stored = (id: string) =>
    found(b.docs<AppraisalDoc>('appraisals').find((d) => d._id === id));

  it('publishes no second notice when a retry finds the notice published but not recorded [SEC-14]', async () => {
    const id = await decideAndStop();
    const unpublished = stored(id);
    const first = await b.ok('appraisal', 'publish', { id }, SUP);
    expect(b.docs('notices')).toHaveLength(1);
    // The attempt stopped after the notice was published, before the campaign was updated.
    campaigns().set(id, unpublished as never);
    const retry = await b.ok('appraisal', 'publish', { id }, SUP);
    expect(retry.noticeId).toBe(first.noticeId);
    expect(b.docs('notices')).toHaveLength(1);
    expect(b.docs<AppraisalDoc>('appraisals')[0]).toMatchObject({
      step: 'done',
      noticeId: first.noticeId,
    });
    const before = snapshot(b);
    expect((await b.err('appraisal', 'publish', { id }, SUP)).code).toBe('APPRAISAL.STEP_ORDER');
    expect(snapshot(b)).toBe(before);
  });

  it('publishes a new notice when the grade was decided again after the stopped attempt [SEC-14]', async () => {
    const id = await decideAndStop();
    await b.ok('appraisal', 'publish', { id }, SUP);
    const stale = b.docs('notices')[0];
    expect(stale.title).toContain('李红');
    // Back to 结果公布 with the notice out; the superior corrects the grade a minute later.
    const doc = stored(id);
    campaigns().set(id, { ...doc, step: 'publish', publishedAt: null, noticeId: null } as never);
    b.emulator.clock.freeze(DEMO_NOW_MS + 60_000);
    await b.ok(
      'appraisal',
      'decide',
      { id, grades: { [SEC]: 'excellent' }, verification: 95 },
      SUP,
    );
    const out = await b.ok('appraisal', 'publish', { id }, SUP);
    expect(out.noticeId).not.toBe(stale._id);
    const fresh = b.docs('notices').find((n) => n._id === out.noticeId);
    expect(fresh.body).toContain('“优秀”');
  });
});

describe('the campaign gives its grades, for the paper tally of any box [SEC-08]', () => {
  it('answers get with the profile’s grades, best first, to the branch committee too [SEC-08]', async () => {
    const id = await toGrade(b);
    for (const who of [ORG, SUP]) {
      const c = await b.ok('appraisal', 'get', { id }, who);
      expect(c.grades).toEqual([
        { key: 'excellent', label: '优秀' },
        { key: 'competent', label: '称职' },
        { key: 'basicallyCompetent', label: '基本称职' },
        { key: 'incompetent', label: '不称职' },
      ]);
    }
  });
});

describe('completing follow-ups is offered where the backend allows it [SEC-15, SEC-16]', () => {
  const publishAs = async (grade: 'basicallyCompetent' | 'incompetent') => {
    const id = await toGrade(b);
    await b.ok('appraisal', 'decide', { id, grades: { [SEC]: grade }, verification: 50 }, SUP);
    await b.ok('appraisal', 'publish', { id }, SUP);
    return id;
  };
  const offers = async (id: string, who: string) =>
    (await b.ok('appraisal', 'get', { id }, who)).can.includes('completeTask');
  const canComplete = async (id: string, who: string) =>
    Object.fromEntries(
      (await b.ok('appraisal', 'result', { id }, who)).consequences.map((t) => [
        t.kind,
        t.canComplete,
      ]),
    );

  it('offers the 提醒谈话 to the superior and the rectification to the secretary, each once [SEC-15]', async () => {
    const id = await publishAs('basicallyCompetent');
    expect(await canComplete(id, SUP)).toEqual({ reminderTalk: true, rectification: false });
    expect(await canComplete(id, SEC)).toEqual({ reminderTalk: false, rectification: true });
    expect([await offers(id, SUP), await offers(id, SEC), await offers(id, ORG)]).toEqual([
      true,
      true,
      false,
    ]);
    await b.ok('appraisal', 'completeTask', { id, task: 'rectification', note: '已整改' }, SEC);
    expect(await offers(id, SEC)).toBe(false);
    expect(await canComplete(id, SUP)).toEqual({ reminderTalk: true, rectification: false });
    await b.ok('appraisal', 'completeTask', { id, task: 'reminderTalk', note: '已谈话' }, SUP);
    expect(await offers(id, SUP)).toBe(false);
    expect(await canComplete(id, SUP)).toEqual({ reminderTalk: false, rectification: false });
  });

  it('offers the 组织处理 to the superior only, never to the secretary it concerns [SEC-16] [PRIV-21]', async () => {
    const id = await publishAs('incompetent');
    expect(await canComplete(id, SUP)).toEqual({ orgHandling: true });
    expect(await canComplete(id, SEC)).toEqual({});
    expect(await offers(id, SEC)).toBe(false);
    expect(await offers(id, SUP)).toBe(true);
    const before = snapshot(b);
    const note = { id, task: 'orgHandling', note: '已研究' } as const;
    expect((await b.err('appraisal', 'completeTask', note, SEC)).code).toBe('AUTH.FORBIDDEN');
    expect(snapshot(b)).toBe(before);
    await b.ok('appraisal', 'completeTask', note, SUP);
    expect(await offers(id, SUP)).toBe(false);
  });
});
