import { randomBytes } from 'crypto';
import { BSONRegExp, EJSON } from 'bson';
import { aggregate, find, update as applyUpdate } from 'mingo';
import { Doc, DocumentStore, StoreError } from './store';

/**
 * CloudBase's server API, as `@cloudbase/node-sdk` (inside `wx-server-sdk`) speaks it:
 * `POST <TCB_CONTEXT_CNFG.URL>?env=…` with `{ action, …params }`, answered with
 * `{ data, requestId }` or `{ code, message, requestId }` (HTTP 200 in both cases).
 * Queries, updates and pipelines arrive as EJSON and run on mingo.
 */
export interface ApiDeps {
  store: DocumentStore;
  now: () => number;
  /** functions.invokeFunction: runs a hosted function as a server-side (anonymous) caller. */
  invokeFunction: (name: string, event: unknown) => Promise<unknown>;
}

export type ApiResponse = Record<string, unknown>;

const MAX_LIMIT = 1000; // CloudBase returns at most 1000 documents per get()
const DEFAULT_LIMIT = 100;

export function createCloudbaseApi(deps: ApiDeps) {
  const { store } = deps;

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
    return revive(EJSON.parse(text, { relaxed: true }), deps.now());
  }

  /**
   * Secondary equality indexes, as declared collection indexes give CloudBase: a top-level
   * `field: value` in a query narrows the scan to the documents with that value. Built lazily and
   * dropped whenever the collection changes, so they are never stale.
   */
  const indexes = new Map<string, { version: number; byField: Map<string, Map<unknown, Doc[]>> }>();
  function candidates(name: string, coll: Map<string, Doc>, query: Record<string, unknown>): Doc[] {
    const byId = idCandidates(coll, query);
    if (byId) return byId;
    const field = Object.keys(query ?? {}).find(
      (k) =>
        !k.startsWith('$') &&
        !k.includes('.') &&
        ['string', 'number', 'boolean'].includes(typeof query[k]),
    );
    if (!field || coll.size < 64) return [...coll.values()];
    let idx = indexes.get(name);
    if (!idx || idx.version !== store.version(name)) {
      idx = { version: store.version(name), byField: new Map() };
      indexes.set(name, idx);
    }
    let byValue = idx.byField.get(field);
    if (!byValue) {
      byValue = new Map();
      for (const d of coll.values()) {
        const v = d[field];
        if (v === undefined || v === null || typeof v === 'object') continue;
        byValue.set(v, [...(byValue.get(v) ?? []), d]);
      }
      idx.byField.set(field, byValue);
    }
    return byValue.get(query[field]) ?? [];
  }

  function matching(name: string, coll: Map<string, Doc>, queryText: unknown): Doc[] {
    const query = parse(queryText);
    return find(candidates(name, coll, query), query).all() as Doc[];
  }

  function insert(name: string, docs: Doc[], txId?: string): string[] {
    const coll = collection(name);
    const ids = docs.map((d) => (d._id === undefined ? newId() : String(d._id)));
    const seen = new Set<string>();
    for (const id of ids) {
      if (coll.has(id) || seen.has(id)) throw duplicate(name, id);
      seen.add(id);
    }
    docs.forEach((d, i) => {
      const doc = { ...d, _id: ids[i] } as Doc;
      coll.set(doc._id, doc);
      store.touch(name, doc._id, undefined, txId);
    });
    return ids;
  }

  function modify(p: any, txId?: string): { updated: number; upsertId?: string; doc?: Doc } {
    const coll = collection(p.collectionName);
    const data = parse(p.data);
    const hits = matching(p.collectionName, coll, p.query);
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

  function remove(p: any, txId?: string): number {
    const coll = collection(p.collectionName);
    const hits = matching(p.collectionName, coll, p.query);
    const targets = p.multi === false || p.queryType === 'DOC' ? hits.slice(0, 1) : hits;
    for (const t of targets) {
      coll.delete(t._id);
      store.touch(p.collectionName, t._id, t, txId);
    }
    return targets.length;
  }

  const actions: Record<string, (p: any) => Promise<ApiResponse>> = {
    'database.addCollection': (p) =>
      store.run(() => {
        if (store.has(p.collectionName))
          throw new ApiError('DATABASE_COLLECTION_ALREADY_EXIST', 'collection already exists');
        store.ensure(p.collectionName);
        return {};
      }),
    'database.getDocument': (p) =>
      store.run(() => {
        const coll = collection(p.collectionName);
        const limit = Math.min(Number(p.limit) || DEFAULT_LIMIT, MAX_LIMIT);
        let cursor = find(
          [...coll.values()],
          parse(p.query),
          p.projection ? parse(p.projection) : undefined,
        );
        if (p.order) cursor = cursor.sort(parse(p.order));
        const list = cursor
          .skip(Number(p.offset) || 0)
          .limit(limit)
          .all()
          .map((d) => EJSON.stringify(d, { relaxed: false }));
        return { data: { list }, limit, offset: Number(p.offset) || 0 };
      }, p.transactionId),
    'database.calculateDocument': (p) =>
      store.run(() => ({
        data: { total: matching(p.collectionName, collection(p.collectionName), p.query).length },
      })),
    'database.insertDocument': (p) =>
      store.run(() => {
        const docs = (p.data as string[]).map((text) => parse(text) as Doc);
        return { data: { insertedIds: insert(p.collectionName, docs, p.transactionId) } };
      }, p.transactionId),
    'database.modifyDocument': (p) =>
      store.run(() => {
        const r = modify(p, p.transactionId);
        return { data: { updated: r.updated, upsert_id: r.upsertId } };
      }, p.transactionId),
    'database.modifyAndReturnDoc': (p) =>
      store.run(() => {
        const r = modify({ ...p, multi: false }, p.transactionId);
        return {
          data: {
            updated: r.updated,
            doc: r.doc ? EJSON.stringify(r.doc, { relaxed: false }) : null,
          },
        };
      }, p.transactionId),
    'database.removeDocument': (p) =>
      store.run(() => ({ data: { deleted: remove(p, p.transactionId) } }), p.transactionId),
    'database.aggregateDocuments': (p) =>
      store.run(() => {
        const coll = collection(p.collectionName);
        const pipeline = (p.stages as { stageKey: string; stageValue: string }[]).map((s) => ({
          [s.stageKey]: parse(s.stageValue),
        }));
        const list = aggregate([...coll.values()], pipeline, {
          collectionResolver: (name: string) => [...collection(name).values()],
        }).map((d) => EJSON.stringify(d, { relaxed: false }));
        return { data: { list } };
      }),
    'database.startTransaction': async () => ({ transactionId: await store.begin() }),
    'database.commitTransaction': async (p) => {
      await store.commit(p.transactionId);
      return {};
    },
    'database.abortTransaction': async (p) => {
      await store.abort(p.transactionId);
      return {};
    },
    'database.getInTransaction': (p) =>
      store.run(() => {
        const doc = collection(p.collectionName).get(String(p._id));
        return { data: EJSON.stringify(doc ?? null, { relaxed: false }) };
      }, p.transactionId),
    'database.updateDocInTransaction': (p) =>
      store.run(() => {
        const query = EJSON.stringify({ _id: p._id }, { relaxed: false });
        const data = parse(p.data);
        const isOperator = Object.keys(data).some((k) => k.startsWith('$'));
        const r = modify(
          {
            collectionName: p.collectionName,
            query,
            queryType: 'DOC',
            data: p.data,
            merge: isOperator,
            upsert: !!p.upsert,
          },
          p.transactionId,
        );
        return {
          updated: EJSON.stringify(r.updated, { relaxed: false }),
          upserted: r.upsertId ? JSON.stringify([{ _id: r.upsertId }]) : null,
        };
      }, p.transactionId),
    'database.deleteDocInTransaction': (p) =>
      store.run(() => {
        const query = EJSON.stringify({ _id: p._id }, { relaxed: false });
        const deleted = remove(
          { collectionName: p.collectionName, query, queryType: 'DOC' },
          p.transactionId,
        );
        return { deleted: EJSON.stringify(deleted, { relaxed: false }) };
      }, p.transactionId),
    'functions.invokeFunction': async (p) => {
      const event = p.request_data ? JSON.parse(p.request_data) : {};
      const result = await deps.invokeFunction(p.function_name, event);
      return { data: { response_data: JSON.stringify(result) } };
    },
  };

  return async function handle(body: any): Promise<ApiResponse> {
    const requestId = newId().slice(0, 16);
    const action = actions[body?.action];
    if (!action) {
      return {
        code: 'INVALID_ACTION',
        message: `action not supported by the emulator: ${body?.action}`,
        requestId,
      };
    }
    try {
      const res = await action(body);
      if (body.action.startsWith('database.') && !body.transactionId) await store.persist();
      return { ...res, requestId };
    } catch (e) {
      if (e instanceof ApiError || e instanceof StoreError)
        return { code: e.code, message: e.message, requestId };
      return {
        code: 'DATABASE_REQUEST_FAILED',
        message: `[FailedOperation] ${(e as Error).message}`,
        requestId,
      };
    }
  };
}

/**
 * The `_id` index every CloudBase collection has: a query that pins `_id` to one value or a list
 * looks those documents up instead of scanning; mingo still applies the whole query to them.
 */
function idCandidates(coll: Map<string, Doc>, query: Record<string, unknown>): Doc[] | null {
  const id = query?._id;
  const pick = (ids: unknown[]) => ids.map((i) => coll.get(String(i))).filter((d): d is Doc => !!d);
  if (typeof id === 'string' || typeof id === 'number') return pick([id]);
  if (id && typeof id === 'object') {
    const op = id as Record<string, unknown>;
    if (Object.keys(op).length === 1 && (typeof op.$eq === 'string' || typeof op.$eq === 'number'))
      return pick([op.$eq]);
    if (Object.keys(op).length === 1 && Array.isArray(op.$in)) return pick(op.$in);
  }
  return null;
}

class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function duplicate(name: string, id: string): ApiError {
  // The shape CloudBase returns for a second document with the same _id (a MongoDB E11000).
  return new ApiError(
    'DATABASE_REQUEST_FAILED',
    `[FailedOperation] E11000 duplicate key error collection: ${name} index: _id_ dup key: { _id: "${id}" }`,
  );
}

function newId(): string {
  return randomBytes(16).toString('hex');
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
