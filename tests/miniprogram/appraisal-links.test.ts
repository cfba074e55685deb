/** @jest-environment ./tests/setup/page-environment.ts */
// A 双述双评 reminder opens a page that shows its reader what to do [issue 13 item 9]: the
// 组织委员 told to hold the 党员大会 述职 (the secretary is its subject) lands on the campaign's
// board with the box actions `get.can` offers, and nothing that reads as a refusal [SEC-08].
import { approvedReport, assemblyDone, openReview } from '../../scripts/preview/fixtures/appraisal';
import { actAs, find, loadPage, openPage, tap, textOf, useBackend, wx } from '../setup/simulate';

const server = useBackend('demo');
let boardPage: string;
let homePage: string;

beforeAll(() => {
  boardPage = loadPage('subpackages/appraisal/board/index');
  homePage = loadPage('pages/home/index/index');
});

afterEach(() => jest.restoreAllMocks());

/** The one 双述双评 message the scheduler sent to `openid`: its page and query. */
async function reminderTo(
  openid: string,
): Promise<{ page: string; query: Record<string, string> }> {
  const b = server.backend;
  for (let i = 0; i < 3; i++) await b.ok('org', 'subscribe', { accepted: ['workAlert'] }, openid);
  const res = await fetch(`${b.url}/__emulator/trigger/scheduler`, { method: 'POST' });
  expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
  const outbox = (await (await fetch(`${b.url}/__emulator/outbox`)).json()) as {
    touser: string;
    page: string;
  }[];
  const mine = outbox.filter((m) => m.touser === openid && m.page.includes('appraisal'));
  expect(mine).toHaveLength(1);
  const [page, q = ''] = mine[0].page.split('?');
  return { page, query: Object.fromEntries(new URLSearchParams(q)) };
}

describe('reminder links [SEC-08]', () => {
  it('leads the 组织委员 told to hold the 党员大会 to the board, where the ballot can be opened [SEC-08] [PRIV-21]', async () => {
    const id = await openReview(server.backend);
    await approvedReport(server.backend, id);
    const link = await reminderTo('demo-organizer');
    expect(link).toEqual({ page: 'subpackages/appraisal/board/index', query: { id } });
    actAs('demo-organizer');
    const page = await openPage(boardPage, link.query);
    expect(find(page, '.open-ballot-button')).toBeDefined();
    expect(find(page, '.board-error')).toBeUndefined();
    expect(textOf(page)).not.toMatch(/只有|无权|不能查看/);
  });

  it('leads the superior from the home to the board once only the 点评 is left at the 述职评议会 [SEC-09]', async () => {
    const b = server.backend;
    const { id, subject } = await assemblyDone(b);
    const { ballotId } = await b.ok(
      'appraisal',
      'openBallot',
      { id, box: 'committee', mode: 'paper' },
      'demo-superior',
    );
    const counts = { [subject]: { competent: 6 } };
    await b.ok(
      'appraisal',
      'enterTally',
      { ballotId, issued: 6, returned: 6, counts },
      'demo-superior',
    );
    const c = await b.ok('appraisal', 'get', { id }, 'demo-superior');
    expect(c.step).toBe('committee');
    expect(c.can).toContain('recordComment');
    actAs('demo-superior');
    const home = await openPage(homePage);
    const go = jest.spyOn(wx, 'navigateTo');
    await tap(home, '.appraisal-link');
    expect((go.mock.calls[0][0] as { url: string }).url).toBe(
      `/subpackages/appraisal/board/index?id=${id}`,
    );
  });
});
