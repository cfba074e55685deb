import { ObjectStorage } from '../storage';
import { StorageUrls } from '../storage-urls';
import type { DocumentStore } from '../store';
import { StoreError } from '../store';
import { databaseActions } from './database';
import { createEngine } from './engine';
import { ApiError, newId } from './errors';
import { storageActions } from './storage';
import { transactionActions } from './transactions';

/**
 * CloudBase's server API, as `@cloudbase/node-sdk` (inside `wx-server-sdk`) speaks it:
 * `POST <TCB_CONTEXT_CNFG.URL>?env=…` with `{ action, …params }`, answered with
 * `{ data, requestId }` or `{ code, message, requestId }` (HTTP 200 in both cases).
 * Queries, updates and pipelines arrive as EJSON and run on mingo (engine.ts); the document
 * actions are in database.ts, the transaction steps in transactions.ts, storage in storage.ts.
 */
export interface ApiDeps {
  store: DocumentStore;
  now: () => number;
  /** functions.invokeFunction: runs a hosted function as a server-side (anonymous) caller. */
  invokeFunction: (name: string, event: unknown) => Promise<unknown>;
  /** Cloud storage (`storage.*` actions) and its signed URLs (default: memory, no URL base). */
  storage?: ObjectStorage;
  urls?: StorageUrls;
}

export type ApiResponse = Record<string, unknown>;
export type ApiActions = Record<string, (p: any) => Promise<ApiResponse>>;

export function createCloudbaseApi(deps: ApiDeps) {
  const { store } = deps;
  const db = createEngine(store, deps.now);
  const actions: ApiActions = {
    ...databaseActions(store, db),
    ...transactionActions(store, db),
    ...storageActions(
      deps.storage ?? new ObjectStorage(undefined),
      deps.urls ?? new StorageUrls(deps.now, () => ''),
    ),
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
    const durable = body.action.startsWith('database.') && !body.transactionId;
    try {
      const res = await action(body).finally(() => (durable ? store.persist() : undefined));
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
