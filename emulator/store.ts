import { promises as fs } from 'fs';
import * as path from 'path';
import { EJSON } from 'bson';
import { applyJournal, JOURNAL, recover, syncDir, writeDurably } from './journal';

/** A collection name that is a plain file name (no separators, no dots). */
const SAFE_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

export type Doc = { _id: string; [key: string]: unknown };

/**
 * The emulator's document store: collections held in memory, persisted one file per collection.
 *
 * Durability: a write resolves only after the collections it touched are on disk. Writes that
 * arrive while a flush is running are grouped into the next flush (group commit), so a burst of
 * 1,000 sign-ins costs a handful of file writes, not 1,000. A flush is atomic across files: each
 * collection's next file is written beside it and fsynced, then a journal naming them is written,
 * then the files are renamed into place and the journal dropped; after a crash `load()` finishes a
 * journalled flush and drops an unjournalled one. So a crash leaves the old or the new state of
 * every collection together (a transaction never lands half), never a torn file. A flush while a
 * transaction is open writes its documents as they were before it.
 *
 * Isolation: one lock serialises operations; a transaction holds it from start to commit or
 * abort and keeps an undo log, which is how CloudBase's single-document-group transactions look
 * from the outside (others wait; an abort leaves no trace).
 */
export class DocumentStore {
  private readonly collections = new Map<string, Map<string, Doc>>();
  private readonly dirty = new Set<string>();
  private readonly versions = new Map<string, number>();
  private flushing: Promise<void> | null = null;
  private flushQueued: Promise<void> | null = null;
  private lockTail: Promise<void> = Promise.resolve();
  private txCounter = 0;
  private tx: Transaction | null = null;

  constructor(private readonly dataDir?: string) {}

  async load(): Promise<void> {
    if (!this.dataDir) return;
    await fs.mkdir(this.dataDir, { recursive: true });
    await recover(this.dataDir);
    for (const file of await fs.readdir(this.dataDir)) {
      // Leftovers of an interrupted write end in .tmp; any other file is not a collection.
      if (!file.endsWith('.json') || !SAFE_NAME.test(file.slice(0, -5))) continue;
      const text = await fs.readFile(path.join(this.dataDir, file), 'utf8');
      const docs = EJSON.parse(text, { relaxed: true }) as Doc[];
      this.collections.set(file.slice(0, -5), new Map(docs.map((d) => [d._id, d])));
    }
  }

  has(name: string): boolean {
    return this.collections.has(name);
  }

  names(): string[] {
    return [...this.collections.keys()].sort();
  }

  /** Creates the collection if it does not exist (CloudBase: createCollection). */
  ensure(name: string): Map<string, Doc> {
    // A collection is a file `<name>.json` in DATA_DIR: its name can never leave the directory.
    if (!SAFE_NAME.test(name))
      throw new StoreError('INVALID_PARAM', `invalid collection name: ${name}`);
    let coll = this.collections.get(name);
    if (!coll) {
      coll = new Map();
      this.collections.set(name, coll);
      this.dirty.add(name);
    }
    return coll;
  }

  get(name: string): Map<string, Doc> | undefined {
    return this.collections.get(name);
  }

  /** Changes with every write to the collection (lets derived indexes know they are stale). */
  version(name: string): number {
    return this.versions.get(name) ?? 0;
  }

  /** Wipes everything (reset). */
  async clear(): Promise<void> {
    for (const name of this.collections.keys()) {
      this.dirty.add(name);
      this.versions.set(name, (this.versions.get(name) ?? 0) + 1);
    }
    this.collections.clear();
    await this.persist();
  }

  /** Records a change for the undo log of an open transaction and marks the collection dirty. */
  touch(name: string, id: string, before: Doc | undefined, txId?: string): void {
    this.dirty.add(name);
    this.versions.set(name, (this.versions.get(name) ?? 0) + 1);
    if (txId && this.tx?.id === txId) this.tx.undo.push({ name, id, before });
  }

  /** Runs `fn` under the store lock (or inside the open transaction `txId`). */
  async run<T>(fn: () => T, txId?: string): Promise<T> {
    if (txId) {
      if (!this.tx || this.tx.id !== txId)
        throw new StoreError('TRANSACTION_NOT_EXIST', '事务不存在或已结束');
      this.tx.touchedAt = Date.now();
      return fn();
    }
    const release = await this.acquire();
    try {
      return fn();
    } finally {
      release();
    }
  }

  async begin(): Promise<string> {
    const release = await this.acquire();
    const id = `tx-${++this.txCounter}-${Date.now()}`;
    const tx: Transaction = { id, undo: [], release, touchedAt: Date.now(), timer: undefined };
    // An abandoned transaction must not block the emulator forever (CloudBase times out too).
    tx.timer = setInterval(() => {
      if (Date.now() - tx.touchedAt > 10_000) void this.abort(id);
    }, 1_000);
    tx.timer.unref?.();
    this.tx = tx;
    return id;
  }

  async commit(txId: string): Promise<void> {
    const tx = this.take(txId);
    // A flush during the transaction wrote these without its changes: write them again.
    for (const { name } of tx.undo) this.dirty.add(name);
    tx.release();
    await this.persist();
  }

  async abort(txId: string): Promise<void> {
    const tx = this.take(txId);
    for (const { name, id, before } of tx.undo.reverse()) {
      const coll = this.ensure(name);
      this.versions.set(name, (this.versions.get(name) ?? 0) + 1);
      if (before) coll.set(id, before);
      else coll.delete(id);
    }
    tx.release();
  }

  /** Resolves once every change made so far is durably on disk. */
  persist(): Promise<void> {
    if (!this.dataDir) return Promise.resolve();
    // Nothing changed since the flush that is running (or the last one): that one is enough. So
    // a read costs no disk work, and a write waits only for the flush that carries it.
    if (this.dirty.size === 0) return this.flushing ?? Promise.resolve();
    if (!this.flushing) {
      this.flushing = this.flush().finally(() => (this.flushing = null));
      return this.flushing;
    }
    // A flush is running: everything dirty now goes into the next one, shared by all waiters.
    if (!this.flushQueued) {
      this.flushQueued = this.flushing.then(() => {
        this.flushQueued = null;
        return this.persist();
      });
    }
    return this.flushQueued;
  }

  private async flush(): Promise<void> {
    const dir = this.dataDir as string;
    const names = [...this.dirty];
    this.dirty.clear();
    // One snapshot of every collection, taken before the first await: a transaction that commits
    // while the files are being written is in none of them, never in some.
    const snapshot = names.map((name) => ({ name, text: this.snapshotOf(name) }));
    try {
      await fs.mkdir(dir, { recursive: true });
      // Every file of the flush is staged first; a journal naming them makes the flush one
      // step: a crash before the journal leaves the old files, after it load() finishes the job.
      const staged: { name: string; removed: boolean }[] = [];
      for (const { name, text } of snapshot) {
        if (text !== null) await this.stage(dir, name, text);
        staged.push({ name, removed: text === null });
      }
      await writeDurably(path.join(dir, JOURNAL), JSON.stringify(staged));
      await syncDir(dir);
      await applyJournal(dir, staged);
    } catch (e) {
      // Not on disk: the next persist() writes these collections again.
      for (const name of names) this.dirty.add(name);
      throw e;
    }
  }

  /** Writes a collection's next file beside the current one; false when it no longer exists. */
  /** A collection's file content as committed now; null when it no longer exists. */
  private snapshotOf(name: string): string | null {
    const coll = this.collections.get(name);
    return coll ? EJSON.stringify(this.committed(name, coll), { relaxed: true }) : null;
  }

  /** Writes a collection's next file beside the current one. */
  private async stage(dir: string, name: string, text: string): Promise<void> {
    await writeDurably(path.join(dir, `${name}.json.tmp`), text);
  }

  /**
   * A collection as committed: a flush that runs while a transaction is open writes the documents
   * that transaction changed as they were before it, so a crash never leaves half a transaction
   * on disk; its changes reach the disk with the flush after its commit.
   */
  private committed(name: string, coll: Map<string, Doc>): Doc[] {
    const undo = this.tx?.undo.filter((u) => u.name === name) ?? [];
    if (undo.length === 0) return [...coll.values()];
    const view = new Map(coll);
    const seen = new Set<string>();
    for (const { id, before } of undo) {
      if (seen.has(id)) continue; // the first entry holds the committed state
      seen.add(id);
      if (before) view.set(id, before);
      else view.delete(id);
    }
    return [...view.values()];
  }

  private take(txId: string): Transaction {
    const tx = this.tx;
    if (!tx || tx.id !== txId) throw new StoreError('TRANSACTION_NOT_EXIST', '事务不存在或已结束');
    clearInterval(tx.timer);
    this.tx = null;
    return tx;
  }

  private acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const prev = this.lockTail;
    this.lockTail = prev.then(() => next);
    return prev.then(() => release);
  }
}

interface Transaction {
  id: string;
  undo: { name: string; id: string; before: Doc | undefined }[];
  release: () => void;
  touchedAt: number;
  timer: ReturnType<typeof setInterval> | undefined;
}

export class StoreError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
