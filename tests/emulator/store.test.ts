/**
 * The emulator's durable store: what a resolved request guarantees to be on disk, and what the
 * disk costs a read (nothing).
 */
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { EJSON } from 'bson';
import { createCloudbaseApi } from '../../emulator/cloudbase-api';
import { DocumentStore } from '../../emulator/store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'xfzb-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const onDisk = (name: string) =>
  EJSON.parse(readFileSync(path.join(dir, `${name}.json`), 'utf8'), { relaxed: true }) as {
    _id: string;
  }[];

async function apiOn(store: DocumentStore) {
  await store.load();
  store.ensure('outbox');
  await store.persist();
  return createCloudbaseApi({ store, now: () => Date.now(), invokeFunction: async () => null });
}
const doc = (d: object) => EJSON.stringify(d, { relaxed: false });

describe('durable store', () => {
  it('has a write on disk when the request answers, and a read costs no flush', async () => {
    const store = new DocumentStore(dir);
    const api = await apiOn(store);
    const res = await api({
      action: 'database.insertDocument',
      collectionName: 'outbox',
      data: [doc({ _id: 'a', n: 1 })],
    });
    expect(res.data).toEqual({ insertedIds: ['a'] });
    expect(onDisk('outbox').map((d) => d._id)).toEqual(['a']);

    const flush = jest.spyOn(store as any, 'flush');
    const read = await api({
      action: 'database.getDocument',
      collectionName: 'outbox',
      query: doc({ _id: 'a' }),
    });
    expect((read.data as { list: string[] }).list).toHaveLength(1);
    expect(flush).not.toHaveBeenCalled();
  });

  it('keeps on disk the part of an array insert that landed before a duplicate', async () => {
    const store = new DocumentStore(dir);
    const api = await apiOn(store);
    await api({
      action: 'database.insertDocument',
      collectionName: 'outbox',
      data: [doc({ _id: 'dup' })],
    });
    const res = await api({
      action: 'database.insertDocument',
      collectionName: 'outbox',
      data: [doc({ _id: 'first' }), doc({ _id: 'dup' }), doc({ _id: 'last' })],
    });
    expect(res.code).toBe('DATABASE_REQUEST_FAILED');
    expect(String(res.message)).toContain('E11000');
    const reloaded = new DocumentStore(dir);
    await reloaded.load();
    expect([...reloaded.get('outbox')!.keys()].sort()).toEqual(['dup', 'first']);
  });

  it('writes a collection again after a failed flush', async () => {
    const store = new DocumentStore(dir);
    await store.load();
    store.ensure('outbox').set('x', { _id: 'x' });
    store.touch('outbox', 'x', undefined);
    jest
      .spyOn(store as any, 'stage')
      .mockImplementationOnce(() => Promise.reject(new Error('ENOSPC: no space left on device')));
    await expect(store.persist()).rejects.toThrow('ENOSPC');
    await store.persist();
    expect(onDisk('outbox').map((d) => d._id)).toEqual(['x']);
  });
});
