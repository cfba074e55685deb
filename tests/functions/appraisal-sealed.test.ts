import { Backend, snapshot, startBackend } from '../support/backend';
import { appraisalCoreKit } from '../support/appraisal-core-kit';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(async () => {
  await b.reset('demo');
});
afterEach(() => {
  b.restoreClock();
  jest.restoreAllMocks();
});

const { SUP, SEC, ORGANIZER, ID, approved, assembly, setOrg } = appraisalCoreKit(() => b);
const M = (i: number) => `demo-member-${i}`;
const GRADES = ['excellent', 'competent', 'basicallyCompetent', 'incompetent'];

/** Approved, the 党员大会 held with these signed in, and its in-app box opened by the 组织委员. */
async function appBox(present: string[]) {
  await approved();
  const activityId = await assembly(present);
  const r = await b.ok(
    'appraisal',
    'openBallot',
    { id: ID, box: 'assembly', mode: 'app', activityId },
    ORGANIZER,
  );
  return { ...r, activityId };
}
const vote = (ballotId: string, who: string, grade: string) =>
  b.ok('appraisal', 'castBallot', { ballotId, marks: { [SEC]: grade as never } }, who);

/** Every stored document of every collection. */
const everything = () =>
  b.emulator.store.names().flatMap((n) => b.docs(n).map((d) => ({ collection: n, doc: d })));

/** Whether a value holds a mark: the subject's id keyed to a grade, anywhere inside it. */
function holdsMark(v: unknown): boolean {
  if (!v || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  if (typeof o[SEC] === 'string' && GRADES.includes(o[SEC] as string)) return true;
  return Object.values(o).some(holdsMark);
}

describe('the sealed ballot [SEC-19, SEC-13, SEC-08]', () => {
  it('lets the members signed in to the 党员大会 vote, never the secretary under review [SEC-08] [SEC-13]', async () => {
    const present = [SEC, ORGANIZER, M(1), M(2), M(3)];
    const { ballotId, eligible } = await appBox(present);
    expect(eligible).toBe(4);
    expect(b.docs('ballotBoxes')[0].eligible.sort()).toEqual([ORGANIZER, M(1), M(2), M(3)].sort());
    const before = snapshot(b);
    const own = await b.err(
      'appraisal',
      'castBallot',
      { ballotId, marks: { [SEC]: 'excellent' } },
      SEC,
    );
    expect(own).toMatchObject({ code: 'APPRAISAL.NOT_ELIGIBLE', details: { ruleId: 'SEC-13' } });
    const absent = await b.err(
      'appraisal',
      'castBallot',
      { ballotId, marks: { [SEC]: 'competent' } },
      M(8),
    );
    expect(absent.code).toBe('APPRAISAL.NOT_ELIGIBLE');
    expect(snapshot(b)).toBe(before);
    expect(await b.ok('appraisal', 'ballots', {}, SEC)).toEqual([]);
  });

  it('lets neither the secretary run their own box nor a plain member [PRIV-21]', async () => {
    await approved();
    const activityId = await assembly([M(1)]);
    const before = snapshot(b);
    const own = await b.err(
      'appraisal',
      'openBallot',
      { id: ID, box: 'assembly', mode: 'app', activityId },
      SEC,
    );
    expect(own).toMatchObject({ code: 'AUTH.FORBIDDEN', details: { ruleId: 'PRIV-21' } });
    expect(
      (
        await b.err(
          'appraisal',
          'openBallot',
          { id: ID, box: 'assembly', mode: 'app', activityId },
          M(1),
        )
      ).code,
    ).toBe('AUTH.FORBIDDEN');
    const none = await b.err(
      'appraisal',
      'openBallot',
      { id: ID, box: 'assembly', mode: 'app' },
      ORGANIZER,
    );
    expect(none.code).toBe('APPRAISAL.NEEDS_MEETING');
    expect(snapshot(b)).toBe(before);
    const theme = await assembly([]); // a 党员大会 of another branch is refused too
    b.emulator.store.get('activities')!.get(theme)!.orgId = 'demo-branch-2';
    const moved = snapshot(b);
    const other = await b.err(
      'appraisal',
      'openBallot',
      { id: ID, box: 'assembly', mode: 'app', activityId: theme },
      ORGANIZER,
    );
    expect(other).toMatchObject({ code: 'APPRAISAL.NEEDS_MEETING', details: { ruleId: 'SEC-08' } });
    expect(snapshot(b)).toBe(moved);
  });

  it('stores no document that links a voter to a choice; ballots carry no time and random ids; nothing counts before close [SEC-19]', async () => {
    const voters = [ORGANIZER, M(1), M(2), M(3), M(4), M(5)];
    const { ballotId } = await appBox([SEC, ...voters, M(6)]);
    const order = b.docs('ballots').map((d) => d._id);
    expect(order).toHaveLength(7); // one blank per voter, stored before anyone votes
    const logs: string[] = [];
    for (const m of ['log', 'info', 'warn', 'error', 'debug'] as const)
      jest
        .spyOn(console, m)
        .mockImplementation((...a: unknown[]) => void logs.push(a.map(String).join(' ')));
    const picks = [
      'excellent',
      'competent',
      'excellent',
      'basicallyCompetent',
      'incompetent',
      'excellent',
    ];
    for (const [i, who] of voters.entries())
      expect(await vote(ballotId, who, picks[i])).toEqual({ accepted: true });
    jest.restoreAllMocks();
    expect(logs.filter((l) => GRADES.some((g) => l.includes(g)) || l.includes(ballotId))).toEqual(
      [],
    );

    const all = everything();
    for (const { collection, doc } of all) {
      const text = JSON.stringify(doc);
      const names = voters.filter((v) => text.includes(v));
      if (names.length && holdsMark(doc))
        throw new Error(`${collection} ${doc._id} links a voter to a choice`);
    }
    const ballots = b.docs('ballots');
    expect(ballots.map((d) => d._id)).toEqual(order); // voting did not reorder or append
    for (const d of ballots) {
      expect(Object.keys(d).sort()).toEqual(['_id', 'boxId', 'marks']);
      expect(d._id).toMatch(/^[0-9a-f]{32}$/);
      expect(voters.some((v) => JSON.stringify(d).includes(v))).toBe(false);
    }
    expect(ballots.filter((d) => d.marks).length).toBe(6);
    for (const v of b.docs('ballotVoters'))
      expect(Object.keys(v).sort()).toEqual(['_id', 'boxId', 'memberId']);
    expect(b.docs('auditLogs').filter((e) => e.action === 'appraisal.castBallot')).toEqual([]);
    // no tally, no counter: the box has no result, the campaign's summary no count
    const [box] = b.docs('ballotBoxes');
    expect(box.result).toBeNull();
    expect(b.docs('appraisals')[0].boxes.assembly).toEqual({
      id: ballotId,
      mode: 'app',
      status: 'open',
      activityId: expect.any(String),
      eligible: [...voters, M(6)].sort(),
      issued: null,
    });
    const got = await b.ok('appraisal', 'get', { id: ID }, M(1));
    expect(got.ballots).toEqual([
      expect.objectContaining({ eligible: 7, voted: true, canVote: false }),
    ]);
    expect((await b.ok('appraisal', 'get', { id: ID }, M(6))).ballots[0]).toMatchObject({
      eligible: 7,
      voted: false,
      canVote: true,
    });
  });

  it('refuses a second vote, changing nothing [SEC-19]', async () => {
    const { ballotId } = await appBox([ORGANIZER, M(1)]);
    await vote(ballotId, M(1), 'competent');
    const before = snapshot(b);
    const e = await b.err(
      'appraisal',
      'castBallot',
      { ballotId, marks: { [SEC]: 'excellent' } },
      M(1),
    );
    expect(e.code).toBe('APPRAISAL.ALREADY_VOTED');
    expect(snapshot(b)).toBe(before);
  });

  it('takes votes cast at the same moment into different ballots, and a double tap once [SEC-19]', async () => {
    const voters = [ORGANIZER, M(1), M(2), M(3), M(4)];
    const { ballotId, activityId } = await appBox(voters);
    const res = await Promise.all([
      ...voters.map((v) =>
        b.invoke(
          'appraisal',
          { action: 'castBallot', data: { ballotId, marks: { [SEC]: 'competent' } } },
          v,
        ),
      ),
      b.invoke(
        'appraisal',
        { action: 'castBallot', data: { ballotId, marks: { [SEC]: 'excellent' } } },
        M(1),
      ),
    ]);
    expect(res.filter((r) => r.ok)).toHaveLength(5);
    expect(res.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual([
      'APPRAISAL.ALREADY_VOTED',
    ]);
    expect(b.docs('ballots').filter((d) => d.marks)).toHaveLength(5);
    expect(await b.ok('appraisal', 'ballots', { activityId }, M(2))).toMatchObject([
      { ballotId, voted: true },
    ]);
    const r = await b.ok('appraisal', 'closeBallot', { ballotId }, ORGANIZER);
    const t = r.tally![SEC];
    expect(t.competent! + t.excellent!).toBe(5);
  });

  it('refuses marks that are not on the ballot, changing nothing', async () => {
    const { ballotId } = await appBox([ORGANIZER, M(1)]);
    const before = snapshot(b);
    for (const marks of [
      {},
      { [M(2)]: 'excellent' },
      { [SEC]: 'good' },
      { [M(1)]: 'excellent', [SEC]: 'competent' },
    ])
      expect((await b.err('appraisal', 'castBallot', { ballotId, marks }, M(1))).code).toBe(
        'APPRAISAL.MARKS_INVALID',
      );
    expect(snapshot(b)).toBe(before);
  });

  it('tallies once at close, keeps only the tally and moves on to the 基层党委 [SEC-19] [SEC-08]', async () => {
    const voters = [ORGANIZER, M(1), M(2), M(3), M(4), M(5)];
    const { ballotId } = await appBox(voters);
    expect((await b.ok('appraisal', 'ballots', {}, M(1)))[0]).toMatchObject({
      ballotId,
      subjects: [{ id: SEC, name: '李红' }],
      grades: [
        { key: 'excellent', label: '优秀' },
        { key: 'competent', label: '称职' },
        { key: 'basicallyCompetent', label: '基本称职' },
        { key: 'incompetent', label: '不称职' },
      ],
    });
    for (const [i, who] of voters.slice(0, 5).entries())
      await vote(ballotId, who, i < 3 ? 'excellent' : 'competent');
    expect((await b.ok('appraisal', 'ballots', {}, M(1))).map((x) => x.voted)).toEqual([true]);
    const before = snapshot(b);
    expect((await b.err('appraisal', 'closeBallot', { ballotId }, M(1))).code).toBe(
      'AUTH.FORBIDDEN',
    );
    expect(snapshot(b)).toBe(before);
    const r = await b.ok('appraisal', 'closeBallot', { ballotId }, ORGANIZER);
    expect(r).toEqual({
      issued: 6,
      returned: 5,
      valid: 5,
      void: false,
      tally: { [SEC]: { excellent: 3, competent: 2, basicallyCompetent: 0, incompetent: 0 } },
      hidden: null,
    });
    expect(b.docs('ballots')).toEqual([]);
    expect(b.docs('ballotVoters')).toHaveLength(5);
    expect((await b.ok('appraisal', 'get', { id: ID }, SUP)).step).toBe('committee');
    expect(await b.ok('appraisal', 'closeBallot', { ballotId }, ORGANIZER)).toEqual(r);
    expect(
      (await b.err('appraisal', 'castBallot', { ballotId, marks: { [SEC]: 'excellent' } }, M(5)))
        .code,
    ).toBe('APPRAISAL.BALLOT_CLOSED');
  });

  it('hides per-subject tallies below the minimum turnout [SEC-19]', async () => {
    const { ballotId } = await appBox([ORGANIZER, M(1), M(2)]);
    for (const who of [ORGANIZER, M(1), M(2)]) await vote(ballotId, who, 'competent');
    const r = await b.ok('appraisal', 'closeBallot', { ballotId }, ORGANIZER);
    expect(r).toMatchObject({ valid: 3, tally: null, hidden: expect.stringContaining('少于5张') });
  });
});

describe('paper ballots and the other boxes [SEC-08, SEC-09, SEC-17]', () => {
  const paper = (box: 'assembly' | 'committee' | 'masses', who: string) =>
    b.ok('appraisal', 'openBallot', { id: ID, box, mode: 'paper' }, who);
  const counts = (c: Record<string, number>) => ({ [SEC]: c });

  it('voids a paper count with more returned than issued, and refuses counts that do not add up [SEC-08]', async () => {
    await approved();
    const { ballotId } = await paper('assembly', ORGANIZER);
    const before = snapshot(b);
    const over = await b.err(
      'appraisal',
      'enterTally',
      { ballotId, issued: 10, returned: 10, counts: counts({ excellent: 8, competent: 3 }) },
      ORGANIZER,
    );
    expect(over.code).toBe('APPRAISAL.TALLY_INVALID');
    expect(snapshot(b)).toBe(before);
    const v = await b.ok(
      'appraisal',
      'enterTally',
      { ballotId, issued: 10, returned: 11, counts: counts({ excellent: 11 }) },
      ORGANIZER,
    );
    expect(v).toMatchObject({ void: true, tally: null });
    expect((await b.ok('appraisal', 'get', { id: ID }, SUP)).step).toBe('assembly');
    const again = await paper('assembly', ORGANIZER);
    const ok = await b.ok(
      'appraisal',
      'enterTally',
      {
        ballotId: again.ballotId,
        issued: 10,
        returned: 9,
        counts: counts({ excellent: 6, competent: 3 }),
      },
      ORGANIZER,
    );
    expect(ok).toMatchObject({
      void: false,
      valid: 9,
      tally: counts({ excellent: 6, competent: 3, basicallyCompetent: 0, incompetent: 0 }),
    });
    expect((await b.ok('appraisal', 'get', { id: ID }, SUP)).step).toBe('committee');
  });

  it('holds the 述职评议会 box for the superior, on paper; the 点评 and the count lead to grading [SEC-09]', async () => {
    await approved();
    const a = await paper('assembly', ORGANIZER);
    expect(
      (await b.err('appraisal', 'recordComment', { id: ID, comment: '工作扎实' }, SUP)).code,
    ).toBe('APPRAISAL.STEP_ORDER');
    await b.ok(
      'appraisal',
      'enterTally',
      { ballotId: a.ballotId, issued: 10, returned: 10, counts: counts({ competent: 10 }) },
      ORGANIZER,
    );
    const before = snapshot(b);
    expect(
      (
        await b.err(
          'appraisal',
          'openBallot',
          { id: ID, box: 'committee', mode: 'paper' },
          ORGANIZER,
        )
      ).code,
    ).toBe('AUTH.FORBIDDEN');
    const app = await b.err(
      'appraisal',
      'openBallot',
      { id: ID, box: 'committee', mode: 'app' },
      SUP,
    );
    expect(app).toMatchObject({ code: 'APPRAISAL.PAPER_ONLY', details: { ruleId: 'SEC-09' } });
    const own = await b.err('appraisal', 'recordComment', { id: ID, comment: '我很好' }, SEC);
    expect(own).toMatchObject({ code: 'AUTH.FORBIDDEN', details: { ruleId: 'PRIV-21' } });
    expect(snapshot(b)).toBe(before);
    const c = await paper('committee', SUP);
    await b.ok(
      'appraisal',
      'enterTally',
      {
        ballotId: c.ballotId,
        issued: 7,
        returned: 7,
        counts: counts({ excellent: 4, competent: 3 }),
      },
      SUP,
    );
    expect((await b.ok('appraisal', 'get', { id: ID }, SUP)).step).toBe('committee');
    await b.ok(
      'appraisal',
      'recordComment',
      { id: ID, comment: '抓党建工作扎实，群众评价好' },
      SUP,
    );
    const got = await b.ok('appraisal', 'get', { id: ID }, SUP);
    expect(got.step).toBe('grade');
    expect(got.steps.filter((s) => s.done).map((s) => s.key)).toEqual([
      'report',
      'assembly',
      'committee',
    ]);
  });

  it('asks 群众代表 only in 农村 and 社区, on paper, and needs their box to finish the step [SEC-08]', async () => {
    await approved();
    const before = snapshot(b);
    expect(
      (await b.err('appraisal', 'openBallot', { id: ID, box: 'masses', mode: 'paper' }, ORGANIZER))
        .code,
    ).toBe('APPRAISAL.STEP_ORDER');
    expect(snapshot(b)).toBe(before);
    setOrg({ category: 'village' });
    const village = snapshot(b);
    const app = await b.err(
      'appraisal',
      'openBallot',
      { id: ID, box: 'masses', mode: 'app' },
      ORGANIZER,
    );
    expect(app.code).toBe('APPRAISAL.PAPER_ONLY');
    expect(snapshot(b)).toBe(village);
    const a = await paper('assembly', ORGANIZER);
    await b.ok(
      'appraisal',
      'enterTally',
      { ballotId: a.ballotId, issued: 10, returned: 10, counts: counts({ competent: 10 }) },
      ORGANIZER,
    );
    expect((await b.ok('appraisal', 'get', { id: ID }, SUP)).step).toBe('assembly');
    const m = await paper('masses', ORGANIZER);
    await b.ok(
      'appraisal',
      'enterTally',
      { ballotId: m.ballotId, issued: 8, returned: 8, counts: counts({ excellent: 8 }) },
      ORGANIZER,
    );
    expect((await b.ok('appraisal', 'get', { id: ID }, SUP)).step).toBe('committee');
  });

  it('under jiaozuo grades 好/较好/一般/差 and goes from the 民主测评 straight to 组织评定 [SEC-17]', async () => {
    setOrg({ profile: 'jiaozuo' });
    const { ballotId } = await appBox([ORGANIZER, M(1)]);
    expect((await b.ok('appraisal', 'ballots', {}, M(1)))[0].grades.map((g) => g.label)).toEqual([
      '好',
      '较好',
      '一般',
      '差',
    ]);
    await b.ok('appraisal', 'castBallot', { ballotId, marks: { [SEC]: 'good' } }, M(1));
    await b.ok('appraisal', 'closeBallot', { ballotId }, ORGANIZER);
    expect((await b.ok('appraisal', 'get', { id: ID }, SUP)).step).toBe('assembly'); // 群众代表 still to come
    const m = await paper('masses', ORGANIZER);
    await b.ok(
      'appraisal',
      'enterTally',
      { ballotId: m.ballotId, issued: 5, returned: 5, counts: counts({ good: 5 }) },
      ORGANIZER,
    );
    const got = await b.ok('appraisal', 'get', { id: ID }, SUP);
    expect(got.step).toBe('grade');
    expect(got.steps.map((s) => s.key)).toEqual(['report', 'assembly', 'grade', 'publish']);
  });
});

describe("ballots: a voter's own fact, from any phone [SEC-19, SEC-08]", () => {
  it('lists a ballot the caller voted in as voted, theirs only and never a count, in ≤ 4 round trips [SEC-19]', async () => {
    const { ballotId, activityId } = await appBox([ORGANIZER, M(1), M(2), M(3)]);
    const fresh = await b.ok('appraisal', 'ballots', { activityId }, M(1));
    expect(fresh.map((x) => [x.ballotId, x.voted])).toEqual([[ballotId, false]]);
    await vote(ballotId, M(1), 'excellent');
    const { roundTrips, res } = await b.roundTrips('appraisal', 'ballots', { activityId }, M(1));
    expect(res.ok && res.data.map((x: { voted: boolean }) => x.voted)).toEqual([true]);
    expect(roundTrips).toBeLessThanOrEqual(4);
    // Another voter of the same box still has theirs to cast; nothing says how many voted.
    const other = await b.ok('appraisal', 'ballots', { activityId }, M(2));
    expect(other.map((x) => x.voted)).toEqual([false]);
    expect(JSON.stringify(other)).not.toMatch(/"(issued|returned|valid|count|cast)"/);
    // Closed: nothing is listed any more.
    await b.ok('appraisal', 'closeBallot', { ballotId }, ORGANIZER);
    expect(await b.ok('appraisal', 'ballots', { activityId }, M(1))).toEqual([]);
  });
});
