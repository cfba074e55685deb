import { Backend, startBackend } from '../support/backend';
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

const { SEC, FULL, meeting, motion, ballot } = voteKit(() => b);

describe('elections [VOTE-11, VOTE-12, VOTE-14, PRIV-13]', () => {
  it('is void with 10 of 13 present and valid with 11, electing over half of those present [VOTE-11, VOTE-12, VOTE-15]', async () => {
    const ten = await meeting(FULL.slice(0, 10));
    const r10 = await b.ok(
      'activity',
      'elect',
      ballot(ten, { ballotsIssued: 10, ballotsReturned: 10 }),
      SEC,
    );
    expect(r10).toMatchObject({ valid: false, eligible: 13, present: 10, elected: [] });
    await b.reset('demo');
    await approvedElection(b);
    const eleven = await meeting(FULL.slice(0, 11));
    const r11 = await b.ok('activity', 'elect', ballot(eleven), SEC);
    // 6 of 11 present is over half of those present, though not of E = 13
    expect(r11).toMatchObject({ valid: true, elected: ['李红', '张伟', '陈明'], anotherRound: 0 });
    const few = await b.ok(
      'activity',
      'elect',
      ballot(eleven, {
        candidates: [
          { name: '李红', votes: 7 },
          { name: '张伟', votes: 6 },
          { name: '陈明', votes: 5 },
          { name: '刘洋', votes: 5 },
        ],
      }),
      SEC,
    );
    expect(few).toMatchObject({ elected: ['李红', '张伟'], anotherRound: 1 });
  });

  it('sends a tie for the last seat to a runoff and alerts without 20% more candidates [VOTE-12, VOTE-14]', async () => {
    const id = await meeting(FULL.slice(0, 11));
    const r = await b.ok(
      'activity',
      'elect',
      ballot(id, {
        seats: 2,
        candidates: [
          { name: '李红', votes: 9 },
          { name: '张伟', votes: 6 },
          { name: '陈明', votes: 6 },
        ],
      }),
      SEC,
    );
    expect(r).toMatchObject({ elected: ['李红'], runoff: { names: ['张伟', '陈明'], seats: 1 } });
    expect(r.alerts).toEqual([]);
    const equal = await b.ok(
      'activity',
      'elect',
      ballot(id, { candidates: ballot(id).candidates.slice(0, 3) }),
      SEC,
    );
    expect(equal.alerts).toEqual([expect.objectContaining({ ruleId: 'VOTE-14' })]);
  });

  it('stores secret ballots and elections as tallies only, with nothing naming a voter [PRIV-13, VOTE-22]', async () => {
    const id = await meeting(FULL.slice(0, 11));
    await b.ok('activity', 'vote', motion(id, { method: 'secretBallot' }), SEC);
    await b.ok('activity', 'vote', motion(id, { kind: 'development' }), SEC);
    await b.ok('activity', 'elect', ballot(id), SEC);
    const tallies = b.docs('elections'); // the tallies (the 请示 live in electionRequests)
    const stored = [...b.docs('votes'), ...tallies];
    const audit = b
      .docs('auditLogs')
      .filter((a) => a.entity === 'votes' || a.entity === 'elections')
      .map((a) => a.after);
    expect(stored).toHaveLength(3);
    expect(audit).toHaveLength(3);
    const text = JSON.stringify([...stored, ...audit]);
    for (const m of FULL) expect(text).not.toContain(m);
    for (const v of b.docs('votes'))
      expect(Object.keys(v).filter((k) => /voter|member|ballots?$/i.test(k))).toEqual([]);
  });
});
