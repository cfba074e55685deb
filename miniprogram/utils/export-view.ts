/** What the export cards on the report pages name: the running half-year, in words. */
const OFFSET_MS = 8 * 3600_000; // Beijing time, as the backend counts

/** The half-year a date falls in: 2026-12-01 → { half: '2026-H2', label: '2026年下半年' }. */
export function halfOf(now = Date.now()): { half: string; halfLabel: string } {
  const d = new Date(now + OFFSET_MS);
  const y = d.getUTCFullYear();
  const second = d.getUTCMonth() >= 6;
  return { half: `${y}-H${second ? 2 : 1}`, halfLabel: `${y}年${second ? '下' : '上'}半年` };
}
