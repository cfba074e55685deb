/** @jest-environment ./tests/setup/page-environment.ts */
// 述职评议工作台 against the real backend: the 基层党委 sees every branch of the year with its
// review's step in words, opens one for a branch that has none [SEC-01, SEC-02], and a row leads
// to the report or the board. The home leads the superior here and the secretary to the report.
import {
  approvedReport,
  openReview,
  readyToGrade,
  submittedReport,
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

const server = useBackend('demo');
let consolePage: string;
let homePage: string;

beforeAll(() => {
  consolePage = loadPage('subpackages/appraisal/console/index');
  homePage = loadPage('pages/home/index/index');
});

afterEach(() => jest.restoreAllMocks());

const campaigns = () => server.backend.docs('appraisals');

describe('述职评议工作台 [SEC-01]', () => {
  it('lists both branches, the step in words, and opens a review for the branch without one [SEC-01, SEC-02]', async () => {
    const id = await openReview(server.backend);
    await submittedReport(server.backend, id);
    actAs('demo-superior');
    const page = await openPage(consolePage);
    const one = textOf(find(page, '.branch-demo-branch'));
    expect(one).toContain('机关第一党支部');
    expect(one).toContain('进行到：述评准备');
    expect(one).toContain('已提交，等待上级审核');
    const two = textOf(find(page, '.branch-demo-branch-2'));
    expect(two).toContain('本年度尚未开启述职评议');
    expect(find(page, '.branch-demo-branch .open-button')).toBeUndefined();
    const go = jest.spyOn(wx, 'navigateTo');
    await tap(page, '.branch-demo-branch .campaign');
    expect((go.mock.calls[0][0] as { url: string }).url).toBe(
      `/subpackages/appraisal/report/index?id=${id}`,
    );

    answerDialogs(true);
    await tap(page, '.branch-demo-branch-2 .open-button', '.t-button');
    expect(campaigns()).toHaveLength(2);
    expect(textOf(find(page, '.branch-demo-branch-2'))).toContain('进行到：述评准备');
    expect(find(page, '.branch-demo-branch-2 .open-button')).toBeUndefined();
  });

  it('opens nothing when the superior cancels [SEC-01]', async () => {
    actAs('demo-superior');
    const page = await openPage(consolePage);
    answerDialogs(false);
    await tap(page, '.branch-demo-branch-2 .open-button', '.t-button');
    expect(campaigns()).toHaveLength(0);
  });

  it('leads to the report before grading and to the board from 评定等次 on [SEC-10]', async () => {
    const { id } = await readyToGrade(server.backend);
    actAs('demo-superior');
    const page = await openPage(consolePage);
    const go = jest.spyOn(wx, 'navigateTo');
    await tap(page, '.branch-demo-branch .campaign');
    expect((go.mock.calls[0][0] as { url: string }).url).toBe(
      `/subpackages/appraisal/board/index?id=${id}`,
    );
  });

  it('is not offered to a plain member, who is told why [SEC-01]', async () => {
    actAs('demo-member-1');
    const page = await openPage(consolePage);
    expect(page.data.status).toBe('empty');
    expect(textOf(page)).toContain('只有上级党组织可以开展书记述职评议');
  });

  it('leads the superior from the home to the console, and the secretary to the report [SEC-04]', async () => {
    const id = await openReview(server.backend);
    actAs('demo-superior');
    const home = await openPage(homePage);
    const go = jest.spyOn(wx, 'navigateTo');
    await tap(home, '.appraisal-console-link .todo');
    expect((go.mock.calls[0][0] as { url: string }).url).toBe(
      '/subpackages/appraisal/console/index',
    );

    actAs('demo-secretary');
    const mine = await openPage(homePage);
    expect(find(mine, '.appraisal-console-link')).toBeUndefined();
    expect(textOf(find(mine, '.appraisal-list'))).toContain('述职报告待提交');
    await tap(mine, '.appraisal-link');
    expect((go.mock.calls[1][0] as { url: string }).url).toBe(
      `/subpackages/appraisal/report/index?id=${id}`,
    );
  });

  it('leads the 组织委员 from the home to the boxes once the assembly step is on [SEC-08]', async () => {
    const id = await openReview(server.backend);
    await approvedReport(server.backend, id);
    actAs('demo-organizer');
    const home = await openPage(homePage);
    const go = jest.spyOn(wx, 'navigateTo');
    await tap(home, '.appraisal-link');
    expect((go.mock.calls[0][0] as { url: string }).url).toBe(
      `/subpackages/appraisal/board/index?id=${id}`,
    );
  });
});
