import type { DocumentStore } from '../store';
import { Engine, wire } from './engine';
import type { ApiActions } from './index';

/**
 * The SDK's transaction actions (`db.runTransaction`): every step is its own request, run inside
 * the store's open transaction (which holds the store lock and keeps an undo log).
 */
export function transactionActions(store: DocumentStore, db: Engine): ApiActions {
  return {
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
        const doc = db.collection(p.collectionName).get(String(p._id));
        return { data: wire(doc ?? null) };
      }, p.transactionId),
    'database.updateDocInTransaction': (p) =>
      store.run(() => {
        const data = db.parse(p.data);
        const isOperator = Object.keys(data).some((k) => k.startsWith('$'));
        const r = db.modify(
          {
            collectionName: p.collectionName,
            query: wire({ _id: p._id }),
            queryType: 'DOC',
            data: p.data,
            merge: isOperator,
            upsert: !!p.upsert,
          },
          p.transactionId,
        );
        return {
          updated: wire(r.updated),
          upserted: r.upsertId ? JSON.stringify([{ _id: r.upsertId }]) : null,
        };
      }, p.transactionId),
    'database.deleteDocInTransaction': (p) =>
      store.run(() => {
        const deleted = db.remove(
          { collectionName: p.collectionName, query: wire({ _id: p._id }), queryType: 'DOC' },
          p.transactionId,
        );
        return { deleted: wire(deleted) };
      }, p.transactionId),
  };
}
