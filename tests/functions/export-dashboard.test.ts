// export.dashboard: the superior's compliance grid as a print-ready 台账, through the real SDK and
// emulator. Every cell is compared with org.dashboard's answer of the same instant, which is
// itself derived from the records (tests/functions/dashboard.test.ts compares it with them).
import {
  cellText,
  dashboardWorkbook,
  stateAt,
} from '../../cloudfunctions/_shared/app/export/dashboard-grid';
import type { DashboardOutput } from '../../cloudfunctions/_shared/contracts/org-oversight';
import { Backend, snapshot, startBackend } from '../support/backend';
import { expectPrintReady, openBook, PERSONAL, RAW_CODE, texts } from '../support/xlsx';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));
afterEach(() => b.restoreClock());

const SUP = 'demo-superior';
const ROOT = 'demo-committee';
const input = { orgId: ROOT, year: 2026 };
const book = async (fileId: string) => openBook(await b.emulator.readFile(fileId));
const exportsOf = (fileId: string) =>
  b.docs('auditLogs').filter((a) => a.entity === 'exports' && a.entityId === fileId);

describe('export.dashboard: the grid as a print-ready 台账 [PRIV-11]', () => {
  it('has a row per branch and every obligation, from the same records as org.dashboard [PRIV-11, MTG-37]', async () => {
    const grid = await b.ok('org', 'dashboard', input, SUP);
    const out = await b.ok('export', 'dashboard', input, SUP);
    expect(out.fileName).toBe('示范学院党委_2026年_各支部落实情况总表.xlsx');
    const wb = await book(out.fileId);
    const summary = wb.getWorksheet('总表')!;
    expect(summary.getCell('A1').value).toBe('示范学院党委 2026年各支部落实情况总表');
    const head = texts(summary)[2];
    expect(head.slice(0, 3)).toEqual(['序号', '支部', '党员人数']);
    for (const o of grid.obligations) expect(head).toContain(`${o.label}（已开展/应开展）`);
    const body = texts(summary).slice(3, 3 + grid.branches.length);
    expect(body.map((r) => r[1])).toEqual(grid.branches.map((g) => g.name));
    expect(grid.branches.map((g) => g.name)).toEqual(
      expect.arrayContaining(['机关第一党支部', '机关第二党支部']),
    );
    grid.branches.forEach((g, i) => {
      expect(Number(body[i][2])).toBe(g.members);
      grid.obligations.forEach((o, j) => {
        const t = g.totals[o.key];
        const cell = body[i][3 + j];
        if (t.required === 0) expect(cell).toBe('— 不适用');
        else expect(cell).toMatch(new RegExp(`^${t.held}/${t.required}(，缺\\d+)?$`));
      });
    });

    const months = wb.getWorksheet('按月明细')!;
    expect(texts(months)[2]).toEqual([
      '支部',
      '事项',
      ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`),
    ]);
    const rows = texts(months).slice(3, 3 + grid.branches.length * grid.obligations.length);
    expect(rows).toHaveLength(grid.branches.length * grid.obligations.length);
    for (const g of grid.branches)
      for (const o of grid.obligations) {
        const row = rows.find((r) => r[0] === g.name && r[1] === o.label)!;
        expect(row).toBeDefined();
        for (let m = 1; m <= 12; m++)
          expect(row[1 + m]).toBe(cellText(o.key, stateAt(g.cells[o.key], 2026, m)));
      }
  });

  it('is print-ready: A4 landscape, the header row repeated, one page wide, text in every cell, no colour-only meaning [PRIV-11]', async () => {
    const out = await b.ok('export', 'dashboard', input, SUP);
    const wb = await book(out.fileId);
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup.orientation).toBe('landscape');
      expectPrintReady(ws, 3);
      const body = texts(ws).slice(1).flat().join('\n');
      expect(body).not.toMatch(RAW_CODE);
      expect(body).not.toMatch(PERSONAL);
      expect(body).not.toMatch(/undefined|null|NaN/);
    }
    // Every cell of the month sheet says its state in words with a symbol.
    const months = wb.getWorksheet('按月明细')!;
    const grid = await b.ok('org', 'dashboard', input, SUP);
    const cells = texts(months)
      .slice(3, 3 + grid.branches.length * grid.obligations.length)
      .flatMap((r) => r.slice(2));
    expect(cells).toHaveLength(grid.branches.length * grid.obligations.length * 12);
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) expect(c).toMatch(/^[✓✗…—] \S+$/);
    expect(texts(months).flat().join('\n')).toContain('✓ 已开展');
  });

  it('names no rank: rankings stay on the superior screen [FORT-23, PRIV-09]', async () => {
    const out = await b.ok('export', 'dashboard', input, SUP);
    const wb = await book(out.fileId);
    const all = wb.worksheets.flatMap((ws) => texts(ws).flat()).join('\n');
    expect(all).not.toMatch(/名次|排名/);
  });

  it('is audited once, stored under the org, and its file is the caller’s to open [PRIV-07]', async () => {
    const out = await b.ok('export', 'dashboard', input, SUP);
    expect(out.fileId).toContain(`/orgs/${ROOT}/exports/`);
    const entries = exportsOf(out.fileId);
    expect(entries).toHaveLength(1);
    expect(entries[0].after).toMatchObject({ dashboard: 2026, fileName: out.fileName });
    const url = await b.ok('media', 'fileUrl', { fileId: out.fileId }, SUP);
    expect(url).toBeTruthy();
  });

  it('is refused to a branch secretary and to a member, with nothing stored or audited [PRIV-07]', async () => {
    const before = snapshot(b);
    for (const who of ['demo-secretary', 'demo-member-1']) {
      const e = await b.err('export', 'dashboard', input, who);
      expect(e.code).toBe('AUTH.FORBIDDEN');
      expect(e.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(e.message).not.toMatch(/[A-Za-z]{3,}/);
    }
    expect(snapshot(b)).toEqual(before);
  });
});

describe('the grid’s workbook, cell by cell', () => {
  const grid = (cells: DashboardOutput['branches'][number]['cells']): DashboardOutput => ({
    orgId: 'o',
    name: '某党委',
    year: 2026,
    today: '2026-05-10',
    obligations: [
      { key: 'themeDay', label: '主题党日' },
      { key: 'partyLecture', label: '党课' },
      { key: 'dues', label: '党费' },
    ] as DashboardOutput['obligations'],
    branches: [
      {
        orgId: 'b',
        name: '第一支部',
        kind: 'branch',
        parentId: null,
        members: 3,
        cells,
        totals: {
          themeDay: { held: 3, required: 4 },
          partyLecture: { held: 1, required: 1 },
          dues: { held: 0, required: 0 },
        } as DashboardOutput['branches'][number]['totals'],
        fortress: { total: 80, stars: 4 },
        appraisal: {},
        alerts: [],
        fiveStandards: '',
        spotCheck: null,
        rank: 1,
      },
    ],
  });
  it('shows a quarterly obligation in every month of its quarter, the 七一 lecture aside [MTG-05]', () => {
    const cells = {
      themeDay: {
        '2026-01': 'held',
        '2026-02': 'missing',
        '2026-03': 'held',
        '2026-04': 'held',
        '2026-05': 'due',
      },
      partyLecture: { '2026-Q1': 'held', '2026-Q2': 'due', '2026-七一': 'due' },
      dues: { '2026': 'n/a' },
    } as unknown as DashboardOutput['branches'][number]['cells'];
    const spec = dashboardWorkbook(grid(cells));
    const rows = spec.sheets[1].rows;
    expect(rows[0].slice(2, 7)).toEqual(['✓ 已开展', '✗ 缺', '✓ 已开展', '✓ 已开展', '… 待开展']);
    expect(rows[1].slice(2, 8)).toEqual([
      '✓ 已开展',
      '✓ 已开展',
      '✓ 已开展',
      '… 待开展',
      '… 待开展',
      '… 待开展',
    ]);
    expect(rows[1][8]).toBe('— 不适用'); // no period covers July
    expect(rows[2].slice(2)).toEqual(Array(12).fill('— 不适用'));
    expect(spec.sheets[0].rows[0].slice(3, 6)).toEqual(['3/4，缺1', '1/1', '— 不适用']);
    expect(spec.sheets[0].rows[0][6]).toBe(80);
    expect(spec.sheets[0].rows[0][7]).toBe('★★★★☆（4星）');
  });
});
