/** @jest-environment ./tests/setup/page-environment.ts */
// 述职测评: the member's sealed ballot, opened from the 支部党员大会's page, against the real
// backend: sign in first, vote with one confirmation, a clear confirmation with the sentence on
// why nobody can see the choice, 您已投过票 on a second visit, never a count [SEC-08, SEC-13].
import {
  assemblyMeeting,
  ballotOpen,
  openReview,
  approvedReport,
  openAssemblyBallot,
} from '../../scripts/preview/fixtures/appraisal';
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
import { setOrg } from '../support/appraisal-grading-kit';

const server = useBackend('demo');
let ballotPage: string;
let detailPage: string;

beforeAll(() => {
  ballotPage = loadPage('subpackages/appraisal/ballot/index');
  detailPage = loadPage('subpackages/activity/detail/index');
});

afterEach(() => jest.restoreAllMocks());

const SEALED = '任何人都看不到您投了什么';
/** The ballots with a vote on them (the box may hold blank ones, which carry nothing). */
const cast = () => server.backend.docs('ballots').filter((b) => b.marks);

describe('述职测评 from the meeting [SEC-08]', () => {
  it('leads from the meeting page to the ballot, and casts it after one confirmation [SEC-08]', async () => {
    const { activityId } = await ballotOpen(server.backend);
    actAs('demo-member-1');
    const meeting = await openPage(detailPage, { id: activityId });
    expect(textOf(find(meeting, '.appraisal-entry'))).toContain('参加述职测评');
    const go = jest.spyOn(wx, 'navigateTo');
    await tap(meeting, '.appraisal-button', '.t-button');
    expect((go.mock.calls[0][0] as { url: string }).url).toBe(
      `/subpackages/appraisal/ballot/index?activityId=${activityId}`,
    );

    const page = await openPage(ballotPage, { activityId });
    const text = textOf(page);
    expect(text).toContain('述职人');
    for (const word of ['优秀', '称职', '基本称职', '不称职']) expect(text).toContain(word);
    const subject = page.data.b.subjects[0];
    expect(text).toContain(subject.name);

    // Nothing chosen: the page asks, and nothing is cast.
    const dialogs = answerDialogs(true);
    await tap(page, '.submit-button', '.t-button');
    expect(textOf(page)).toContain('请为每一位述职人选一个等次');
    expect(dialogs).not.toHaveBeenCalled();
    expect(cast()).toHaveLength(0);

    await tap(page, '.option-competent');
    expect(textOf(find(page, '.option-competent'))).toContain('已选');
    await tap(page, '.submit-button', '.t-button');
    expect(dialogs).toHaveBeenCalledTimes(1);
    expect((dialogs.mock.calls[0][0] as { content: string }).content).toContain(
      `${subject.name}：称职`,
    );

    const done = textOf(page);
    expect(done).toContain('您的测评票已投出');
    expect(done).toContain(SEALED);
    expect(done).not.toMatch(/\d+\s*(票|人已投)/); // never a count
    const stored = cast();
    expect(stored).toHaveLength(1);
    expect(stored[0].marks).toEqual({ [subject.id]: 'competent' });
    expect(JSON.stringify(stored[0])).not.toContain('demo-member-1');
  });

  it('casts nothing when the member cancels the confirmation [SEC-08]', async () => {
    const { activityId } = await ballotOpen(server.backend);
    actAs('demo-member-2');
    const page = await openPage(ballotPage, { activityId });
    answerDialogs(false);
    await tap(page, '.option-excellent');
    await tap(page, '.submit-button', '.t-button');
    expect(textOf(page)).not.toContain('您的测评票已投出');
    expect(cast()).toHaveLength(0);
  });

  it('says 您已投过票 on a second visit, from another phone too, and a second vote is not taken [SEC-08]', async () => {
    const { activityId } = await ballotOpen(server.backend);
    actAs('demo-member-3');
    const stored = jest.spyOn(wx, 'setStorageSync');
    const first = await openPage(ballotPage, { activityId });
    answerDialogs(true);
    await tap(first, '.option-competent');
    await tap(first, '.submit-button', '.t-button');
    expect(textOf(first)).toContain('您的测评票已投出');
    // Nothing about the vote is kept on the phone: the backend says it was cast.
    expect(stored.mock.calls.map((c) => String(c[0]))).not.toContainEqual(
      expect.stringContaining('appraisalVoted'),
    );

    // A fresh page instance on a phone that remembers nothing.
    wx.clearStorageSync();
    actAs('demo-member-3');
    const again = await openPage(ballotPage, { activityId });
    expect(textOf(again)).toContain('您已投过票');
    expect(textOf(again)).toContain(SEALED);
    expect(find(again, '.submit-button')).toBeUndefined();
    expect(cast()).toHaveLength(1);
  });

  it('tells a member not signed in to the meeting to sign in first, with no ballot [SEC-08]', async () => {
    const { activityId } = await ballotOpen(server.backend);
    actAs('demo-member-8');
    const page = await openPage(ballotPage, { activityId });
    expect(textOf(page)).toContain('您还没有签到');
    expect(find(page, '.submit-button')).toBeUndefined();
    const go = jest.spyOn(wx, 'redirectTo');
    await tap(page, '.sign-in-button', '.t-button');
    expect((go.mock.calls[0][0] as { url: string }).url).toBe(
      `/subpackages/activity/detail/index?id=${activityId}`,
    );
    const meeting = await openPage(detailPage, { id: activityId });
    expect(find(meeting, '.appraisal-button')).toBeUndefined();
  });

  it('gives the secretary under review no ballot, though signed in [SEC-13]', async () => {
    const { activityId } = await ballotOpen(server.backend);
    actAs('demo-secretary');
    const page = await openPage(ballotPage, { activityId });
    expect(find(page, '.submit-button')).toBeUndefined();
    expect(textOf(page)).toContain('现在没有需要您投的测评票');
  });

  it('shows no entry on the meeting page before a ballot is open [SEC-08]', async () => {
    const id = await openReview(server.backend);
    await approvedReport(server.backend, id);
    const activityId = await assemblyMeeting(server.backend);
    actAs('demo-member-1');
    const before = await openPage(detailPage, { id: activityId });
    expect(find(before, '.appraisal-button')).toBeUndefined();
    await openAssemblyBallot(server.backend, id, activityId);
    const after = await openPage(detailPage, { id: activityId });
    expect(find(after, '.appraisal-button')).toBeDefined();
  });

  it('offers the 评书记 grades 好/较好/一般/差 under the jiaozuo profile [SEC-17]', async () => {
    setOrg(server.backend, 'demo-branch', { profile: 'jiaozuo' });
    const { activityId } = await ballotOpen(server.backend);
    actAs('demo-member-4');
    const page = await openPage(ballotPage, { activityId });
    const text = textOf(page);
    for (const word of ['好', '较好', '一般', '差']) expect(text).toContain(word);
    expect(text).not.toContain('称职');
    answerDialogs(true);
    await tap(page, '.option-fairlyGood');
    await tap(page, '.submit-button', '.t-button');
    expect(textOf(page)).toContain('您的测评票已投出');
    expect(Object.values(cast()[0].marks)).toEqual(['fairlyGood']);
  });
});
