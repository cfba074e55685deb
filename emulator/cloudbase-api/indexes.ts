import { Doc, DocumentStore } from '../store';

/**
 * Secondary equality indexes, as declared collection indexes give CloudBase: the top-level
 * `field: value` pairs of a query narrow the scan to the documents with that value, by the most
 * selective of them. Built lazily per field and dropped whenever the collection changes, so they
 * are never stale (a write costs nothing; the next query on a changed collection rebuilds).
 */
export function createIndexes(store: DocumentStore) {
  type ByValue = Map<unknown, Doc[]>;
  const indexes = new Map<string, { version: number; byField: Map<string, ByValue> }>();

  function index(name: string, coll: Map<string, Doc>, field: string): ByValue {
    let idx = indexes.get(name);
    if (!idx || idx.version !== store.version(name)) {
      idx = { version: store.version(name), byField: new Map() };
      indexes.set(name, idx);
    }
    let byValue = idx.byField.get(field);
    if (byValue) return byValue;
    const built: ByValue = (byValue = new Map());
    const add = (v: unknown, d: Doc) => {
      if (v === undefined || v === null || typeof v === 'object') return;
      const list = built.get(v);
      if (!list) built.set(v, [d]);
      else if (list[list.length - 1] !== d) list.push(d); // an array may hold a value twice
    };
    for (const d of coll.values()) {
      const v = d[field];
      // MongoDB's equality: an array field matches by any of its elements.
      if (Array.isArray(v)) for (const e of v) add(e, d);
      else add(v, d);
    }
    idx.byField.set(field, built);
    return built;
  }

  return function candidates(
    name: string,
    coll: Map<string, Doc>,
    query: Record<string, unknown>,
  ): Doc[] {
    const byId = idCandidates(coll, query);
    if (byId) return byId;
    const fields = Object.keys(query ?? {}).filter(
      (k) =>
        !k.startsWith('$') &&
        !k.includes('.') &&
        ['string', 'number', 'boolean'].includes(typeof query[k]),
    );
    if (fields.length === 0 || coll.size < 64) return [...coll.values()];
    let best: Doc[] | undefined;
    for (const field of fields) {
      const hits = index(name, coll, field).get(query[field]) ?? [];
      if (!best || hits.length < best.length) best = hits;
      if (best.length === 0) break;
    }
    return best!;
  };
}

/**
 * The `_id` index every CloudBase collection has: a query that pins `_id` to one value or a list
 * looks those documents up instead of scanning; mingo still applies the whole query to them.
 */
function idCandidates(coll: Map<string, Doc>, query: Record<string, unknown>): Doc[] | null {
  const id = query?._id;
  const one = (i: unknown) => {
    const d = coll.get(String(i));
    return d ? [d] : [];
  };
  // A list keeps the collection's order, as a scan would: the collection filtered by the set
  // (membership only; the query itself is matched on the few documents that pass).
  const many = (ids: unknown[]) => {
    const wanted = new Set(ids.map(String));
    return [...coll.values()].filter((d) => wanted.has(d._id));
  };
  if (typeof id === 'string' || typeof id === 'number') return one(id);
  if (id && typeof id === 'object') {
    const op = id as Record<string, unknown>;
    if (Object.keys(op).length === 1 && (typeof op.$eq === 'string' || typeof op.$eq === 'number'))
      return one(op.$eq);
    if (Object.keys(op).length === 1 && Array.isArray(op.$in))
      return op.$in.length === 1 ? one(op.$in[0]) : many(op.$in);
  }
  return null;
}
