import { Query } from 'mingo';
import { COLLECTION_NAMES } from '../../cloudfunctions/_shared/repos/collections';
import { createAggregate } from './aggregate';
import type { DocumentStore } from '../store';
import { ApiError } from './errors';
import { Engine, wire } from './engine';
import type { ApiActions } from './index';

const MAX_LIMIT = 1000; // CloudBase returns at most 1000 documents per get()
const DEFAULT_LIMIT = 100;

/** The SDK's document actions: collections, queries, writes, counts and aggregation. */
export function databaseActions(store: DocumentStore, db: Engine): ApiActions {
  const aggregate = createAggregate({
    all: (name) => [...db.collection(name).values()],
    candidates: db.candidates,
  });
  return {
    'database.addCollection': (p) =>
      store.run(() => {
        // Only the collections declared in collections.ts exist (as deploy-db.ts creates them):
        // a request cannot invent one, nor name a file outside DATA_DIR.
        if (!(COLLECTION_NAMES as readonly unknown[]).includes(p.collectionName))
          throw new ApiError('INVALID_PARAM', 'collection is not declared in collections.ts');
        if (store.has(p.collectionName))
          throw new ApiError('DATABASE_COLLECTION_ALREADY_EXIST', 'collection already exists');
        store.ensure(p.collectionName);
        return {};
      }),
    'database.getDocument': (p) =>
      store.run(() => {
        const limit = Math.min(Number(p.limit) || DEFAULT_LIMIT, MAX_LIMIT);
        const offset = Number(p.offset) || 0;
        let docs = db.select(p.collectionName, db.parse(p.query));
        if (p.order || p.projection) {
          let cursor = new Query({}).find(docs, p.projection ? db.parse(p.projection) : undefined);
          if (p.order) cursor = cursor.sort(db.parse(p.order));
          docs = cursor.skip(offset).limit(limit).all() as typeof docs;
        } else docs = docs.slice(offset, offset + limit);
        return { data: { list: docs.map(wire) }, limit, offset };
      }, p.transactionId),
    'database.calculateDocument': (p) =>
      store.run(() => ({ data: { total: db.matching(p.collectionName, p.query).length } })),
    'database.insertDocument': (p) =>
      store.run(() => {
        const docs = (p.data as string[]).map((text) => db.parse(text));
        return { data: { insertedIds: db.insert(p.collectionName, docs, p.transactionId) } };
      }, p.transactionId),
    'database.modifyDocument': (p) =>
      store.run(() => {
        const r = db.modify(p, p.transactionId);
        return { data: { updated: r.updated, upsert_id: r.upsertId } };
      }, p.transactionId),
    'database.modifyAndReturnDoc': (p) =>
      store.run(() => {
        const r = db.modify({ ...p, multi: false }, p.transactionId);
        return { data: { updated: r.updated, doc: r.doc ? wire(r.doc) : null } };
      }, p.transactionId),
    'database.removeDocument': (p) =>
      store.run(() => ({ data: { deleted: db.remove(p, p.transactionId) } }), p.transactionId),
    'database.aggregateDocuments': (p) =>
      store.run(() => {
        const pipeline = (p.stages as { stageKey: string; stageValue: string }[]).map((s) => ({
          [s.stageKey]: db.parse(s.stageValue),
        }));
        return { data: { list: aggregate(p.collectionName, pipeline).map(wire) } };
      }),
  };
}
