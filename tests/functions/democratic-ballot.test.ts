import { Backend, snapshot, startBackend } from '../support/backend';
import { democraticKit } from '../support/appraisal-democratic-kit';

/**
 * The 民主测评 of 民主评议党员 on the sealed ballot of 双述双评: who is on the form, who marks it,
 * the 优秀 cap floor(N/3), the grades per profile, 党小组 boxes, and nothing that links a voter to
 * a choice.
 */
let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));
afterEach(() => {
  b.restoreClock();
  jest.restoreAllMocks();
});

const k = democraticKit(() => b);
const { SUP, SEC, ORGANIZER, ID, M, PROB, FULL, ALL } = k;
/** Everyone who can sign in (demo-newcomer is not bound). */
const PRESENT = ALL.filter((m) => m !== 'demo-newcomer');
const cast = (ballotId: string, who: string, marks: Record<string, string>) =>
  b.invoke('appraisal', { action: 'castBallot', data: { ballotId, marks } }, who);

describe('the 测评表 [APR-04, APR-05, APR-06, APR-07]', () => {
  it('lists the 正式党员 but never a 预备党员, with four grades and at most floor(13/3) = 4 优秀 [APR-05] [APR-06] [APR-03]', async () => {
    await k.atBallot();
    const { ballotId, eligible } = await k.appBox(PRESENT);
    expect(eligible).toBe(PRESENT.length); // the 预备党员 fills it in (apr.probationaryBallot) [APR-07]
    const [form] = await b.ok('appraisal', 'ballots', {}, M(1));
    expect(form).toMatchObject({ ballotId, campaignId: ID, maxBest: 4 });
    expect(form.subjects.map((s) => s.id).sort()).toEqual(FULL.filter((m) => m !== M(1)));
    expect(form.subjects.map((s) => s.id)).not.toContain(PROB);
    expect(form.grades.map((g) => g.label)).toEqual(['优秀', '合格', '基本合格', '不合格']);
    const others = FULL.filter((m) => m !== M(1));
    const before = snapshot(b);
    const five = await cast(
      ballotId,
      M(1),
      Object.fromEntries(others.slice(0, 5).map((m) => [m, 'excellent'])),
    );
    expect(!five.ok && five.error).toMatchObject({
      code: 'APPRAISAL.OVER_QUOTA',
      message: '每张票最多只能评4人为“优秀”',
    });
    const prob = await cast(ballotId, M(1), { [PROB]: 'qualified' });
    expect(!prob.ok && prob.error.code).toBe('APPRAISAL.MARKS_INVALID');
    const self = await cast(ballotId, M(1), { [M(1)]: 'excellent' });
    expect(!self.ok && self.error.code).toBe('APPRAISAL.MARKS_INVALID');
    expect(snapshot(b)).toBe(before);
    const four = await cast(ballotId, M(1), {
      ...Object.fromEntries(others.map((m) => [m, 'qualified'])),
      ...Object.fromEntries(others.slice(0, 4).map((m) => [m, 'excellent'])),
    });
    expect(four).toMatchObject({ ok: true, data: { accepted: true } });
    const byProb = await cast(ballotId, PROB, { [M(2)]: 'qualified' });
    expect(byProb.ok).toBe(true);
  });

  it('leaves the 预备党员 out of the voters when apr.probationaryBallot is off [APR-07]', async () => {
    await k.setting('apr.probationaryBallot', false);
    await k.atBallot();
    const { ballotId, eligible } = await k.appBox(PRESENT);
    expect(eligible).toBe(PRESENT.length - 1);
    const e = await cast(ballotId, PROB, { [M(2)]: 'qualified' });
    expect(!e.ok && e.error.code).toBe('APPRAISAL.NOT_ELIGIBLE');
    expect(await b.ok('appraisal', 'ballots', {}, PROB)).toEqual([]);
  });

  it.each(['jiaozuo', 'xianning'])(
    'offers three grades under %s: 优秀, 合格, 不合格 [APR-04]',
    async (profile) => {
      k.setOrg({ profile });
      await k.atBallot();
      const { ballotId } = await k.appBox(PRESENT);
      const [form] = await b.ok('appraisal', 'ballots', {}, M(1));
      expect(form.grades).toEqual([
        { key: 'excellent', label: '优秀' },
        { key: 'qualified', label: '合格' },
        { key: 'unqualified', label: '不合格' },
      ]);
      const before = snapshot(b);
      const e = await cast(ballotId, M(1), { [M(2)]: 'basicallyQualified' });
      expect(!e.ok && e.error.code).toBe('APPRAISAL.MARKS_INVALID');
      expect(snapshot(b)).toBe(before);
    },
  );
});

/** A branch of demo-committee with n 正式党员 and one 预备党员, its 民主评议 at 民主测评. */
async function branchOf(n: number): Promise<string> {
  const { id: orgId } = await b.ok(
    'org',
    'createOrg',
    {
      parentId: 'demo-committee',
      name: `第${n}测试党支部`,
      kind: 'branch',
      category: 'organ',
      termStart: '2024-01-01',
    },
    SUP,
  );
  const members = [
    ...Array.from({ length: n }, (_, i) => ({
      name: `党员${n}-${i + 1}`,
      status: 'full' as const,
    })),
    { name: `预备${n}`, status: 'probationary' as const },
  ].map((m) => ({ ...m, joinedAt: '2020-07-01' }));
  await b.ok('org', 'importMembers', { orgId, members }, SUP);
  const { id } = await k.open(orgId, SUP);
  await k.skipToBallot(id, SUP);
  return id;
}

describe('the 优秀 cap floor(N/3), N = 正式党员, no "at least one" [APR-05]', () => {
  it.each([
    [0, 0],
    [1, 0],
    [2, 0],
    [3, 1],
    [5, 1],
    [6, 2],
  ])(
    'N = %i gives at most %i 优秀 per ballot, and a paper count over it is refused [APR-05]',
    async (n, cap) => {
      const id = await branchOf(n);
      const got = await b.ok('appraisal', 'get', { id }, SUP);
      expect(got.democratic!.quota).toBe(cap);
      const { ballotId } = await b.ok(
        'appraisal',
        'openBallot',
        { id, box: 'assembly', mode: 'paper' },
        SUP,
      );
      const box = b.docs('ballotBoxes').find((x) => x._id === ballotId);
      expect(box).toMatchObject({ maxBest: cap, eligible: [] });
      expect(box.subjectIds).toHaveLength(n);
      const subjects: string[] = box.subjectIds;
      if (n > 0) {
        // cap + 1 members marked 优秀 on every returned ballot: one too many per ballot
        const before = snapshot(b);
        const counts = Object.fromEntries(
          subjects.slice(0, cap + 1).map((s) => [s, { excellent: 6 }]),
        );
        const over = await b.err(
          'appraisal',
          'enterTally',
          { ballotId, issued: 6, returned: 6, counts },
          SUP,
        );
        expect(over.code).toBe('APPRAISAL.OVER_QUOTA');
        expect(snapshot(b)).toBe(before);
      }
      const r = await b.ok(
        'appraisal',
        'enterTally',
        {
          ballotId,
          issued: 6,
          returned: 6,
          counts: Object.fromEntries(subjects.map((s) => [s, { qualified: 6 }])),
        },
        SUP,
      );
      expect(r).toMatchObject({ valid: 6, void: false });
      expect((await b.ok('appraisal', 'get', { id }, SUP)).step).toBe('decision');
    },
  );
});

describe('what each caller may do at the 测评 [APR-02, PRIV-21]', () => {
  it('offers the vote to the voters and the running of the box to the committee only [APR-02]', async () => {
    await k.atBallot();
    expect((await k.get(M(1))).can).not.toContain('openBallot');
    const { ballotId } = await k.appBox(PRESENT);
    const member = await k.get(M(1));
    expect(member.can).toContain('castBallot');
    expect(member.can).not.toContain('closeBallot');
    expect(member.ballots).toEqual([
      expect.objectContaining({ ballotId, canVote: true, voted: false }),
    ]);
    const committee = await k.get(SEC);
    expect(committee.can).toEqual(expect.arrayContaining(['closeBallot', 'castBallot']));
    expect(committee.can).not.toContain('openBallot');
    const before = snapshot(b);
    expect((await b.err('appraisal', 'closeBallot', { ballotId }, M(1))).code).toBe(
      'AUTH.FORBIDDEN',
    );
    expect(snapshot(b)).toBe(before);
    await cast(ballotId, M(1), { [M(2)]: 'qualified' });
    expect((await k.get(M(1))).can).not.toContain('castBallot');
  });
});

describe('by 党小组 [APR-08]', () => {
  const G1 = ALL.filter((_, i) => i % 2 === 0);
  const G2 = ALL.filter((_, i) => i % 2 === 1);

  it('opens one box per group, each marking its own 正式党员 with its own cap, and moves on once every group has voted [APR-08] [APR-05]', async () => {
    await k.atBallot();
    const before = snapshot(b);
    const partial = await b.err(
      'appraisal',
      'setGroups',
      { id: ID, groups: [{ name: '第一党小组', memberIds: G1 }] },
      SEC,
    );
    expect(partial).toMatchObject({
      code: 'APPRAISAL.GROUPS_INVALID',
      details: { ruleId: 'APR-08' },
    });
    expect(snapshot(b)).toBe(before);
    const { groups } = await b.ok(
      'appraisal',
      'setGroups',
      {
        id: ID,
        groups: [
          { name: '第一党小组', memberIds: G1 },
          { name: '第二党小组', memberIds: G2 },
        ],
      },
      SEC,
    );
    expect(groups.map((g) => g.key)).toEqual(['g1', 'g2']);
    const activityId = await k.meeting(PRESENT);
    const whole = await b.err(
      'appraisal',
      'openBallot',
      { id: ID, box: 'assembly', mode: 'app', activityId },
      SEC,
    );
    expect(whole.code).toBe('APPRAISAL.GROUPS_INVALID');
    const one = await b.ok(
      'appraisal',
      'openBallot',
      { id: ID, box: 'assembly', mode: 'app', activityId, group: 'g1' },
      SEC,
    );
    const full1 = G1.filter((m) => FULL.includes(m));
    const box1 = b.docs('ballotBoxes').find((x) => x._id === one.ballotId);
    expect(box1.subjectIds.sort()).toEqual(full1);
    expect(box1.maxBest).toBe(Math.floor(full1.length / 3));
    expect(box1.eligible.sort()).toEqual(G1.filter((m) => PRESENT.includes(m)));
    const outsider = await cast(
      one.ballotId,
      G2.find((m) => PRESENT.includes(m))!,
      { [full1[0]]: 'qualified' },
    );
    expect(!outsider.ok && outsider.error.code).toBe('APPRAISAL.NOT_ELIGIBLE');
    const again = await b.err('appraisal', 'setGroups', { id: ID, groups: [] }, SEC);
    expect(again.code).toBe('APPRAISAL.STEP_ORDER');
    const two = await b.ok(
      'appraisal',
      'openBallot',
      { id: ID, box: 'assembly', mode: 'paper', group: 'g2' },
      SEC,
    );
    await b.ok('appraisal', 'closeBallot', { ballotId: one.ballotId }, SEC);
    expect((await k.get()).step).toBe('ballot');
    const full2 = G2.filter((m) => FULL.includes(m));
    await b.ok(
      'appraisal',
      'enterTally',
      { ballotId: two.ballotId, issued: 6, returned: 6, counts: { [full2[0]]: { qualified: 6 } } },
      SEC,
    );
    const got = await k.get();
    expect(got.step).toBe('decision');
    expect(got.democratic!.boxes.map((x) => [x.group, x.groupName, x.status])).toEqual([
      ['g1', '第一党小组', 'closed'],
      ['g2', '第二党小组', 'closed'],
    ]);
  });
});

describe('participation of the 流动党员 [APR-20]', () => {
  it('keeps a 流动党员 on the form until their 流入地 result is imported; then they are neither required nor marked here [APR-20]', async () => {
    await k.atSelf();
    await b.ok(
      'appraisal',
      'importResult',
      {
        id: ID,
        memberId: 'demo-mobile',
        grade: 'qualified',
        orgName: '深圳某流动党员党支部',
        proof: '流入地党组织出具的评议结果',
      },
      SEC,
    );
    const before = snapshot(b);
    const e = await b.err('appraisal', 'selfEvaluate', { id: ID, text: '自评' }, 'demo-mobile');
    expect(e.code).toBe('APPRAISAL.IMPORTED');
    expect(snapshot(b)).toBe(before);
    const got = await k.get();
    expect(got.democratic!.participants.find((p) => p.memberId === 'demo-mobile')).toMatchObject({
      imported: true,
      mobile: true,
    });
    expect(got.democratic!.quota).toBe(4); // N = 12 graded here → 4
  });
});

describe('sealed [APR-21]', () => {
  it('stores no document that links a voter to a choice, no count while open, and only the tally after close [APR-21]', async () => {
    await k.atBallot();
    const { ballotId } = await k.appBox(PRESENT);
    const voters = PRESENT.slice(0, 6);
    for (const [i, who] of voters.entries()) {
      const target = FULL.find((m) => m !== who)!;
      expect((await cast(ballotId, who, { [target]: i % 2 ? 'excellent' : 'qualified' })).ok).toBe(
        true,
      );
    }
    expect(b.docs('auditLogs').filter((x) => x.action === 'appraisal.castBallot')).toEqual([]);
    for (const d of b.docs('ballots'))
      expect(Object.keys(d).sort()).toEqual(['_id', 'boxId', 'marks']);
    for (const v of b.docs('ballotVoters'))
      expect(Object.keys(v).sort()).toEqual(['_id', 'boxId', 'memberId']);
    expect(b.docs('ballotBoxes')[0].result).toBeNull();
    const doc = b.docs('democraticAppraisals')[0];
    expect(JSON.stringify(doc)).not.toMatch(/excellent"?:\s*\d|returned/);
    const r = await b.ok('appraisal', 'closeBallot', { ballotId }, ORGANIZER);
    expect(r).toMatchObject({ returned: 6, valid: 6, void: false });
    expect(b.docs('ballots')).toEqual([]);
    const voted = await b.ok('appraisal', 'get', { id: ID }, voters[0]);
    expect(voted.ballots[0]).toMatchObject({ status: 'closed', voted: true });
  });

  it('hides per-member counts below the minimum turnout [APR-21]', async () => {
    await k.atBallot();
    const { ballotId } = await k.appBox(PRESENT);
    await cast(ballotId, M(1), { [M(2)]: 'qualified' });
    const r = await b.ok('appraisal', 'closeBallot', { ballotId }, SEC);
    expect(r.tally).toBeNull();
    expect(r.hidden).toContain('少于5张');
  });
});

describe('timing [APR-01]', () => {
  it('reminds a hunan branch to hold the 测评 with the year-end 组织生活会, and says nothing when it is [APR-01]', async () => {
    await k.atBallot();
    await k.appBox(PRESENT);
    const got = await k.get();
    expect(got.alerts).toEqual([
      expect.objectContaining({
        ruleId: 'APR-01',
        level: 'warning',
        message: expect.stringContaining('组织生活会'),
      }),
    ]);
  });
  it('reminds a jiaozuo branch that 民主评议 follows 评组织 and 评书记 [APR-01]', async () => {
    k.setOrg({ profile: 'jiaozuo' });
    await k.atBallot();
    await k.appBox(PRESENT);
    expect((await k.get()).alerts).toEqual([
      expect.objectContaining({
        ruleId: 'APR-01',
        message: '民主评议党员应在评组织、评书记结束后开展，目前还没有结束',
      }),
    ]);
  });
  it('takes the 组织生活会 as the hunan time [APR-01]', async () => {
    await k.atBallot();
    const activityId = await k.meeting(PRESENT, 'orgLifeMeeting');
    await b.ok(
      'appraisal',
      'openBallot',
      { id: ID, box: 'assembly', mode: 'app', activityId },
      SEC,
    );
    expect((await k.get()).alerts).toEqual([]);
  });
});
