/** Small view helpers of the branch-administration pages (invites, settings, duties). */

const OFFSET_MS = 8 * 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** ABCD2345 → ABCD 2345: two groups of four, easy to read aloud over the phone. */
export function groupedCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1 ');
}

/** The expiry in plain words, Beijing time: 12月8日 09:00 前有效. */
export function expiryText(iso: string): string {
  const d = new Date(Date.parse(iso) + OFFSET_MS);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} 前有效`;
}

/** The link a shared invite card opens: the bind page with the code filled in. */
export function bindPath(code: string): string {
  return `/pages/me/bind/index?code=${encodeURIComponent(code)}`;
}

/** One `org.settings` row, as the settings page needs it. */
export interface SettingRowIn {
  key: string;
  label: string;
  by: 'branch' | 'superior';
  type: 'boolean' | 'int' | 'enum';
  value: unknown;
  isDefault: boolean;
  min?: number;
  max?: number;
  unit?: string;
  values?: { value: string; label: string }[];
}

export interface SettingView {
  key: string;
  label: string;
  valueText: string;
  note: string;
  editable: boolean;
}

/** The value in words: 开启 / 关闭, 90天, or the option's Chinese label. */
export function settingValueText(row: SettingRowIn): string {
  if (row.type === 'boolean') return row.value ? '开启' : '关闭';
  if (row.type === 'int') return `${String(row.value)}${row.unit ?? ''}`;
  return row.values?.find((v) => v.value === row.value)?.label ?? '';
}

export function settingView(row: SettingRowIn, mayConfigure: boolean): SettingView {
  const editable = mayConfigure && row.by === 'branch';
  const who = row.by === 'superior' ? '由上级党组织设定' : editable ? '' : '由书记、副书记修改';
  const note = [row.isDefault ? '默认' : '', who].filter(Boolean).join('，');
  return { key: row.key, label: row.label, valueText: settingValueText(row), note, editable };
}
