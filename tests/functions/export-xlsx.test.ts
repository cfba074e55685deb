import { renderWorkbook } from '../../cloudfunctions/_shared/app/export/render';
import { Backend, startBackend } from '../support/backend';
import { file } from '../support/narrow';
import { expectPrintReady, openBook, PERSONAL, RAW_CODE, texts } from '../support/xlsx';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));
afterEach(() => b.restoreClock());

const SEC = 'demo-secretary';
const ORG = 'demo-organizer';
const book = async (fileId: string) => openBook(await b.emulator.readFile(fileId));
const exportsOf = (fileId: string) =>
  b.docs('auditLogs').filter((a) => a.entity === 'exports' && a.entityId === fileId);
const allText = (ws: Parameters<typeof texts>[0]) => texts(ws).flat().join('\n');

describe('the half-year report as a 台账 [TD-21, MTG-22]', () => {
  it('has Chinese headers, 应开/已开, periods in words, a Chinese file name; audited once [PRIV-07]', async () => {
    const out = file(
      await b.ok(
        'activity',
        'report',
        { orgId: 'demo-branch', half: '2026-H2', format: 'xlsx' },
        SEC,
      ),
    );
    expect(out.fileName).toBe('机关第一党支部_2026年下半年_主题党日和三会一课台账.xlsx');
    const wb = await book(out.fileId);
    const summary = wb.getWorksheet('汇总')!;
    expect(summary.getCell('A1').value).toBe(
      '机关第一党支部 2026年下半年主题党日和“三会一课”开展情况',
    );
    expect(texts(summary)[2]).toEqual(['类型', '应开（次）', '已开（次）', '未开展的期间']);
    const themeDay = texts(summary).find((r) => r[0] === '主题党日')!;
    expect(themeDay[1]).toBe('6'); // July–December, one a month
    expectPrintReady(summary, 3);
    const detail = wb.getWorksheet('明细')!;
    expect(texts(detail)[2].slice(0, 6)).toEqual([
      '日期',
      '类型',
      '主题',
      '地点',
      '主持人',
      '应到',
    ]);
    expect(texts(detail)[2]).toContain('会议内容（纪实）');
    expect(detail.pageSetup.orientation).toBe('landscape');
    expectPrintReady(detail, 3);
    for (const ws of [summary, detail]) {
      const body = texts(ws).slice(1).flat().join('\n'); // row 1: the title
      expect(body).not.toMatch(/（present）|出席（/);
      expect(body.replace(/生成时间：.*/g, '')).not.toMatch(RAW_CODE);
    }
    expect(allText(summary)).toMatch(/2026年第三季度|无/);
    expect(exportsOf(out.fileId)).toHaveLength(1);
  });
  it('keeps the archived 纪实 and each correction with who, when and why [MTG-20]', async () => {
    b.emulator.clock.freeze(Date.parse('2026-12-02T10:00:00+08:00'));
    await b.ok(
      'activity',
      'record',
      { activityId: 'demo-theme-day-last', minutes: '更正后的纪实。', reason: '补记党费交纳人数' },
      SEC,
    );
    const out = file(
      await b.ok(
        'activity',
        'report',
        { orgId: 'demo-branch', half: '2026-H2', format: 'xlsx' },
        SEC,
      ),
    );
    const detail = (await book(out.fileId)).getWorksheet('明细')!;
    const minutes = texts(detail).find((r) => r.some((t) => t.includes('更正后的纪实')))!;
    const cell = minutes.find((t) => t.includes('更正后的纪实'))!;
    expect(cell).toMatch(/^原纪实：.*书记李红主持/s);
    expect(cell).toContain(
      '更正（2026年12月2日 10:00，李红，理由：补记党费交纳人数）：更正后的纪实。',
    );
  });
  it('is refused to a member, and nothing is stored or audited [PRIV-07]', async () => {
    const before = b.docs('auditLogs').length;
    const e = await b.err(
      'activity',
      'report',
      { orgId: 'demo-branch', half: '2026-H2', format: 'xlsx' },
      'demo-member-1',
    );
    expect(e.code).toBe('AUTH.FORBIDDEN');
    expect(b.docs('auditLogs')).toHaveLength(before);
  });
});

describe('the dues ledger as a 台账', () => {
  it('names the branch and the year, in 元, print-ready, audited [PRIV-07]', async () => {
    const out = file(
      await b.ok('dues', 'ledger', { orgId: 'demo-branch', year: 2026, format: 'xlsx' }, SEC),
    );
    expect(out.fileName).toBe('机关第一党支部_2026年_党费收缴台账.xlsx');
    const ws = (await book(out.fileId)).worksheets[0];
    expect(ws.getCell('A1').value).toBe('机关第一党支部 2026年党费收缴台账');
    expect(ws.getCell('A2').value).toBe('单位：元');
    const head = texts(ws)[2];
    expect(head.slice(0, 3)).toEqual(['姓名', '月应交', '1月']);
    expect(head.slice(-3)).toEqual(['合计应交', '合计已交', '欠交']);
    expect(texts(ws).at(-2)?.[0] ?? texts(ws).at(-1)?.[0]).toBeDefined();
    expect(texts(ws).some((r) => r[0] === '合计')).toBe(true);
    expect(allText(ws)).not.toMatch(RAW_CODE);
    expectPrintReady(ws, 3);
    expect(exportsOf(out.fileId)).toHaveLength(1);
  });
});

describe('attendance 台账', () => {
  it('of one activity: every expected member, status and way in words, audited [PRIV-07]', async () => {
    const out = await b.ok('export', 'attendance', { activityId: 'demo-theme-day-last' }, SEC);
    expect(out.fileName).toMatch(/^机关第一党支部_2026年11月\d+日_.+签到表\.xlsx$/);
    const ws = (await book(out.fileId)).worksheets[0];
    expect(String(ws.getCell('A1').value)).toMatch(/^机关第一党支部 .+签到表$/);
    expect(texts(ws)[2]).toEqual(['序号', '姓名', '参加情况', '签到时间', '登记方式', '说明']);
    const statuses = texts(ws)
      .slice(3)
      .map((r) => r[2]);
    expect(statuses).toEqual(
      expect.arrayContaining(['出席', '缺席', '请假', '免参加', '线上参加']),
    );
    const detail = await b.ok('activity', 'get', { id: 'demo-theme-day-last' }, SEC);
    expect(allText(ws)).toContain(`应到 ${detail.counts.expected} 人`); // as the host page [CHK-02]
    expect(
      texts(ws)
        .slice(3)
        .filter((r) => typeof r[0] === 'string' && /^\d+$/.test(r[0])),
    ).toHaveLength(detail.counts.expected);
    expect(allText(ws)).not.toMatch(RAW_CODE);
    expectPrintReady(ws, 3);
    expect(exportsOf(out.fileId)).toHaveLength(1);
  });
  it('of a year: totals per member and the 主题党日 month by month', async () => {
    const out = await b.ok('export', 'attendanceYear', { orgId: 'demo-branch', year: 2026 }, SEC);
    expect(out.fileName).toBe('机关第一党支部_2026年_党员参加组织生活台账.xlsx');
    const wb = await book(out.fileId);
    const sum = wb.getWorksheet('汇总')!;
    expect(texts(sum)[2]).toEqual([
      '姓名',
      '应参加',
      '出席',
      '迟到',
      '线上参加',
      '请假',
      '缺席',
      '免参加',
      '出勤率',
    ]);
    const months = wb.getWorksheet('主题党日')!;
    expect(texts(months)[1]).toEqual([
      '姓名',
      ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`),
    ]);
    expectPrintReady(sum, 3);
    expectPrintReady(months, 2);
    for (const ws of [sum, months]) expect(allText(ws)).not.toMatch(RAW_CODE);
  });
  it('is refused to a member of the branch and to another branch', async () => {
    expect(
      (await b.err('export', 'attendance', { activityId: 'demo-theme-day-last' }, 'demo-member-1'))
        .code,
    ).toBe('AUTH.FORBIDDEN');
    expect(
      (
        await b.err(
          'export',
          'attendanceYear',
          { orgId: 'demo-branch', year: 2026 },
          'demo-secretary-2',
        )
      ).code,
    ).toBe('AUTH.FORBIDDEN');
  });
});

describe('the 先锋指数 台账 [PTS-21, PTS-22]', () => {
  it('lists members by name with totals and no 名次 while the branch keeps the ranking private', async () => {
    const out = await b.ok('export', 'points', { orgId: 'demo-branch', year: 2026 }, ORG);
    expect(out.fileName).toBe('机关第一党支部_2026年_党员先锋指数.xlsx');
    const ws = (await book(out.fileId)).worksheets[0];
    const head = texts(ws)[2];
    expect(head).toContain('总分');
    expect(head).not.toContain('名次');
    const names = texts(ws)
      .slice(3)
      .filter((r) => r[1] !== r[0])
      .map((r) => r[0]);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN')));
    expect(allText(ws)).toMatch(/免于积分/); // demo-elder [PTS-02]
    expectPrintReady(ws, 3);
    expect(exportsOf(out.fileId)).toHaveLength(1);
  });
  it('shows 名次 once the branch shows members the ranking [PTS-22]', async () => {
    await b.ok(
      'points',
      'setRankingVisibility',
      { orgId: 'demo-branch', membersSeeRanking: true },
      SEC,
    );
    const out = await b.ok('export', 'points', { orgId: 'demo-branch', year: 2026 }, ORG);
    expect(texts((await book(out.fileId)).worksheets[0])[2]).toContain('名次');
  });
});

describe('the export function itself', () => {
  it('renders only for other functions: a mini-program cannot store a 台账 of its own making', async () => {
    const res = await b.invoke(
      'export',
      {
        action: 'render',
        data: { dir: 'x', spec: { fileName: '假的台账.xlsx', sheets: [] } },
      } as never,
      SEC,
    );
    expect(res).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
  });
  it('masks any phone or ID number that reaches a cell [PRIV-07]', async () => {
    const bytes = await renderWorkbook({
      fileName: '测试.xlsx',
      sheets: [
        {
          name: '表',
          title: '联系人 13812345678',
          columns: [{ header: '说明', width: 30 }],
          rows: [['身份证 430102198001011234，电话 13987654321']],
          notes: ['备注 13600001111'],
        },
      ],
    });
    const text = allText((await openBook(bytes)).worksheets[0]);
    expect(text).not.toMatch(PERSONAL);
    expect(text).toContain('138****5678');
    expect(text).toContain('4301**********1234');
  });
});
