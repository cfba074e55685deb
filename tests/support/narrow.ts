/**
 * Narrowing what the contract declares to what a test expects, failing the test with a clear
 * message when the backend answered otherwise (instead of `!` or `as any`).
 */

/** `x`, or a failed test saying that `what` was not there. */
export function found<T>(x: T | null | undefined, what = 'the expected value'): T {
  if (x === undefined || x === null) throw new Error(`missing: ${what}`);
  return x;
}

/** An export answered as data (format 'json'), not as a file: `report`, `ledger`. */
export function json<T extends object>(x: T): Exclude<T, { fileId: string }> {
  if ('fileId' in x) throw new Error(`expected data, got a file: ${JSON.stringify(x)}`);
  return x as Exclude<T, { fileId: string }>;
}

/** An export answered as a file (format 'xlsx'): `report`, `ledger`. */
export function file<T extends object>(x: T): Extract<T, { fileId: string }> {
  if (!('fileId' in x))
    throw new Error(`expected a file, got data: ${JSON.stringify(x).slice(0, 200)}`);
  return x as Extract<T, { fileId: string }>;
}

/** A board of one kind (`board` answers per kind): the 双述双评 board, the 民主评议 board … */
export function boardOf<K extends string, T extends { kind: string }>(
  kind: K,
  x: T,
): Extract<T, { kind: K }> {
  if (x.kind !== kind) throw new Error(`expected a ${kind} board, got ${x.kind}`);
  return x as Extract<T, { kind: K }>;
}
