/** @jest-environment ./tests/setup/page-environment.ts */
// 评组织 测评 from the meeting, against the real backend [FORT-20]: a 支部党员大会 with sign-in
// where the branch's 手机测评 is open; the meeting page finds it with its one generic `ballots`
// call (no second list), leads to the ballot page, which shows the branch and takes the sealed
// rating; a second visit says 您已投过票.
import { setOrg } from '../support/appraisal-grading-kit';
import { voteKit } from '../support/vote-kit';
import {
  actAs,
  answerDialogs,
  find,
  loadPage,
  openPage,
  tap,
  textOf,
  useBackend,
  wx,
} from '../setup/simulate';

const server = useBackend('demo');
const kit = voteKit(() => server.backend);
const SUP = 'demo-superior';
const SEC = 'demo-secretary';
const VOTERS = ['demo-member-1', 'demo-member-2', 'demo-member-3'];
let detailPage: string;
let ballotPage: string;

beforeAll(() => {
  detailPage = loadPage('subpackages/activity/detail/index');
  ballotPage = loadPage('subpackages/appraisal/dballot/index');
});

afterEach(() => {
  server.backend.restoreClock();
  jest.restoreAllMocks();
});

/** The jiaozuo 评组织 of demo-committee, at 民主测评, demo-branch's box open in the app. */
async function branchBoxOpen() {
  const b = server.backend;
  setOrg(b, 'demo-committee', { profile: 'jiaozuo' });
  const { id } = await b.ok(
    'appraisal',
    'open',
    { kind: 'branchAppraisal', orgId: 'demo-committee', year: 2026 },
    SUP,
  );
  await b.ok('appraisal', 'completeBranchStep', { id, step: 'study' }, SUP);
  await b.ok('appraisal', 'completeBranchStep', { id, step: 'report' }, SUP);
  const activityId = await kit.meeting(VOTERS);
  const box = await b.ok(
    'appraisal',
    'openBranchBallot',
    { id, branchId: 'demo-branch', activityId },
    SEC,
  );
  return { activityId, ballotId: box.ballotId };
}

/** The `appraisal` actions the pages call from here on. */
function appraisalCalls(): string[] {
  const calls: string[] = [];
  const real = wx.cloud.callFunction;
  jest.spyOn(wx.cloud, 'callFunction').mockImplementation((o: any) => {
    if (o.name === 'appraisal') calls.push(o.data.action);
    return real.call(wx.cloud, o);
  });
  return calls;
}

describe('评组织 测评 from the meeting [FORT-20]', () => {
  it('finds the branch’s box with one ballots call, leads to it and takes the sealed rating [FORT-20]', async () => {
    const { activityId, ballotId } = await branchBoxOpen();
    actAs('demo-member-1');
    const calls = appraisalCalls();
    const meeting = await openPage(detailPage, { id: activityId });
    expect(calls).toEqual(['ballots']); // one call per load: the 评组织 boxes are in that list
    const go = jest.spyOn(wx, 'navigateTo');
    await tap(meeting, '.appraisal-button', '.t-button');
    expect((go.mock.calls[0][0] as { url: string }).url).toBe(
      `/subpackages/appraisal/dballot/index?activityId=${activityId}`,
    );

    calls.length = 0;
    const page = await openPage(ballotPage, { activityId });
    expect(calls).toEqual(['ballots']);
    expect(page.data.b.subjects.map((s: { id: string }) => s.id)).toEqual(['demo-branch']);
    await tap(page, '.subject-demo-branch .option-first');
    answerDialogs(true);
    await tap(page, '.submit-button', '.t-button');
    expect(textOf(page)).toContain('您的测评票已投出');
    const stored = server.backend.docs('ballots').filter((x) => x.marks && x.boxId === ballotId);
    expect(stored.map((x) => x.marks)).toEqual([{ 'demo-branch': 'first' }]);

    const again = await openPage(ballotPage, { activityId });
    expect(again.data.screen).toBe('voted');
    const back = await openPage(detailPage, { id: activityId });
    expect(textOf(find(back, '.appraisal-entry'))).toContain('您已投过票');
  });
});
