import { Backend, snapshot, startBackend } from '../support/backend';
import { voteKit } from '../support/vote-kit';
import { approvedElection } from '../support/elect-kit';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(async () => {
  b.emulator.clock.freeze(Date.parse('2026-12-04T06:30:00Z')); // Fri 14:30 in Shanghai
  await b.reset('demo');
  await approvedElection(b); // an election is recorded only under an approved 请示 [ORG-20]
});
afterEach(() => b.restoreClock());

const { SEC, ORG, FULL, at, meeting, setting, motion, ballot } = voteKit(() => b);

describe('E: who counts [VOTE-02, VOTE-03, VOTE-04]', () => {
  it('never counts someone signed in who belongs to another branch [VOTE-02]', async () => {
    const id = await meeting(FULL.slice(0, 6));
    b.emulator.store.ensure('attendance').set(`${id}:demo-b2-member-1`, {
      _id: `${id}:demo-b2-member-1`,
      activityId: id,
      orgId: ORG,
      memberId: 'demo-b2-member-1',
      status: 'present',
      at: new Date(),
      method: 'hostMarked',
      geo: null,
      note: '持流动党员活动证参加',
    });
    const r = await b.ok('activity', 'vote', motion(id, { yes: 6 }), SEC);
    expect(r).toMatchObject({ eligible: 13, presentEligible: 6, valid: false });
  });

  it('refuses an exclusion without the superior consent and an assembly resolution, writing nothing [VOTE-03]', async () => {
    const id = await meeting(FULL.slice(0, 11));
    const themeDay = await meeting([], { type: 'themeDay' });
    at('2026-12-04T07:30:00Z');
    const base = { orgId: ORG, memberId: 'demo-elder', ground: 'unableToCare' };
    const before = snapshot(b);
    for (const data of [
      base,
      { ...base, superiorApprovalId: '院党委〔2026〕12号' },
      { ...base, resolutionActivityId: id },
      { ...base, superiorApprovalId: '院党委〔2026〕12号', resolutionActivityId: themeDay },
    ]) {
      const e = await b.err('activity', 'excludeVoter', data, SEC);
      expect(e).toMatchObject({
        code: 'VOTE.EXCLUSION_UNAPPROVED',
        details: { ruleId: 'VOTE-03' },
      });
    }
    expect(snapshot(b)).toBe(before);
    await b.ok(
      'activity',
      'excludeVoter',
      { ...base, superiorApprovalId: '院党委〔2026〕12号', resolutionActivityId: id } as never,
      SEC,
    );
    expect(await b.ok('activity', 'elect', ballot(id), SEC)).toMatchObject({
      eligible: 12,
      present: 11,
    });
  });

  it('applies exclusions to ordinary votes by default and only to elections when switched off [VOTE-04]', async () => {
    const id = await meeting(FULL.slice(0, 11));
    at('2026-12-04T07:30:00Z');
    await b.ok(
      'activity',
      'excludeVoter',
      {
        orgId: ORG,
        memberId: 'demo-newcomer',
        ground: 'awayNotMoved',
        superiorApprovalId: '院党委〔2026〕13号',
        resolutionActivityId: id,
      },
      SEC,
    );
    expect(await b.ok('activity', 'vote', motion(id), SEC)).toMatchObject({
      eligible: 12,
      excluded: 1,
    });
    await setting('vote.exclusionsForVotes', false);
    expect(await b.ok('activity', 'vote', motion(id), SEC)).toMatchObject({
      eligible: 13,
      excluded: 0,
    });
    expect((await b.ok('activity', 'elect', ballot(id), SEC)).eligible).toBe(12);
  });
});

describe('method [VOTE-16, VOTE-17]', () => {
  it('refuses a show of hands or proxies for elections and development votes, writing nothing [VOTE-16]', async () => {
    const id = await meeting(FULL.slice(0, 11));
    const before = snapshot(b);
    const dev = motion(id, { kind: 'development', method: 'showOfHands' });
    for (const [action, data] of [
      ['vote', dev],
      ['vote', motion(id, { kind: 'development', proxies: 1 })],
      ['elect', ballot(id, { method: 'showOfHands' })],
      ['elect', ballot(id, { proxies: 2 })],
    ] as const) {
      const e = await b.err('activity', action, data, SEC);
      expect(e).toMatchObject({ code: 'VOTE.METHOD_REFUSED', details: { ruleId: 'VOTE-16' } });
    }
    expect(snapshot(b)).toBe(before);
    expect((await b.ok('activity', 'vote', motion(id, { kind: 'development' }), SEC)).method).toBe(
      'secretBallot',
    );
  });

  it('uses a show of hands for other matters unless the meeting or the branch chooses a secret ballot [VOTE-17]', async () => {
    const id = await meeting(FULL.slice(0, 11));
    expect((await b.ok('activity', 'vote', motion(id), SEC)).method).toBe('showOfHands');
    expect(
      (await b.ok('activity', 'vote', motion(id, { method: 'secretBallot' }), SEC)).method,
    ).toBe('secretBallot');
    await setting('vote.method', 'secretBallot');
    expect((await b.ok('activity', 'vote', motion(id), SEC)).method).toBe('secretBallot');
    expect(b.docs('votes').map((v) => v.method)).toEqual([
      'showOfHands',
      'secretBallot',
      'secretBallot',
    ]);
  });
});

describe('deliberation and discussion [VOTE-18, VOTE-19, VOTE-20]', () => {
  it('alerts on a major-matter decision without its 民主议事, accepts a held one, refuses a false link [VOTE-18]', async () => {
    const themeDay = await meeting(FULL.slice(0, 4), { type: 'themeDay', agenda: ['民主议事'] });
    await b.ok(
      'activity',
      'discuss',
      { activityId: themeDay, item: 0, memberId: 'demo-member-1' },
      SEC,
    );
    const id = await meeting(FULL.slice(0, 11));
    const alone = await b.ok('activity', 'vote', motion(id, { majorMatter: true }), SEC);
    expect(alone.alerts).toEqual([expect.objectContaining({ ruleId: 'VOTE-18' })]);
    const linked = await b.ok(
      'activity',
      'vote',
      motion(id, { majorMatter: true, deliberationId: themeDay }),
      SEC,
    );
    expect(linked.alerts).toEqual([]);
    const e = await b.err(
      'activity',
      'vote',
      motion(id, { majorMatter: true, deliberationId: id }),
      SEC,
    );
    expect(e).toMatchObject({ code: 'VOTE.DELIBERATION_INVALID', details: { ruleId: 'VOTE-18' } });
    await setting('vote.requireDeliberation', false);
    expect((await b.ok('activity', 'vote', motion(id, { majorMatter: true }), SEC)).alerts).toEqual(
      [],
    );
  });

  it('records the secretary’s statement only after everyone else present has spoken or passed [VOTE-19]', async () => {
    const present = ['demo-secretary', 'demo-organizer', 'demo-member-1'];
    const id = await meeting(present, { agenda: ['接收捐赠'] });
    const say = (memberId: string, passed?: boolean) => ({
      activityId: id,
      item: 0,
      memberId,
      ...(passed ? { passed } : {}),
    });
    await b.ok('activity', 'discuss', say('demo-organizer'), SEC);
    const before = snapshot(b);
    const e = await b.err('activity', 'discuss', say(SEC), SEC);
    expect(e).toMatchObject({ code: 'VOTE.SECRETARY_LAST', details: { ruleId: 'VOTE-19' } });
    expect(snapshot(b)).toBe(before);
    await b.ok('activity', 'discuss', say('demo-member-1', true), SEC);
    expect(await b.ok('activity', 'discuss', say(SEC), SEC)).toEqual({
      item: 0,
      spoken: 3,
      waiting: 0,
    });
  });

  it('lets the secretary speak at any point once the branch turns the order off [VOTE-19]', async () => {
    const id = await meeting(['demo-secretary', 'demo-organizer'], { agenda: ['接收捐赠'] });
    await setting('vote.secretaryLast', false);
    expect(
      (await b.ok('activity', 'discuss', { activityId: id, item: 0, memberId: SEC }, SEC)).waiting,
    ).toBe(1);
  });

  it('votes each agenda item separately and only after its discussion is recorded [VOTE-20]', async () => {
    const id = await meeting(FULL.slice(0, 11), { agenda: ['议题一', '议题二'] });
    const before = snapshot(b);
    for (const extra of [{ item: 1 }, { item: 5 }]) {
      const e = await b.err('activity', 'vote', motion(id, extra), SEC);
      expect(e).toMatchObject({ code: 'VOTE.ITEM_NOT_DISCUSSED', details: { ruleId: 'VOTE-20' } });
    }
    expect(snapshot(b)).toBe(before);
    await b.ok('activity', 'discuss', { activityId: id, item: 1, memberId: 'demo-member-2' }, SEC);
    expect((await b.ok('activity', 'vote', motion(id, { item: 1 }), SEC)).passed).toBe(true);
    expect((await b.err('activity', 'vote', motion(id, { item: 0 }), SEC)).code).toBe(
      'VOTE.ITEM_NOT_DISCUSSED',
    );
    // A motion outside the agenda (临时动议) names no item, as the contract's vote allows.
    const extra = await b.ok('activity', 'vote', motion(id, {}), SEC);
    expect(extra.passed).toBe(true);
    expect(b.docs('votes').filter((v) => v.activityId === id && v.item === undefined)).toHaveLength(
      1,
    );
  });
});

describe('the host records that an item was discussed [VOTE-20]', () => {
  const held = (activityId: string, item: number) => ({ activityId, item });

  it('unlocks the vote on that item only, audited, and refuses the vote without it, writing nothing [VOTE-20]', async () => {
    const id = await meeting(FULL.slice(0, 11), { agenda: ['议题一', '议题二'] });
    const before = snapshot(b);
    const refused = await b.err('activity', 'vote', motion(id, { item: 0 }), SEC);
    expect(refused).toMatchObject({
      code: 'VOTE.ITEM_NOT_DISCUSSED',
      details: { ruleId: 'VOTE-20' },
    });
    expect(refused.message).toContain('议题一');
    expect(snapshot(b)).toBe(before);

    expect(await b.ok('activity', 'discuss', held(id, 0), SEC)).toEqual({
      item: 0,
      spoken: 0,
      waiting: 11,
    });
    const marker = b.docs('discussions').filter((d) => d.activityId === id);
    expect(marker).toEqual([
      expect.objectContaining({ item: 0, memberId: '#discussion-held', passed: false }),
    ]);
    expect(b.docs('auditLogs')).toContainEqual(
      expect.objectContaining({ entity: 'discussions', entityId: marker[0]._id }),
    );

    expect((await b.ok('activity', 'vote', motion(id, { item: 0 }), SEC)).passed).toBe(true);
    const afterVote = snapshot(b);
    const e = await b.err('activity', 'vote', motion(id, { item: 1 }), SEC);
    expect(e).toMatchObject({ code: 'VOTE.ITEM_NOT_DISCUSSED', details: { ruleId: 'VOTE-20' } });
    expect(snapshot(b)).toBe(afterVote);
    expect(b.docs('votes').filter((v) => v.activityId === id)).toEqual([
      expect.objectContaining({ item: 0, passed: true }),
    ]);
  });

  it('writes nothing more for an item already discussed, and never counts as the secretary’s statement [VOTE-19, VOTE-20]', async () => {
    const id = await meeting(['demo-secretary', 'demo-organizer'], { agenda: ['接收捐赠'] });
    await b.ok('activity', 'discuss', held(id, 0), SEC);
    const before = snapshot(b);
    expect(await b.ok('activity', 'discuss', held(id, 0), SEC)).toEqual({
      item: 0,
      spoken: 0,
      waiting: 2,
    });
    expect(snapshot(b)).toBe(before);
    const early = await b.err('activity', 'discuss', { ...held(id, 0), memberId: SEC }, SEC);
    expect(early).toMatchObject({ code: 'VOTE.SECRETARY_LAST', details: { ruleId: 'VOTE-19' } });
    const passedByNobody = await b.err(
      'activity',
      'discuss',
      { ...held(id, 0), passed: true },
      SEC,
    );
    expect(passedByNobody).toMatchObject({
      code: 'INPUT.INVALID',
      details: { fields: ['memberId'] },
    });
    expect(snapshot(b)).toBe(before);
    await b.ok('activity', 'discuss', { ...held(id, 0), memberId: 'demo-organizer' }, SEC);
    expect(await b.ok('activity', 'discuss', { ...held(id, 0), memberId: SEC }, SEC)).toEqual({
      item: 0,
      spoken: 2,
      waiting: 0,
    });
  });
});
