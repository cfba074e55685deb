/** @jest-environment ./tests/setup/page-environment.ts */
// Fix-ups 2 of 双述双评, against the real backend: the branch committee enters the 党员大会's paper
// tally with per-grade rows built from the campaign (the board is the superior's) [SEC-08]; the
// follow-ups of a published grade are recorded done from the pages — the superior's 提醒谈话 on
// the board, the secretary's rectification on the report page — each with a note, offered only
// where the backend allows it, and gone from the to-do list afterwards [SEC-15, SEC-16].
import {
  approvedReport,
  openReview,
  ORGANIZER,
  published,
  SECRETARY,
  SUPERIOR,
} from '../../scripts/preview/fixtures/appraisal';
import {
  actAs,
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
let reportPage: string;

beforeAll(() => {
  boardPage = loadPage('subpackages/appraisal/board/index');
  reportPage = loadPage('subpackages/appraisal/report/index');
});

afterEach(() => jest.restoreAllMocks());

type Page = Awaited<ReturnType<typeof openPage>>;
const stored = (id: string) => server.backend.docs('appraisals').find((d) => d._id === id);
const taskOf = (id: string, kind: string) =>
  stored(id).tasks.find((t: { kind: string }) => t.kind === kind);
const followUps = async (who: string, orgId: string) =>
  (await server.backend.ok('org', 'todo', { orgId }, who)).items
    .filter((i) => i.kind === 'appraisalFollowUp')
    .map((i) => i.title);

async function type(page: Page, selector: string, value: string) {
  const inner =
    find(page, selector, '.t-input__control') ?? find(page, selector, '.t-textarea__wrapper-inner');
  if (!inner) throw new Error(`nothing to type into at ${selector}`);
  inner.dispatchEvent('input', { detail: { value } });
  await settle();
}

describe('paper tally by the branch committee [SEC-08]', () => {
  it('lets the 组织委员 enter the 党员大会’s paper tally with a count per grade, from the board page [SEC-08]', async () => {
    const id = await openReview(server.backend);
    await approvedReport(server.backend, id);
    const { ballotId } = await server.backend.ok(
      'appraisal',
      'openBallot',
      { id, box: 'assembly', mode: 'paper' },
      ORGANIZER,
    );
    const subject = stored(id).subjectId as string;
    actAs(ORGANIZER);
    const page = await openPage(boardPage, { id });
    await tap(page, '.tally-button', '.t-button');
    const form = textOf(find(page, '.tally-form'));
    for (const word of ['发出票数', '收回票数', '优秀', '称职', '基本称职', '不称职'])
      expect(form).toContain(word);
    await type(page, '.tally-issued', '9');
    await type(page, '.tally-returned', '8');
    const counts = { excellent: 3, competent: 4, basicallyCompetent: 1, incompetent: 0 };
    for (const [g, n] of Object.entries(counts))
      await type(page, `.tally-${subject}--${g}`, String(n));
    await tap(page, '.tally-submit', '.t-button');
    expect(page.data.formError).toBe('');
    expect(textOf(find(page, '.ballot-note'))).toContain('发出9张，收回8张，有效8张');
    const box = server.backend.docs('ballotBoxes').find((x) => x._id === ballotId);
    expect(box.status).toBe('closed');
    expect(box.result.tally[subject]).toMatchObject({ excellent: 3, competent: 4 });
  });
});

describe('follow-ups completed from the pages [SEC-15, SEC-16]', () => {
  it('lets the superior record the 提醒谈话 done on the board with a note; it leaves the to-do list [SEC-15]', async () => {
    const { id } = await published(server.backend, 'basicallyCompetent');
    expect(await followUps(SUPERIOR, 'demo-committee')).toHaveLength(2);
    actAs(SUPERIOR);
    const page = await openPage(boardPage, { id });
    const talk = textOf(find(page, '.task-reminderTalk'));
    expect(talk).toContain('提醒谈话');
    expect(talk).toMatch(/请在\d{4}年\d{1,2}月\d{1,2}日前完成/);
    // The rectification is the secretary's to report: the superior sees it, without 办结.
    expect(textOf(find(page, '.task-rectification'))).toContain('整改落实');
    expect(find(page, '.task-button--rectification')).toBeUndefined();

    await tap(page, '.task-button--reminderTalk', '.t-button');
    expect(page.data.formError).toContain('请写明办理情况');
    expect(taskOf(id, 'reminderTalk').done).toBe(false);

    await type(page, '.task-note--reminderTalk', '已于12月5日谈话');
    await tap(page, '.task-button--reminderTalk', '.t-button');
    expect(page.data.formError).toBe('');
    expect(taskOf(id, 'reminderTalk')).toMatchObject({ done: true, note: '已于12月5日谈话' });
    expect(find(page, '.task-button--reminderTalk')).toBeUndefined();
    expect(textOf(find(page, '.task-reminderTalk'))).toContain('办理情况：已于12月5日谈话');
    const left = await followUps(SUPERIOR, 'demo-committee');
    expect(left).toHaveLength(1);
    expect(left.join()).not.toContain('提醒谈话');
  });

  it('lets the secretary report the rectification done on the report page, and only that [SEC-15]', async () => {
    const { id } = await published(server.backend, 'basicallyCompetent');
    actAs(SECRETARY);
    const page = await openPage(reportPage, { id });
    expect(find(page, '.task-button--reminderTalk')).toBeUndefined();
    expect(find(page, '.task-button--rectification')).toBeDefined();
    expect(textOf(find(page, '.result'))).toContain('报告整改完成');
    await type(page, '.task-note--rectification', '党课记录已补齐，每月按时上党课');
    await tap(page, '.task-button--rectification', '.t-button');
    expect(page.data.formError).toBe('');
    expect(taskOf(id, 'rectification')).toMatchObject({
      done: true,
      note: '党课记录已补齐，每月按时上党课',
      doneBy: SECRETARY,
    });
    expect(find(page, '.task-button--rectification')).toBeUndefined();
    expect(textOf(find(page, '.result'))).toContain('已办结');
    expect((await followUps(SECRETARY, 'demo-branch')).join()).not.toContain('整改');
  });

  it('offers no 办结 to the branch committee on the board of a published campaign [SEC-15] [PRIV-21]', async () => {
    const { id } = await published(server.backend, 'basicallyCompetent');
    actAs(ORGANIZER);
    const page = await openPage(boardPage, { id });
    expect(page.data.status).toBe('ready');
    expect(find(page, '.task-button--reminderTalk')).toBeUndefined();
    expect(find(page, '.task-button--rectification')).toBeUndefined();
  });
});
