import cloud from 'wx-server-sdk';
import type { CollectionName } from './collections';

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

type SdkCollection = ReturnType<typeof db.collection>;

/**
 * A transaction (`db.runTransaction`'s handle): every repo write function takes one as its last,
 * optional parameter, and writes inside it when given. Inside a transaction every request must
 * carry it (reads too): a request outside it would wait for the transaction to end.
 */
export interface Tx {
  collection(name: string): SdkCollection;
}

/** The database, or the transaction a write runs in. */
export const on = (tx?: Tx): Tx => tx ?? db;

/**
 * Runs `work` in one transaction: every write it makes through `tx` lands, or none does (the SDK
 * rolls back when `work` throws, and rethrows). Costs two round trips (start, commit). The SDK runs
 * `work` again only on a transaction conflict, after rolling the first attempt back.
 */
export async function inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return (await db.runTransaction((t: unknown) => work(t as Tx))) as T;
}

/**
 * A typed handle on one declared collection, created once by the repo that owns its documents
 * (`const invites = collection<InviteDoc>('invites')`): the document type is stated in one place
 * instead of at every read. Queries are built from `ref()` inside that repo only.
 */
export interface Collection<T extends { _id: string }> {
  readonly name: CollectionName;
  /** The SDK collection (inside a transaction when given one), to build this repo's named queries. */
  ref(tx?: Tx): SdkCollection;
  /** The document with this `_id`, or null (never throws for a missing document). */
  byId(id: string, tx?: Tx): Promise<T | null>;
  /** The documents with these `_id`s (those that exist), in one query; none for no ids. */
  byIds(ids: readonly string[]): Promise<T[]>;
  /** Every document a query of this collection matches, paged (see `getAll`). */
  all(query: Query, max?: number): Promise<T[]>;
  /** The first document a query matches, or null. */
  first(query: Query): Promise<T | null>;
  /** Inserts a document; false when one with the same `_id` exists (idempotent creation). */
  insertOnce(doc: T, tx?: Tx): Promise<boolean>;
  /** Inserts a document (with a generated `_id` when it has none). */
  add(doc: Omit<T, '_id'> & { _id?: string }, tx?: Tx): Promise<void>;
}

export function collection<T extends { _id: string }>(name: CollectionName): Collection<T> {
  const ref = (tx?: Tx) => on(tx).collection(name);
  return {
    name,
    ref,
    async byId(id, tx) {
      return first(ref(tx).where({ _id: id }));
    },
    async byIds(ids) {
      if (!ids.length) return [];
      return getAll<T>(
        ref()
          .where({ _id: _.in([...new Set(ids)]) })
          .orderBy('_id', 'asc'),
      );
    },
    all: (query, max) => getAll<T>(query, max),
    first,
    insertOnce: (doc, tx) => insertOnce(name, doc, tx),
    async add(doc, tx) {
      await ref(tx).add({ data: doc });
    },
  };
  async function first(query: Query): Promise<T | null> {
    const res = (await query.limit(1).get()) as unknown as { data: T[] };
    return res.data[0] ?? null;
  }
}

/** The SDK's typings cover callback styles too; these narrow the promise results we use. */
export async function updatedCount(p: Promise<unknown> | unknown): Promise<number> {
  return ((await p) as { stats: { updated: number } }).stats.updated;
}

export async function countOf(query: { count(): unknown }): Promise<number> {
  return ((await query.count()) as { total: number }).total;
}

/** Inserts a document; false when one with the same _id exists (idempotent creation). */
export async function insertOnce<D extends { _id: string }>(
  collection: CollectionName,
  doc: D,
  tx?: Tx,
): Promise<boolean> {
  try {
    await on(tx).collection(collection).add({ data: doc });
    return true;
  } catch (e) {
    if (isDuplicateKey(e)) return false;
    throw e;
  }
}
