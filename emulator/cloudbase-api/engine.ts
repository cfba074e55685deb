import { BSONRegExp, EJSON } from 'bson';
import { Query, update as applyUpdate } from 'mingo';
import { Doc, DocumentStore } from '../store';
import { ApiError, duplicate, newId } from './errors';
import { createIndexes } from './indexes';

/** What a write request asks (the SDK's modifyDocument / removeDocument parameters). */
export interface WriteParams {
  collectionName: string;
  query: unknown;
  queryType?: string;
  data?: unknown;
  multi?: boolean;
  merge?: boolean;
  upsert?: boolean;
}

/**
 * The document engine behind the API: EJSON in, mingo matching over the store's collections,
 * writes recorded in the store (and in the undo log of an open transaction).
 */
export function createEngine(store: DocumentStore, now: () => number) {
  const candidates = createIndexes(store);

  function collection(name: unknown): Map<string, Doc> {
    const coll = typeof name === 'string' ? store.get(name) : undefined;
    if (!coll) {
      throw new ApiError(
        'DATABASE_COLLECTION_NOT_EXIST',
        `[ResourceNotFound] Db or Table not exist: ${String(name)}`,
      );
    }
    return coll;
  }

  function parse(text: unknown): any {
    if (typeof text !== 'string' || text === '') return {};
    return revive(EJSON.parse(text, { relaxed: true }), now());
  }

  /**
   * The documents a parsed query may match, in collection order: narrowed by the `_id` index or a
   * field index where one applies, else the whole collection. The query still decides.
   */
  function candidatesOf(name: string, query: Record<string, unknown>): Doc[] {
    return candidates(name, collection(name), query);
  }

  /** The documents of a collection a parsed query matches, in collection order. */
  function select(name: string, query: Record<string, unknown>): Doc[] {
    const docs = candidatesOf(name, query);
    const simple = equalityMatcher(query);
    // `new Query` rather than mingo's `find()`, which copies every operator table per call.
    return simple ? docs.filter(simple) : (new Query(query).find(docs).all() as Doc[]);
  }

  function matching(name: string, queryText: unknown): Doc[] {
    return select(name, parse(queryText));
  }

  /**
   * Inserts documents in order, as MongoDB's (ordered) insertMany does for CloudBase's
   * `add([...])`: the documents before a duplicate `_id` land, the duplicate and the rest do not,
   * and the request fails with E11000. (Inside a transaction, an abort undoes the ones that landed.)
   */
  function insert(name: string, docs: Doc[], txId?: string): string[] {
    const coll = collection(name);
    const ids: string[] = [];
    for (const d of docs) {
      const id = d._id === undefined ? newId() : String(d._id);
      if (coll.has(id)) throw duplicate(name, id);
      coll.set(id, { ...d, _id: id } as Doc);
      store.touch(name, id, undefined, txId);
      ids.push(id);
    }
    return ids;
  }

  function modify(
    p: WriteParams,
    txId?: string,
  ): { updated: number; upsertId?: string; doc?: Doc } {
    const coll = collection(p.collectionName);
    const data = parse(p.data);
    const hits = matching(p.collectionName, p.query);
    const targets = p.multi ? hits : hits.slice(0, 1);
    if (targets.length === 0 && p.upsert) {
      const base = p.queryType === 'DOC' ? parse(p.query) : {};
      const fresh = p.merge ? applyOperators({ ...base }, data) : { ...data, ...base };
      const [id] = insert(p.collectionName, [fresh as Doc], txId);
      return { updated: 0, upsertId: id };
    }
    let updated = 0;
    let last: Doc | undefined;
    for (const target of targets) {
      const before = structuredClone(target);
      const next = p.merge
        ? applyOperators(structuredClone(target), data)
        : { ...data, _id: target._id };
      if (JSON.stringify(EJSON.serialize(next)) !== JSON.stringify(EJSON.serialize(before))) {
        coll.set(target._id, next as Doc);
        store.touch(p.collectionName, target._id, before, txId);
        updated += 1;
      }
      last = next as Doc;
    }
    return { updated, doc: last };
  }

  function remove(p: WriteParams, txId?: string): number {
    const coll = collection(p.collectionName);
    const hits = matching(p.collectionName, p.query);
    const targets = p.multi === false || p.queryType === 'DOC' ? hits.slice(0, 1) : hits;
    for (const t of targets) {
      coll.delete(t._id);
      store.touch(p.collectionName, t._id, t, txId);
    }
    return targets.length;
  }

  return { collection, parse, candidates: candidatesOf, select, matching, insert, modify, remove };
}

export type Engine = ReturnType<typeof createEngine>;

/**
 * The matcher of a query made only of `field: value` pairs with string, number or boolean values
 * (what most of our queries are: by _id, openid, orgId…), without compiling a mingo query: MongoDB's
 * equality, under which an array field matches when one of its elements equals the value. Anything
 * else (operators, dotted paths, null, dates, objects) answers null and goes to mingo.
 */
export function equalityMatcher(query: Record<string, unknown>): ((d: Doc) => boolean) | null {
  const pairs = Object.entries(query ?? {});
  for (const [k, v] of pairs) {
    if (k.startsWith('$') || k.includes('.')) return null;
    if (typeof v !== 'string' && typeof v !== 'boolean' && !(typeof v === 'number' && v === v))
      return null;
  }
  return (d) =>
    pairs.every(([k, v]) => {
      const x = d[k];
      return x === v || (Array.isArray(x) && x.includes(v));
    });
}

/** A document as the SDK expects it on the wire (canonical EJSON). */
export function wire(doc: Parameters<typeof EJSON.stringify>[0]): string {
  return EJSON.stringify(doc, { relaxed: false });
}

function applyOperators(doc: Doc, modifier: Record<string, unknown>): Doc {
  applyUpdate(doc, modifier as any, undefined, undefined, { cloneMode: 'deep' });
  return doc;
}

/** EJSON → plain values mingo understands: BSON regexes to RegExp, serverDate to the emulator's now. */
function revive(value: unknown, now: number): unknown {
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, value.options);
  if (Array.isArray(value)) return value.map((v) => revive(v, now));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const obj = value as Record<string, unknown>;
    const serverDate = obj.$tcb_server_date as { offset?: number } | undefined;
    if (serverDate && Object.keys(obj).length === 1)
      return new Date(now + (serverDate.offset ?? 0));
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, revive(v, now)]));
  }
  return value;
}
