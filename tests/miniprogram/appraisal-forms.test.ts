/** @jest-environment ./tests/setup/page-environment.ts */
// 登记表 downloads from the appraisal pages, against the real backend [APR-11, issue 13 item 10]:
// 导出述职评议考核登记表 on the 双述双评 board, 导出民主评议党员登记表 for the whole branch on the
// committee's page, and each member's own form on the decision board once signed. The backend
// makes the .xlsx (and audits it, PRIV-07); the page downloads it under its Chinese name, opens
// it with the viewer's menu and sends it to a chat. Offered only where `get.can` lists `form`.
import { readyToGrade } from '../../scripts/preview/fixtures/appraisal';
import { stubFileApis } from '../../scripts/preview/fixtures/exports';
import { FULL, ID, seedDemocratic, SUP, tallyOf } from '../support/democratic-kit';
import { openBook, texts } from '../support/xlsx';
import { actAs, find, loadPage, openPage, tap, textOf, useBackend } from '../setup/simulate';

const server = useBackend('demo');
let boardPage: string;
let consolePage: string;
let dboardPage: string;

beforeAll(() => {
  boardPage = loadPage('subpackages/appraisal/board/index');
  consolePage = loadPage('subpackages/appraisal/democratic/index');
  dboardPage = loadPage('subpackages/appraisal/dboard/index');
});

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i += 1) await new Promise((r) => setTimeout(r, 20));
}
const exportsAudited = () =>
  server.backend.docs('auditLogs').filter((a) => a.entity === 'exports').length;

const signed = () =>
  seedDemocratic(server.backend, {
    step: 'feedback',
    tally: tallyOf(8),
    decision: {
      grades: Object.fromEntries(FULL.map((id) => [id, 'qualified'])) as Record<
        string,
        'qualified'
      >,
      reasons: {},
      final: true,
      by: SUP,
      at: new Date('2026-11-30T02:00:00Z'),
    },
  });

describe('登记表 downloads [APR-11]', () => {
  it('exports the 述职评议考核登记表 from the 双述双评 board and sends it on [APR-11] [PRIV-07]', async () => {
    const { id } = await readyToGrade(server.backend);
    const calls = stubFileApis(server.backend);
    const before = exportsAudited();
    actAs('demo-superior');
    const page = await openPage(boardPage, { id });
    expect(textOf(find(page, '.export-form'))).toContain('导出述职评议考核登记表');
    await tap(page, '.export-form', '.export-file__make', '.t-button');
    await until(() => calls.opened.length > 0);
    expect(calls.downloaded).toHaveLength(1); // the fileId the backend returned, downloaded
    expect(calls.opened[0]).toMatchObject({ fileType: 'xlsx', showMenu: true });
    expect(calls.opened[0].filePath).toMatch(/述职评议考核登记表.*\.xlsx$/);
    const wb = await openBook(calls.downloaded[0].bytes);
    expect(texts(wb.getWorksheet('登记表')!)[0][0]).toContain('党支部书记抓党建述职评议考核登记表');
    expect(exportsAudited()).toBe(before + 1);
    await tap(page, '.export-form', '.export-file__share', '.t-button');
    expect(calls.shared).toEqual([
      { filePath: calls.opened[0].filePath, fileName: expect.stringMatching(/登记表.*\.xlsx$/) },
    ]);
  });

  it('exports the branch’s 民主评议党员登记表 from the committee’s page, only once the 测评 is over [APR-11]', async () => {
    seedDemocratic(server.backend, { step: 'mutualEvaluation' });
    actAs('demo-secretary');
    expect(find(await openPage(consolePage, { id: ID }), '.export-form')).toBeUndefined();

    seedDemocratic(server.backend, { step: 'decision', tally: tallyOf(8) });
    const calls = stubFileApis(server.backend);
    const page = await openPage(consolePage, { id: ID });
    expect(textOf(find(page, '.export-form'))).toContain('导出民主评议党员登记表');
    await tap(page, '.export-form', '.export-file__make', '.t-button');
    await until(() => calls.opened.length > 0);
    expect(calls.opened[0].filePath).toMatch(/机关第一党支部_2026年_民主评议党员登记表\.xlsx$/);
    const wb = await openBook(calls.downloaded[0].bytes);
    expect(wb.worksheets[0].name).toBe('汇总');
    expect(wb.worksheets.length).toBe(FULL.length + 2); // 汇总, each 正式党员 and the 预备党员
    expect(textOf(find(page, '.export-form'))).toContain(
      '已生成：机关第一党支部_2026年_民主评议党员登记表.xlsx',
    );
  });

  it('exports one member’s 登记表 from the decision board once the grades are signed [APR-11] [APR-12]', async () => {
    seedDemocratic(server.backend, { step: 'decision', tally: tallyOf(8) });
    actAs('demo-secretary');
    expect(find(await openPage(dboardPage, { id: ID }), '.member-form')).toBeUndefined();

    signed();
    const calls = stubFileApis(server.backend);
    const page = await openPage(dboardPage, { id: ID });
    const card = '.member-demo-member-3 .member-form';
    expect(textOf(find(page, card))).toContain('导出杨帆的民主评议党员登记表');
    await tap(page, card, '.export-file__make');
    await until(() => calls.opened.length > 0);
    expect(calls.opened[0].filePath).toMatch(/杨帆民主评议党员登记表\.xlsx$/);
    const wb = await openBook(calls.downloaded[0].bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['杨帆']);
    expect(texts(wb.worksheets[0]).flat().join('')).toContain('杨帆的个人自评');
    await tap(page, card, '.export-file__share');
    expect(calls.shared[0].fileName).toBe('机关第一党支部_2026年_杨帆民主评议党员登记表.xlsx');
  });

  it('shows the backend’s refusal in its own words, and stores nothing [APR-11]', async () => {
    signed();
    const calls = stubFileApis(server.backend);
    actAs('demo-secretary');
    const page = await openPage(dboardPage, { id: ID });
    // Meanwhile 杨帆 is no longer in this 评议 (e.g. transferred out and the list corrected).
    seedDemocratic(server.backend, {
      step: 'feedback',
      full: FULL.filter((m) => m !== 'demo-member-3'),
    });
    const before = exportsAudited();
    const card = '.member-demo-member-3 .member-form';
    await tap(page, card, '.export-file__make');
    await until(() => textOf(find(page, card)).includes('没有'));
    expect(textOf(find(page, card))).toContain('这次评议中没有这位同志');
    expect(calls.downloaded).toEqual([]);
    expect(exportsAudited()).toBe(before);
    expect(textOf(page)).toContain('陈明的个人自评');
  });
});
