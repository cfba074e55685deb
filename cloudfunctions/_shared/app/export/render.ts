import ExcelJS from 'exceljs';
import { Cell, maskPersonal, SheetSpec, WorkbookSpec } from './spec';

const FONT = '宋体';
const THIN = { style: 'thin' as const, color: { argb: 'FF999999' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * A workbook spec as an .xlsx a secretary hands to the superior: the title row naming the branch
 * and the period, a bold header row that stays frozen on screen and repeats on every printed
 * page, column widths, A4 fitted to one page wide with margins and page numbers, and no full
 * phone or ID number in any cell (spec.ts maskPersonal) [PRIV-07].
 */
export async function renderWorkbook(spec: WorkbookSpec): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '先锋支部';
  for (const sheet of spec.sheets) addSheet(wb, sheet);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function addSheet(wb: ExcelJS.Workbook, s: SheetSpec): void {
  const n = Math.max(1, s.columns.length);
  const headerRow = s.subtitle ? 3 : 2;
  const ws = wb.addWorksheet(s.name.replace(/[\\/?*[\]:]/g, '').slice(0, 31), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow, showGridLines: true }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: s.landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${headerRow}:${headerRow}`,
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  });
  ws.columns = s.columns.map((c) => ({ width: c.width }));

  const title = ws.getRow(1);
  title.getCell(1).value = maskPersonal(s.title);
  title.getCell(1).font = { name: FONT, size: 16, bold: true };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  title.height = 30;
  ws.mergeCells(1, 1, 1, n);
  if (s.subtitle) {
    const sub = ws.getRow(2).getCell(1);
    sub.value = maskPersonal(s.subtitle);
    sub.font = { name: FONT, size: 11 };
    sub.alignment = { horizontal: 'right', vertical: 'middle' };
    ws.mergeCells(2, 1, 2, n);
  }

  const head = ws.getRow(headerRow);
  s.columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = maskPersonal(c.header);
    cell.font = { name: FONT, size: 12, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2E6E6' } };
    cell.border = BORDER;
  });
  head.height = 24;

  s.rows.forEach((values, r) => {
    const row = ws.getRow(headerRow + 1 + r);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = clean(v);
      const wrap = !!s.columns[i]?.wrap;
      cell.font = { name: FONT, size: 11 };
      cell.border = BORDER;
      cell.alignment = {
        vertical: 'middle',
        wrapText: wrap,
        horizontal: typeof v === 'number' ? 'right' : wrap ? 'left' : 'center',
      };
    });
  });

  let at = headerRow + s.rows.length + 2;
  for (const note of s.notes ?? []) {
    const cell = ws.getRow(at).getCell(1);
    cell.value = maskPersonal(note);
    cell.font = { name: FONT, size: 10 };
    cell.alignment = { wrapText: true, vertical: 'top' };
    ws.mergeCells(at, 1, at, n);
    at += 1;
  }
}

const clean = (v: Cell): string | number | null =>
  typeof v === 'string' ? maskPersonal(v) : v === undefined ? null : v;
