import ExcelJS from 'exceljs';

/** An exported workbook opened the way a spreadsheet program would, for tests. */
export async function openBook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** Every cell's text of a sheet, row by row. */
export function texts(ws: ExcelJS.Worksheet): string[][] {
  const out: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (c) => cells.push(String(c.value ?? '')));
    out.push(cells);
  });
  return out;
}

/** Codes and wire names that must never reach a cell: 2026-Q3, 2026-H2, present, themeDay… */
export const RAW_CODE = /\b\d{4}-(?:Q\d|H\d|\d{2})\b|[A-Za-z]{3,}/;
/** A full phone or ID number. */
export const PERSONAL = /(?<!\d)1[3-9]\d{9}(?!\d)|(?<!\d)\d{17}[\dXx](?![\dXx])/;

/** The print and screen setup every 台账 has, with the header row at `headerRow`. */
export function expectPrintReady(ws: ExcelJS.Worksheet, headerRow: number): void {
  const view = ws.views[0] as { state?: string; ySplit?: number };
  expect(view).toMatchObject({ state: 'frozen', ySplit: headerRow });
  expect(ws.pageSetup).toMatchObject({
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    printTitlesRow: `${headerRow}:${headerRow}`,
  });
  expect(['portrait', 'landscape']).toContain(ws.pageSetup.orientation);
  expect(ws.pageSetup.margins).toMatchObject({ left: 0.5, right: 0.5 });
  const widths = ws.columns.map((c) => c.width ?? 0);
  expect(widths).toEqual(widths.map((w) => Math.max(w, 6)));
  for (const row of texts(ws)) for (const t of row) expect(t).not.toMatch(PERSONAL);
}
