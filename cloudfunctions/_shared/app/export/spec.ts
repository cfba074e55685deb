/**
 * What an export is, before it is a file: a Chinese file name and sheets of a title, headers with
 * widths, and rows. Pure data, so every function can describe a 台账 while only the `export`
 * function carries the spreadsheet library (its bundle alone grows).
 */
export type Cell = string | number | null;

export interface Column {
  header: string;
  /** Width in characters (a Chinese character counts about two). */
  width: number;
  /** Long text (minutes, notes) wraps inside the cell. */
  wrap?: boolean;
}

export interface SheetSpec {
  /** The tab's name (at most 31 characters). */
  name: string;
  /** Row 1: names the branch and the period. */
  title: string;
  /** Row 2: what the numbers are (单位、生成时间), optional. */
  subtitle?: string;
  columns: Column[];
  rows: Cell[][];
  /** Lines under the table (说明). */
  notes?: string[];
  /** Wide tables print landscape; the rest portrait. Both fit to one page wide. */
  landscape?: boolean;
}

export interface WorkbookSpec {
  /** The file's Chinese name, e.g. 机关第一党支部_2026年下半年_主题党日和三会一课台账.xlsx. */
  fileName: string;
  sheets: SheetSpec[];
}

/** A stored export: the file and the name to show and share it by. */
export interface ExportFile {
  fileId: string;
  fileName: string;
}

const PHONE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;
const ID_NUMBER = /(?<![\dXx])(\d{4})\d{10}(\d{3}[\dXx])(?![\dXx])/g;

/**
 * No full phone or ID number ever leaves in an export [PRIV-07]: a phone reads 138****1234, an ID
 * 4301**********1234, wherever it appears (a note, a minute).
 */
export function maskPersonal(text: string): string {
  return text
    .replace(ID_NUMBER, (_, a: string, b: string) => `${a}${'*'.repeat(10)}${b}`)
    .replace(PHONE, (_, a: string, b: string) => `${a}****${b}`);
}

/** A file name part: no characters a phone's file system refuses. */
const part = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '');

/** 机关第一党支部_2026年下半年_主题党日和三会一课台账.xlsx */
export function fileNameOf(orgName: string, period: string, what: string): string {
  return `${[orgName, period, what].map(part).join('_')}.xlsx`;
}

const QUARTERS = ['一', '二', '三', '四'];

/**
 * A period as people say it: 2026-07 → 2026年7月, 2026-Q3 → 2026年第三季度, 2026-H2 → 2026年下半年,
 * 2026-七一 → 2026年七一前后, 2026 → 2026年. Anything else is returned as it is.
 */
export function periodName(period: string): string {
  const m = /^(\d{4})(?:-(?:(\d{2})|Q([1-4])|H([12])|(七一)))?$/.exec(period);
  if (!m) return period;
  const [, y, month, q, h, july] = m;
  if (month) return `${y}年${Number(month)}月`;
  if (q) return `${y}年第${QUARTERS[Number(q) - 1]}季度`;
  if (h) return `${y}年${h === '1' ? '上' : '下'}半年`;
  if (july) return `${y}年七一前后`;
  return `${y}年`;
}

/** 2026-12-01 → 2026年12月1日 */
export function dateName(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date;
}

/** An instant in Beijing time, as 2026年12月1日 09:00. */
export function instantName(iso: string): string {
  const d = new Date(+new Date(iso) + 8 * 3600_000);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${hh}:${mm}`;
}
