/** @jest-environment ./tests/setup/page-environment.ts */
// 民主评议党员 for the committee and the superior, against the real backend [APR-01, APR-02,
// APR-05]: the superior opens it for a branch from 民主评议情况; the committee's page takes the
// steps in order (学习 with a note), shows who has written a 自评, leads to 代为录入 and 录入互评,
// opens the 民主测评 at a meeting and closes it; 首页 leads a member to 写个人自评.
import { democraticKit } from '../support/appraisal-democratic-kit';
import {
  actAs,
  answerDialogs,
  find,
  loadPage,
  openPage,
  tap,
  textOf,
  typeText,
  useBackend,
  wx,
} from '../setup/simulate';

const server = useBackend('demo');
const k = democraticKit(() => server.backend);
const { ID, M, ALL, SEC, SUP, ORGANIZER } = k;
let consolePage: string;
let hintsPage: string;
let homePage: string;
let selfPage: string;

beforeAll(() => {
  consolePage = loadPage('subpackages/appraisal/democratic/index');
  hintsPage = loadPage('subpackages/appraisal/hints/index');
  homePage = loadPage('pages/home/index/index');
  selfPage = loadPage('subpackages/appraisal/self/index');
});

afterEach(() => {
  server.backend.restoreClock();
  jest.restoreAllMocks();
});

describe('民主评议党员: opening and the steps [APR-01, APR-02]', () => {
  it('lets the superior open it for a branch from 民主评议情况, once [APR-01]', async () => {
    actAs(SUP);
    const p = await openPage(hintsPage);
    expect(textOf(find(p, '.branch-demo-branch'))).toContain('本年度还没有开始民主评议');
    answerDialogs(true);
    await tap(p, '.branch-demo-branch .open-button', '.t-button');
    expect(textOf(p)).toContain('已为机关第一党支部开启民主评议党员');
    expect(server.backend.docs('democraticAppraisals').map((d) => d._id)).toEqual([ID]);
    expect(find(p, '.branch-demo-branch .open-button')).toBeUndefined();
    expect(textOf(find(p, '.branch-demo-branch'))).toContain('查看');
  });

  it('takes 学习 with a note, shows who has written a 自评, and leads to 代为录入 and the member to 写个人自评 [APR-02]', async () => {
    await k.open();
    actAs(SEC);
    const p = await openPage(consolePage, { id: ID });
    expect(textOf(p)).toContain('学习');
    answerDialogs(true, '');
    await tap(p, '.hand-step-button', '.t-button');
    expect(textOf(p)).toContain('写明学习了什么');
    expect(server.backend.docs('democraticAppraisals')[0].step).toBe('study');
    answerDialogs(true, '集中学习党章');
    await tap(p, '.hand-step-button', '.t-button');
    expect(server.backend.docs('democraticAppraisals')[0].step).toBe('selfEvaluation');
    expect(textOf(p)).toContain(`参加评议${ALL.length}人：个人自评已交0人`);

    actAs(M(1));
    const home = await openPage(homePage);
    expect(textOf(find(home, '.democratic-list'))).toContain('请写个人自评');
    expect(home.data.democratic[0].page).toBe(
      `/subpackages/appraisal/self/index?id=${encodeURIComponent(ID)}`,
    );

    await server.backend.ok('appraisal', 'selfEvaluate', { id: ID, text: '我的自评' }, M(1));
    actAs(ORGANIZER);
    const again = await openPage(consolePage, { id: ID });
    expect(textOf(find(again, `.person-${M(1)}`))).toContain('自评已交');
    expect(textOf(find(again, `.person-${M(2)}`))).toContain('自评未交');
    const go = jest.spyOn(wx, 'navigateTo');
    await tap(again, `.person-${M(2)} .proxy-go`);
    expect((go.mock.calls[0][0] as { url: string }).url).toBe(
      `/subpackages/appraisal/self/index?id=${encodeURIComponent(ID)}&memberId=${M(2)}&what=self`,
    );
  });

  it('opens the 民主测评 at a meeting of the branch and closes it [APR-05]', async () => {
    await k.atBallot();
    const present = ALL.filter((m) => m !== 'demo-newcomer');
    const activityId = await k.meeting(present);
    actAs(ORGANIZER);
    const p = await openPage(consolePage, { id: ID });
    const i = (p.data.activityIds as string[]).indexOf(activityId);
    expect(i).toBeGreaterThanOrEqual(0);
    find(p, '.activity-pick')!.dispatchEvent('change', { detail: { value: i } });
    await tap(p, '.open-ballot-button', '.t-button');
    expect(textOf(p)).toContain(`民主测评已开始，可投票${present.length}人`);
    expect(textOf(p)).toContain('正在投票');
    expect(textOf(p)).toContain('“优秀”每张票最多4人');

    answerDialogs(true);
    await tap(p, '.close-button', '.t-button');
    expect(textOf(p)).toContain('已结束');
  });

  it('records the 党员互评情况 from the minutes through 录入互评 [APR-02]', async () => {
    await k.atMutual();
    actAs(SEC);
    const p = await openPage(consolePage, { id: ID });
    const go = jest.spyOn(wx, 'navigateTo');
    await tap(p, `.person-${M(3)} .mutual-go`);
    const url = (go.mock.calls[0][0] as { url: string }).url;
    expect(url).toBe(
      `/subpackages/appraisal/self/index?id=${encodeURIComponent(ID)}&memberId=${M(3)}&what=mutual`,
    );
    const query = Object.fromEntries(new URLSearchParams(url.split('?')[1]));
    const entry = await openPage(selfPage, query);
    expect(textOf(entry)).toContain('的党员互评情况');
    await typeText(entry, '.self-input', '大家认为该同志工作踏实，希望多参加理论学习。');
    await tap(entry, '.save-button', '.t-button');
    const stored = server.backend.docs('democraticEntries').find((e) => e.memberId === M(3)) as {
      mutual: { summary: string };
    };
    expect(stored.mutual.summary).toBe('大家认为该同志工作踏实，希望多参加理论学习。');
    expect(textOf(entry)).toContain('已提交');
  });
});
