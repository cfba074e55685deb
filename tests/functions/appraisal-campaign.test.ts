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
afterEach(() => b.restoreClock());

const { SUP, SEC, ORGANIZER, ORG, ID, TEXTS, open, assembly, setOrg, at } = appraisalCoreKit(
  () => b,
);

describe('open [SEC-01, SEC-02, SEC-03]', () => {
  it('opens the review of the branch secretary, keyed by the person, with the plan fixed from the settings [SEC-01] [SEC-11]', async () => {
    const r = await open();
    expect(r).toEqual({ id: ID, subjectId: SEC, predecessors: [] });
    const [doc] = b.docs('appraisals');
    expect(doc).toMatchObject({
      subjectId: SEC,
      orgId: ORG,
      committeeId: 'demo-committee',
      step: 'report',
      plan: {
        weights: { daily: 30, evaluations: 30, verification: 40 },
        thresholds: null,
        minBallots: 5,
        due: '2026-12-31',
      },
    });
    expect(b.docs('auditLogs').some((e) => e.action === 'appraisal.open')).toBe(true);
    const got = await b.ok('appraisal', 'get', { id: ID }, SUP);
    expect(got).toMatchObject({ step: 'report', subjectName: '李红', orgName: '机关第一党支部' });
    expect(got.steps.map((s) => s.key)).toEqual([
      'report',
      'assembly',
      'committee',
      'grade',
      'publish',
    ]);
  });

  it('fixes the thresholds when they are on, and a later change does not move the plan [SEC-20] [SEC-10]', async () => {
    setOrg({ settings: { sec: { thresholdsOn: true, thresholds: { excellent: 92 } } } });
    await open();
    setOrg({ settings: {} });
    expect(b.docs('appraisals')[0].plan.thresholds).toEqual({
      excellent: 92,
      competent: 75,
      basicallyCompetent: 60,
    });
  });

  it('refuses a second review of the same secretary in a year, changing nothing [SEC-02]', async () => {
    await open();
    const before = snapshot(b);
    const e = await b.err(
      'appraisal',
      'open',
      { kind: 'secretaryReview', orgId: ORG, year: 2026 },
      SUP,
    );
    expect(e).toMatchObject({ code: 'CONFLICT', details: { ruleId: 'SEC-02' } });
    expect(snapshot(b)).toBe(before);
  });

  it('opens for this year or the one just ended only [SEC-03]', async () => {
    const before = snapshot(b);
    for (const year of [2027, 2024]) {
      const e = await b.err(
        'appraisal',
        'open',
        { kind: 'secretaryReview', orgId: ORG, year },
        SUP,
      );
      expect(e).toMatchObject({ code: 'APPRAISAL.WRONG_YEAR', details: { ruleId: 'SEC-03' } });
    }
    expect(snapshot(b)).toBe(before);
    await b.ok('appraisal', 'open', { kind: 'secretaryReview', orgId: ORG, year: 2025 }, SUP);
  });

  it('takes the due date from sec.due [SEC-03]', async () => {
    setOrg({ settings: { sec: { due: '01-31' } } });
    await open();
    expect(b.docs('appraisals')[0].plan.due).toBe('2027-01-31');
  });

  // (民主评议 and 评组织 are open since issue 14: their own tests cover who opens them.)
  it('refuses the committee itself, an org without a secretary, and anyone but the superior [SEC-01]', async () => {
    const before = snapshot(b);
    const top = await b.err(
      'appraisal',
      'open',
      { kind: 'secretaryReview', orgId: 'demo-committee', year: 2026 },
      SUP,
    );
    expect(top).toMatchObject({
      code: 'APPRAISAL.KIND_NOT_AVAILABLE',
      details: { ruleId: 'SEC-01' },
    });
    for (const who of [SEC, ORGANIZER, 'demo-member-1'])
      expect(
        (await b.err('appraisal', 'open', { kind: 'secretaryReview', orgId: ORG, year: 2026 }, who))
          .code,
      ).toBe('AUTH.FORBIDDEN');
    expect(snapshot(b)).toBe(before);
    await b.ok(
      'org',
      'setRole',
      { memberId: 'demo-secretary-2', orgId: 'demo-branch-2', role: 'secretary', on: false },
      SUP,
    );
    const none = snapshot(b);
    const e = await b.err(
      'appraisal',
      'open',
      { kind: 'secretaryReview', orgId: 'demo-branch-2', year: 2026 },
      SUP,
    );
    expect(e.code).toBe('APPRAISAL.NO_SECRETARY');
    expect(snapshot(b)).toBe(none);
  });

  it('names who else held the office this year, and whether they report too [SEC-01]', async () => {
    const role = (memberId: string, on: boolean) =>
      b.ok('org', 'setRole', { memberId, orgId: ORG, role: 'secretary', on }, SUP);
    at('2026-01-05T02:00:00Z');
    await role(SEC, false);
    await role('demo-member-1', true);
    at('2026-08-20T02:00:00Z');
    await role('demo-member-1', false);
    await role(SEC, true);
    b.restoreClock();
    const r = await open();
    expect(r.subjectId).toBe(SEC);
    expect(r.predecessors).toEqual([
      {
        memberId: 'demo-member-1',
        name: '陈明',
        from: '2026-01-05',
        to: '2026-08-20',
        alsoReports: true,
      },
    ]);
    expect((await b.ok('appraisal', 'get', { id: ID }, SUP)).predecessors).toEqual(r.predecessors);
  });
});

describe('the 述职报告 [SEC-04…SEC-07]', () => {
  it('has the five sections, with 加强支部建设 pre-filled from the records [SEC-04] [SEC-06]', async () => {
    await open();
    const r = await b.ok('appraisal', 'report', { id: ID }, SEC);
    expect(r.sections.map((s) => s.key)).toEqual([
      'decisions',
      'branchBuilding',
      'keyTasks',
      'serveMasses',
      'integrity',
    ]);
    expect(r.sections.find((s) => s.key === 'branchBuilding')!.facts).toEqual(expect.any(Array));
    expect(r.sections.filter((s) => s.facts).length).toBe(1);
    expect(r.editable).toBe(true);
  });

  it('adds the three topics in 农村 and 社区, and refuses them elsewhere [SEC-05]', async () => {
    await open();
    const before = snapshot(b);
    const e = await b.err(
      'appraisal',
      'saveReport',
      { id: ID, sections: { antiGangs: '无' } },
      SEC,
    );
    expect(e).toMatchObject({ code: 'INPUT.INVALID', details: { ruleId: 'SEC-05' } });
    expect(snapshot(b)).toBe(before);
    setOrg({ category: 'village' });
    const r = await b.ok('appraisal', 'report', { id: ID }, SEC);
    expect(r.sections.map((s) => s.key)).toEqual(
      expect.arrayContaining(['openAffairs', 'antiGangs', 'antiSuperstition']),
    );
    expect(r.sections).toHaveLength(8);
  });

  it('keeps the facts out of the secretary’s hands: typed numbers stay text, facts are frozen at approval [SEC-06]', async () => {
    await open();
    const live = (await b.ok('appraisal', 'report', { id: ID }, SEC)).sections.find(
      (s) => s.key === 'branchBuilding',
    )!;
    const saved = await b.ok(
      'appraisal',
      'saveReport',
      { id: ID, sections: { branchBuilding: '主题党日开展了99次' } },
      SEC,
    );
    const bb = saved.sections.find((s) => s.key === 'branchBuilding')!;
    expect(bb.text).toBe('主题党日开展了99次');
    expect(bb.facts).toEqual(live.facts);
    const extra = await b.err('appraisal', 'saveReport', { id: ID, sections: {}, facts: [] }, SEC);
    expect(extra.code).toBe('INPUT.INVALID');
    await b.ok('appraisal', 'saveReport', { id: ID, sections: TEXTS }, SEC);
    await b.ok('appraisal', 'submitReport', { id: ID }, SEC);
    await b.ok('appraisal', 'approveReport', { id: ID, approve: true }, SUP);
    expect(b.docs('appraisals')[0].report.facts).toEqual(live.facts);
    // Days later the live facts would read 截至12月10日; the filed report keeps what was approved.
    at('2026-12-10T02:00:00Z');
    const filed = (await b.ok('appraisal', 'report', { id: ID }, SUP)).sections[1].facts!;
    expect(filed).toEqual(live.facts);
    expect(filed[0].value).toContain('截至2026年12月1日');
  });

  it('saves drafts, submits, is returned with a comment, then approved: the step moves to the 党员大会 [SEC-07]', async () => {
    await open();
    await b.ok('appraisal', 'saveReport', { id: ID, sections: { decisions: '草稿' } }, SEC);
    const missing = await b.err('appraisal', 'submitReport', { id: ID }, SEC);
    expect(missing).toMatchObject({ code: 'INPUT.INVALID', details: { ruleId: 'SEC-04' } });
    await b.ok('appraisal', 'saveReport', { id: ID, sections: TEXTS }, SEC);
    expect(await b.ok('appraisal', 'submitReport', { id: ID }, SEC)).toEqual({
      id: ID,
      status: 'submitted',
    });
    const locked = snapshot(b);
    expect((await b.err('appraisal', 'saveReport', { id: ID, sections: TEXTS }, SEC)).code).toBe(
      'APPRAISAL.REPORT_LOCKED',
    );
    const noComment = await b.err('appraisal', 'approveReport', { id: ID, approve: false }, SUP);
    expect(noComment.code).toBe('APPRAISAL.COMMENT_REQUIRED');
    expect(snapshot(b)).toBe(locked);
    await b.ok(
      'appraisal',
      'approveReport',
      { id: ID, approve: false, comment: '请补充联系群众的具体事例' },
      SUP,
    );
    const back = await b.ok('appraisal', 'report', { id: ID }, SEC);
    expect(back).toMatchObject({
      status: 'returned',
      comment: '请补充联系群众的具体事例',
      editable: true,
    });
    await b.ok(
      'appraisal',
      'saveReport',
      { id: ID, sections: { serveMasses: '走访困难党员12户' } },
      SEC,
    );
    await b.ok('appraisal', 'submitReport', { id: ID }, SEC);
    await b.ok('appraisal', 'approveReport', { id: ID, approve: true }, SUP);
    const got = await b.ok('appraisal', 'get', { id: ID }, SUP);
    expect(got).toMatchObject({ step: 'assembly', reportStatus: 'approved' });
    expect(got.steps[0]).toMatchObject({ key: 'report', done: true });
  });

  it('lets only the secretary write the report and only the superior approve it [PRIV-21]', async () => {
    await open();
    const before = snapshot(b);
    for (const who of [ORGANIZER, SUP])
      expect((await b.err('appraisal', 'saveReport', { id: ID, sections: TEXTS }, who)).code).toBe(
        'AUTH.FORBIDDEN',
      );
    expect((await b.err('appraisal', 'report', { id: ID }, 'demo-member-1')).code).toBe(
      'AUTH.FORBIDDEN',
    );
    expect(snapshot(b)).toBe(before);
    await b.ok('appraisal', 'saveReport', { id: ID, sections: TEXTS }, SEC);
    await b.ok('appraisal', 'submitReport', { id: ID }, SEC);
    const submitted = snapshot(b);
    for (const who of [SEC, ORGANIZER])
      expect((await b.err('appraisal', 'approveReport', { id: ID, approve: true }, who)).code).toBe(
        'AUTH.FORBIDDEN',
      );
    expect(snapshot(b)).toBe(submitted);
  });

  it('refuses the 党员大会 before the report is approved [SEC-07]', async () => {
    await open();
    const id = await assembly(['demo-member-1']);
    const before = snapshot(b);
    const e = await b.err(
      'appraisal',
      'openBallot',
      { id: ID, box: 'assembly', mode: 'app', activityId: id },
      ORGANIZER,
    );
    expect(e).toMatchObject({ code: 'APPRAISAL.STEP_ORDER', details: { ruleId: 'SEC-08' } });
    expect(snapshot(b)).toBe(before);
  });
});

describe('get and list', () => {
  it('offers each caller what they may do now', async () => {
    await open();
    expect((await b.ok('appraisal', 'get', { id: ID }, SEC)).can).toEqual(
      expect.arrayContaining(['report', 'saveReport', 'submitReport']),
    );
    expect((await b.ok('appraisal', 'get', { id: ID }, SUP)).can).not.toContain('approveReport');
    await b.ok('appraisal', 'saveReport', { id: ID, sections: TEXTS }, SEC);
    await b.ok('appraisal', 'submitReport', { id: ID }, SEC);
    expect((await b.ok('appraisal', 'get', { id: ID }, SUP)).can).toContain('approveReport');
    expect((await b.ok('appraisal', 'get', { id: ID }, SEC)).can).not.toContain('saveReport');
    expect((await b.err('appraisal', 'get', { id: ID }, 'demo-member-2')).code).toBe(
      'AUTH.FORBIDDEN',
    );
    expect((await b.err('appraisal', 'get', { id: 'secretaryReview:nobody:2026' }, SUP)).code).toBe(
      'NOT_FOUND',
    );
  });

  it('lists the campaigns of the committee and below in a fixed number of round trips', async () => {
    await open();
    const one = await b.roundTrips(
      'appraisal',
      'list',
      { orgId: 'demo-committee', year: 2026 },
      SUP,
    );
    await b.ok(
      'appraisal',
      'open',
      { kind: 'secretaryReview', orgId: 'demo-branch-2', year: 2026 },
      SUP,
    );
    const two = await b.roundTrips(
      'appraisal',
      'list',
      { orgId: 'demo-committee', year: 2026 },
      SUP,
    );
    expect((two.res as { data: any[] }).data.map((c: any) => c.orgId).sort()).toEqual([
      'demo-branch',
      'demo-branch-2',
    ]);
    expect(two.roundTrips).toBe(one.roundTrips);
    // one query per kind's collection (issue 14), never one per campaign
    expect(two.roundTrips).toBeLessThanOrEqual(6);
    const branch = await b.ok('appraisal', 'list', { orgId: ORG, year: 2026 }, ORGANIZER);
    expect(branch.map((c) => c.orgId)).toEqual([ORG]);
    expect(
      (await b.err('appraisal', 'list', { orgId: 'demo-committee', year: 2026 }, SEC)).code,
    ).toBe('AUTH.FORBIDDEN');
  });
});
