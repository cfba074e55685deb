/** @jest-environment ./tests/setup/page-environment.ts */
// 导出表格 on the report pages against the real backend: the secretary taps once, the file the
// backend made is downloaded and opened in WeChat's viewer with its menu; 发送给… sends it to a
// chat under its Chinese name. Only the platform's file APIs are answered by the test.
import { stubFileApis } from '../../scripts/preview/fixtures/exports';
import { actAs, find, loadPage, openPage, tap, textOf, useBackend } from '../setup/simulate';
import { openBook, texts } from '../support/xlsx';

const server = useBackend('demo');
let compliance: string;
let collect: string;
let host: string;
beforeAll(() => {
  compliance = loadPage('subpackages/activity/compliance/index');
  collect = loadPage('subpackages/dues/collect/index');
  host = loadPage('subpackages/activity/host/index');
});

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i += 1) await new Promise((r) => setTimeout(r, 20));
}

describe('导出表格', () => {
  it('makes the half-year report, opens it with the menu, and sends it by its Chinese name [TD-21, PRIV-07]', async () => {
    const calls = stubFileApis(server.backend);
    actAs('demo-secretary');
    const page = await openPage(compliance);
    const card = find(page, '.export-report')!;
    expect(textOf(card)).toContain('导出表格');
    await tap(page, '.export-report', '.export-file__make', '.t-button');
    await until(() => calls.opened.length > 0);
    expect(calls.opened).toEqual([
      {
        filePath: expect.stringMatching(/主题党日和三会一课台账\.xlsx$/),
        fileType: 'xlsx',
        showMenu: true,
      },
    ]);
    const wb = await openBook(calls.downloaded[0].bytes);
    expect(texts(wb.getWorksheet('汇总')!)[0][0]).toMatch(/^机关第一党支部 \d{4}年[上下]半年/);
    expect(textOf(find(page, '.export-report'))).toMatch(
      /已生成：机关第一党支部_\d{4}年[上下]半年_主题党日和三会一课台账\.xlsx/,
    );
    await tap(page, '.export-report', '.export-file__share', '.t-button');
    expect(calls.shared).toEqual([
      {
        filePath: calls.opened[0].filePath,
        fileName: expect.stringMatching(/^机关第一党支部_.+\.xlsx$/),
      },
    ]);
    expect(server.backend.docs('auditLogs').filter((a) => a.entity === 'exports')).toHaveLength(1);
  });
  it('exports the dues ledger from 党费收缴', async () => {
    const calls = stubFileApis(server.backend);
    actAs('demo-secretary');
    const page = await openPage(collect);
    await tap(page, '.export-ledger', '.export-file__make', '.t-button');
    await until(() => calls.opened.length > 0);
    expect(calls.opened[0].filePath).toMatch(/党费收缴台账\.xlsx$/);
    expect(textOf(find(page, '.export-ledger'))).toContain('发送给好友或群');
  });
  it('exports the 签到表 of a finished activity from its 主持台, for the committee only', async () => {
    const calls = stubFileApis(server.backend);
    actAs('demo-secretary');
    const page = await openPage(host, { id: 'demo-theme-day-last' });
    await tap(page, '.export-attendance', '.export-file__make', '.t-button');
    await until(() => calls.opened.length > 0);
    const ws = (await openBook(calls.downloaded[0].bytes)).worksheets[0];
    expect(texts(ws)[2]).toEqual(['序号', '姓名', '参加情况', '签到时间', '登记方式', '说明']);
    actAs('demo-member-1');
    expect(
      find(await openPage(host, { id: 'demo-theme-day-last' }), '.export-attendance'),
    ).toBeUndefined();
  });
  it('says why, in Chinese, when the table cannot be made', async () => {
    stubFileApis(server.backend);
    const wx = (globalThis as unknown as { wx: Record<string, any> }).wx;
    wx.downloadFile = ({ fail }: { fail: (e: object) => void }) => fail({ errMsg: 'fail' });
    actAs('demo-secretary');
    const page = await openPage(compliance);
    await tap(page, '.export-attendance', '.export-file__make', '.t-button');
    await until(() => textOf(find(page, '.export-attendance')).includes('失败'));
    expect(textOf(find(page, '.export-attendance'))).toContain('下载失败，请稍后重试');
  });
});
