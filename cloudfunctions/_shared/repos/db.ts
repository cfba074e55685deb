import cloud from 'wx-server-sdk';

// One init per function instance. The SDK finds its endpoint from the platform (or, locally,
// from TCB_CONTEXT_CNFG pointing at the emulator); nothing here knows which.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

export { cloud };
export const db = cloud.database();
export const _ = db.command;

export type Query = ReturnType<ReturnType<typeof db.collection>['where']>;

/** CloudBase answers a second document with an existing _id with a MongoDB E11000 error. */
export function isDuplicateKey(error: unknown): boolean {
  const e = error as { errMsg?: string; message?: string } | null;
  const text = `${e?.errMsg ?? ''} ${e?.message ?? ''}`;
  return /E11000|duplicate key/i.test(text);
}

export const PAGE = 1000; // CloudBase returns at most 1000 documents per get()

/** Reads every document a query matches, page by page, up to `max` (no unbounded loads). */
export async function getAll<T>(query: Query, max = 20_000): Promise<T[]> {
  const out: T[] = [];
  for (let offset = 0; offset < max; offset += PAGE) {
    const res = (await query.skip(offset).limit(PAGE).get()) as unknown as { data: T[] };
    out.push(...res.data);
    if (res.data.length < PAGE) return out;
  }
  throw new Error(`query matched more than ${max} documents`);
}

/** doc(id).get() that answers null instead of throwing when the document does not exist. */
export async function findById<T>(collection: string, id: string): Promise<T | null> {
  const res = (await db.collection(collection).where({ _id: id }).limit(1).get()) as unknown as {
    data: T[];
  };
  return res.data[0] ?? null;
}

/** The SDK's typings cover callback styles too; these narrow the promise results we use. */
export async function updatedCount(p: Promise<unknown> | unknown): Promise<number> {
  return ((await p) as { stats: { updated: number } }).stats.updated;
}

export async function countOf(query: { count(): unknown }): Promise<number> {
  return ((await query.count()) as { total: number }).total;
}

/** Inserts a document; false when one with the same _id exists (idempotent creation). */
export async function insertOnce(
  collection: string,
  doc: { _id: string; [key: string]: unknown },
): Promise<boolean> {
  try {
    await db.collection(collection).add({ data: doc });
    return true;
  } catch (e) {
    if (isDuplicateKey(e)) return false;
    throw e;
  }
}
