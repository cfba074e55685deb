import {
  decideElection,
  ElectionFacts,
} from '../../cloudfunctions/_shared/domain/activity/election';
import {
  ballotMethod,
  deliberationAlert,
  electorate,
  Voter,
} from '../../cloudfunctions/_shared/domain/activity/electorate';
import { mayState, mayVoteOnItem } from '../../cloudfunctions/_shared/domain/activity/discussion';
import { mayRecordStep } from '../../cloudfunctions/_shared/domain/activity/org-life';
import {
  coverage,
  crammedTalks,
  pairCategory,
  talksBeforeThemeDays,
  TalkFact,
} from '../../cloudfunctions/_shared/domain/activity/talks';

const election = (f: Partial<ElectionFacts>): ElectionFacts => ({
  eligible: 20,
  present: 17,
  seats: 3,
  candidates: [],
  ballotsIssued: 17,
  ballotsReturned: 17,
  invalidBallots: 0,
  round: 1,
  ...f,
});
const value = <T>(r: { ok: true; value: T } | { ok: false }): T => {
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r)}`);
  return r.value;
};
const c = (name: string, votes: number) => ({ name, votes });

describe('election arithmetic', () => {
  it('is valid only with more than 4/5 of E present: 16 of 20 is not, 17 is [VOTE-11]', () => {
    const cands = [c('甲', 15), c('乙', 15), c('丙', 15), c('丁', 1)];
    const at16 = value(
      decideElection(
        election({ present: 16, ballotsIssued: 16, ballotsReturned: 16, candidates: cands }),
      ),
    );
    expect(at16).toMatchObject({ valid: false, elected: [] });
    expect(at16.reason).toMatch(/五分之四/);
    const at17 = value(decideElection(election({ candidates: cands })));
    expect(at17).toMatchObject({ valid: true, elected: ['甲', '乙', '丙'] });
  });
  it('elects on votes over half of those present, not of E: 9 of 17 present wins although 9 ≤ 20/2 [VOTE-12, VOTE-15]', () => {
    const r = value(decideElection(election({ seats: 1, candidates: [c('甲', 9), c('乙', 8)] })));
    expect(r.elected).toEqual(['甲']);
    const half = value(
      decideElection(
        election({
          present: 18,
          ballotsIssued: 18,
          ballotsReturned: 18,
          seats: 1,
          candidates: [c('甲', 9), c('乙', 9)],
        }),
      ),
    );
    expect(half).toMatchObject({ elected: [], anotherRound: 1 });
  });
  it('gives the seats to the highest, a tie for the last seat to a runoff among the tied, and too few to another round [VOTE-12]', () => {
    const more = value(
      decideElection(
        election({ seats: 2, candidates: [c('甲', 14), c('乙', 10), c('丙', 9), c('丁', 1)] }),
      ),
    );
    expect(more).toMatchObject({ elected: ['甲', '乙'], runoff: null, anotherRound: 0 });
    const tie = value(
      decideElection(
        election({ seats: 2, candidates: [c('甲', 14), c('乙', 9), c('丙', 9), c('丁', 2)] }),
      ),
    );
    expect(tie).toMatchObject({
      elected: ['甲'],
      runoff: { names: ['乙', '丙'], seats: 1 },
    });
    const few = value(
      decideElection(
        election({ seats: 3, candidates: [c('甲', 15), c('乙', 8), c('丙', 7), c('丁', 3)] }),
      ),
    );
    expect(few).toMatchObject({ elected: ['甲'], anotherRound: 2 });
  });
  it('alerts when committee candidates are fewer than seats + 20%: 3 for 3 seats, not 4 [VOTE-14]', () => {
    const equal = value(
      decideElection(election({ candidates: [c('甲', 16), c('乙', 16), c('丙', 16)] })),
    );
    expect(equal.alerts).toEqual([expect.objectContaining({ ruleId: 'VOTE-14' })]);
    expect(equal.elected).toHaveLength(3); // soft: still elected
    const diff = value(
      decideElection(election({ candidates: [c('甲', 16), c('乙', 16), c('丙', 10), c('丁', 6)] })),
    );
    expect(diff.alerts).toEqual([]);
    const runoff = value(
      decideElection(election({ round: 2, seats: 1, candidates: [c('乙', 10), c('丙', 7)] })),
    );
    expect(runoff.alerts).toEqual([]);
  });
  it('refuses more ballots returned than issued and more marks than seats allow [VOTE-13]', () => {
    expect(decideElection(election({ ballotsReturned: 18, ballotsIssued: 17 }))).toMatchObject({
      ok: false,
      ruleId: 'VOTE-13',
    });
    expect(
      decideElection(election({ seats: 1, candidates: [c('甲', 10), c('乙', 10)] })),
    ).toMatchObject({ ok: false, ruleId: 'VOTE-13' });
  });
});

describe('E and exclusions', () => {
  const roster: Voter[] = [
    { _id: 'a', orgId: 'b1', status: 'full' },
    { _id: 'b', orgId: 'b1', status: 'full' },
    { _id: 'c', orgId: 'b1', status: 'probationary' },
    { _id: 'v', orgId: 'elsewhere', status: 'full' },
  ];
  const excl = [{ memberId: 'b', from: '2026-11-01', until: null }];
  it('counts only the 正式党员 the branch holds; a card holder from elsewhere is never in E [VOTE-02]', () => {
    const { eligible } = electorate(roster, 'b1', [], {
      ballot: 'election',
      date: '2026-12-01',
      exclusionsForVotes: true,
    });
    expect(eligible.map((m) => m._id)).toEqual(['a', 'b']);
  });
  it('takes approved exclusions in force off E, not before their date [VOTE-03]', () => {
    const opts = { ballot: 'election' as const, exclusionsForVotes: false };
    expect(
      electorate(roster, 'b1', excl, { ...opts, date: '2026-12-01' }).eligible.map((m) => m._id),
    ).toEqual(['a']);
    expect(electorate(roster, 'b1', excl, { ...opts, date: '2026-10-01' }).eligible).toHaveLength(
      2,
    );
  });
  it('applies exclusions to ordinary votes only while vote.exclusionsForVotes is on [VOTE-04]', () => {
    const date = '2026-12-01';
    expect(
      electorate(roster, 'b1', excl, { ballot: 'ordinary', date, exclusionsForVotes: true })
        .eligible,
    ).toHaveLength(1);
    expect(
      electorate(roster, 'b1', excl, { ballot: 'ordinary', date, exclusionsForVotes: false })
        .eligible,
    ).toHaveLength(2);
  });
});

describe('method and discussion', () => {
  it('refuses a show of hands or proxies in elections and development votes [VOTE-16]', () => {
    expect(ballotMethod('election', 'showOfHands', 'showOfHands', 0)).toMatchObject({
      ok: false,
      code: 'VOTE.METHOD_REFUSED',
      ruleId: 'VOTE-16',
    });
    expect(ballotMethod('development', undefined, 'showOfHands', 1)).toMatchObject({
      ok: false,
      ruleId: 'VOTE-16',
    });
    expect(value(ballotMethod('development', undefined, 'showOfHands', 0))).toBe('secretBallot');
  });
  it("takes the meeting's choice for other matters, else the branch default [VOTE-17]", () => {
    expect(value(ballotMethod('ordinary', undefined, 'showOfHands', 0))).toBe('showOfHands');
    expect(value(ballotMethod('ordinary', undefined, 'secretBallot', 0))).toBe('secretBallot');
    expect(value(ballotMethod('ordinary', 'secretBallot', 'showOfHands', 0))).toBe('secretBallot');
  });
  it('alerts on a major matter without 民主议事 unless linked or switched off [VOTE-18]', () => {
    expect(deliberationAlert(true, false, true)).toEqual([
      expect.objectContaining({ ruleId: 'VOTE-18' }),
    ]);
    expect(deliberationAlert(true, true, true)).toEqual([]);
    expect(deliberationAlert(true, false, false)).toEqual([]);
    expect(deliberationAlert(false, false, true)).toEqual([]);
  });
  it('records the secretary only after everyone else present, unless the order is off [VOTE-19]', () => {
    const f = {
      item: 0,
      speakerId: 's',
      secretaryId: 's',
      present: ['s', 'x', 'y'],
      secretaryLast: true,
    };
    expect(
      mayState({
        ...f,
        statements: [
          { item: 0, memberId: 'x' },
          { item: 1, memberId: 'y' },
        ],
      }),
    ).toMatchObject({ ok: false, ruleId: 'VOTE-19' });
    expect(
      mayState({
        ...f,
        statements: [
          { item: 0, memberId: 'x' },
          { item: 0, memberId: 'y' },
        ],
      }).ok,
    ).toBe(true);
    expect(mayState({ ...f, secretaryLast: false, statements: [] }).ok).toBe(true);
  });
  it('votes each agenda item on its own and only after its discussion [VOTE-20]', () => {
    const agenda = ['议题一', '议题二'];
    // A motion outside the agenda (临时动议) names no item.
    expect(mayVoteOnItem(agenda, undefined, []).ok).toBe(true);
    expect(mayVoteOnItem(agenda, 5, [])).toMatchObject({ ok: false, ruleId: 'VOTE-20' });
    expect(mayVoteOnItem(agenda, 1, [{ item: 0, memberId: 'x' }])).toMatchObject({
      ok: false,
      ruleId: 'VOTE-20',
    });
    expect(mayVoteOnItem(agenda, 0, [{ item: 0, memberId: 'x' }]).ok).toBe(true);
  });
});

describe('组织生活会 and 谈心谈话', () => {
  const now = new Date('2026-12-20T02:00:00Z');
  const meetingStart = new Date('2026-12-18T02:00:00Z');
  it('records the workflow steps only in order, the meeting not before it starts [MTG-30]', () => {
    const base = { now, meetingStart, rectificationItems: 0 };
    expect(mayRecordStep({ ...base, step: 'study', done: [] })).toMatchObject({
      ok: false,
      code: 'ORGLIFE.STEP_ORDER',
      ruleId: 'MTG-30',
    });
    expect(mayRecordStep({ ...base, step: 'study', done: ['topicAgreed'] }).ok).toBe(true);
    expect(
      mayRecordStep({
        ...base,
        step: 'meeting',
        done: ['topicAgreed', 'study', 'talks'],
        now: new Date('2026-12-10T00:00:00Z'),
      }).ok,
    ).toBe(false);
    const all = ['topicAgreed', 'study', 'talks', 'meeting', 'reported'] as const;
    expect(mayRecordStep({ ...base, step: 'rectification', done: [...all] }).ok).toBe(false);
    expect(
      mayRecordStep({ ...base, step: 'rectification', done: [...all], rectificationItems: 2 }).ok,
    ).toBe(true);
  });
  const sec = { _id: 's', roles: [{ orgId: 'b', role: 'secretary' as const }] };
  const com = { _id: 'c', roles: [{ orgId: 'b', role: 'orgCommissioner' as const }] };
  const lead = { _id: 'g', roles: [{ orgId: 'b', role: 'groupLeader' as const }] };
  const m1 = { _id: 'm1', roles: [] };
  const m2 = { _id: 'm2', roles: [] };
  it('sorts pairs into the three categories and shows each member’s coverage against ≥ 1 a year [MTG-32]', () => {
    expect(pairCategory(sec, com, 'b')).toBe('secretaryCommittee');
    expect(pairCategory(lead, sec, 'b')).toBe('secretaryCommittee');
    expect(pairCategory(com, m1, 'b')).toBe('committeeMember');
    expect(pairCategory(m2, m1, 'b')).toBe('peer');
    const talks: TalkFact[] = [
      { date: '2026-03-01', memberIds: ['s', 'c'], category: 'secretaryCommittee' },
      { date: '2026-04-01', memberIds: ['c', 'm1'], category: 'committeeMember' },
    ];
    const cov = coverage([sec, com, m1, m2], 'b', talks, 1);
    expect(cov.find((x) => x.memberId === 'c')?.missing).toEqual([]);
    expect(cov.find((x) => x.memberId === 's')?.missing).toEqual(['committeeMember']);
    expect(cov.find((x) => x.memberId === 'm1')?.missing).toEqual(['peer']);
    expect(cov.find((x) => x.memberId === 'm2')?.missing).toEqual(['committeeMember', 'peer']);
    expect(coverage([com], 'b', talks, 2)[0].missing).toEqual([
      'secretaryCommittee',
      'committeeMember',
    ]);
  });
  it('hints 谈心谈话不正常 when every talk falls in the 30 days before the 组织生活会 [MTG-35]', () => {
    const t = (date: string): TalkFact => ({ date, memberIds: ['a', 'b'], category: 'peer' });
    expect(crammedTalks([t('2026-11-25'), t('2026-12-10')], ['2026-12-18'])).toEqual([
      expect.objectContaining({ ruleId: 'MTG-35' }),
    ]);
    expect(crammedTalks([t('2026-05-10'), t('2026-12-10')], ['2026-12-18'])).toEqual([]);
  });
  it('xianning: alerts before the June and December theme days for committee members the 书记 has not talked with [MTG-33]', () => {
    const f = {
      themeDays: ['2026-06-05', '2026-12-04'],
      today: '2026-12-01',
      secretaryId: 's',
      committee: ['s', 'c', 'd'],
    };
    const h2 = talksBeforeThemeDays({
      ...f,
      talks: [{ date: '2026-08-01', memberIds: ['s', 'c'], category: 'secretaryCommittee' }],
    });
    expect(h2).toEqual([
      expect.objectContaining({
        ruleId: 'MTG-33',
        message: expect.stringMatching(/12月.*1名支委/),
      }),
    ]);
    expect(talksBeforeThemeDays({ ...f, today: '2026-05-01', talks: [] })).toEqual([]);
  });
});
