/** @jest-environment ./tests/setup/page-environment.ts */
// 评定等次 against the real backend: both evaluations (or why a tally is held back), the daily
// assessment, the advisory score and what it lacks, the grade signed and published [SEC-10,
// SEC-11, SEC-14]; the boxes run from the same page: opened at the meeting, closed, paper ballots
// entered, returned > issued voiding it [SEC-08, SEC-09]; the leader's 点评 [SEC-09].
import {
  approvedReport,
  assemblyDone,
  assemblyMeeting,
  openReview,
  readyToGrade,
} from '../../scripts/preview/fixtures/appraisal';
import {
  actAs,
  answerDialogs,
  find,
  loadPage,
  openPage,
  settle,
  tap,
  textOf,
  useBackend,
} from '../setup/simulate';

const server = useBackend('demo');
let boardPage: string;

beforeAll(() => {
  boardPage = loadPage('subpackages/appraisal/board/index');
});

afterEach(() => jest.restoreAllMocks());

const stored = (id: string) => server.backend.docs('appraisals').find((d) => d._id === id);
type Page = Awaited<ReturnType<typeof openPage>>;

async function type(page: Page, selector: string, value: string) {
  const inner =
    find(page, selector, '.t-input__control') ?? find(page, selector, '.t-textarea__wrapper-inner');
  if (!inner) throw new Error(`nothing to type into at ${selector}`);
  inner.dispatchEvent('input', { detail: { value } });
  await settle();
}

describe('评定等次 [SEC-10, SEC-11]', () => {
  it('shows both evaluations and the daily assessment, then signs the grade and publishes it [SEC-10, SEC-14]', async () => {
    const { id, subject } = await readyToGrade(server.backend);
    actAs('demo-superior');
    const page = await openPage(boardPage, { id });
    const text = textOf(page);
    expect(text).toContain('支部党员大会测评');
    expect(text).toContain('基层党委述职评议会测评');
    expect(text).toContain('日常考核');
    expect(text).toContain('参考得分');
    expect(text).toContain('领导点评：抓党建责任意识强');
    expect(text).not.toContain('undefined');

    answerDialogs(true);
    await tap(page, `.subject-${subject} .option-competent`);
    await type(page, '.verification-input', '85');
    await tap(page, '.decide-button', '.t-button');
    expect(page.data.formError).toBe('');
    expect(stored(id).decision).toMatchObject({ grade: 'competent', verification: 85 });

    await tap(page, '.publish-button', '.t-button');
    expect(stored(id).publishedAt).toBeTruthy();
    expect(textOf(page)).toContain('结果已公布');
  });

  it('asks for a grade before signing, and sends nothing [SEC-10]', async () => {
    const { id } = await readyToGrade(server.backend);
    actAs('demo-superior');
    const page = await openPage(boardPage, { id });
    const dialogs = answerDialogs(true);
    await tap(page, '.decide-button', '.t-button');
    expect(textOf(page)).toContain('选定等次');
    expect(dialogs).not.toHaveBeenCalled();
    expect(stored(id).decision).toBeNull();
  });

  it('opens the assembly ballot at the meeting and closes it, from the boxes [SEC-08]', async () => {
    const id = await openReview(server.backend);
    await approvedReport(server.backend, id);
    const activityId = await assemblyMeeting(server.backend);
    actAs('demo-organizer');
    const page = await openPage(boardPage, { id });
    expect(find(page, '.open-ballot-button')).toBeDefined();
    const at = page.data.activityIds.indexOf(activityId);
    expect(at).toBeGreaterThanOrEqual(0);
    page.instance.onPick({
      currentTarget: { dataset: { key: 'activityIndex' } },
      detail: { value: String(at) },
    });
    await settle();
    await tap(page, '.open-ballot-button', '.t-button');
    expect(page.data.formError).toBe('');
    expect(textOf(page)).toMatch(/投票已开始，可投票\d+人/);
    expect(textOf(page)).toContain('投票中');
    expect(textOf(page)).not.toMatch(/已投\d+/); // no running count [SEC-08]

    answerDialogs(true);
    await tap(page, '.close-button', '.t-button');
    expect(page.data.formError).toBe('');
    expect(textOf(page)).toContain('已结束');
  });

  it('voids a paper ballot whose returned count exceeds the issued one [SEC-09]', async () => {
    const { id, subject } = await assemblyDone(server.backend);
    await server.backend.ok(
      'appraisal',
      'openBallot',
      { id, box: 'committee', mode: 'paper' },
      'demo-superior',
    );
    actAs('demo-superior');
    const page = await openPage(boardPage, { id });
    await tap(page, '.tally-button', '.t-button');
    await tap(page, '.tally-submit', '.t-button');
    expect(textOf(page)).toContain('请填写“发出票数”');
    await type(page, '.tally-issued', '10');
    await type(page, '.tally-returned', '11');
    for (const g of ['excellent', 'competent', 'basicallyCompetent', 'incompetent'])
      await type(page, `.tally-${subject}--${g}`, g === 'competent' ? '11' : '0');
    await tap(page, '.tally-submit', '.t-button');
    expect(page.data.formError).toBe('');
    expect(textOf(find(page, '.ballot-note'))).toContain('本次投票作废');
    const box = server.backend.docs('ballotBoxes').find((x) => x.box === 'committee');
    expect(box.status).toBe('void');
    expect(textOf(page)).toContain('已作废');
  });

  it('says in the backend’s words why a tally is not shown: still open, then void [SEC-19]', async () => {
    const { id, subject } = await assemblyDone(server.backend);
    const { ballotId } = await server.backend.ok(
      'appraisal',
      'openBallot',
      { id, box: 'committee', mode: 'paper' },
      'demo-superior',
    );
    actAs('demo-superior');
    const page = await openPage(boardPage, { id });
    const open = textOf(find(page, '.evaluation--committee'));
    expect(open).toContain('这项测评还在进行，结束投票后才显示票数');
    expect(open).not.toContain('人数不足');
    const voided = await server.backend.ok(
      'appraisal',
      'enterTally',
      { ballotId, issued: 5, returned: 6, counts: { [subject]: { competent: 6 } } },
      'demo-superior',
    );
    const again = await openPage(boardPage, { id });
    expect(textOf(find(again, '.evaluation--committee'))).toContain(voided.hidden!);
  });

  it('records the leader’s 点评 [SEC-09]', async () => {
    const { id } = await assemblyDone(server.backend);
    actAs('demo-superior');
    const page = await openPage(boardPage, { id });
    await type(page, '.comment-input', '述职实在，问题找得准。');
    await tap(page, '.comment-button', '.t-button');
    expect(page.data.formError).toBe('');
    expect(stored(id).leaderComment.text).toBe('述职实在，问题找得准。');
  });
});
