/**
 * The behaviours of CloudBase that our repositories rely on, exercised through the real
 * wx-server-sdk. Always against the emulator; against a real CloudBase environment too when
 * TCB_ENV and TENCENTCLOUD_SECRETID/SECRETKEY are set (see README, "契约测试").
 */
import { Emulator, startEmulator } from '../../emulator/server';

const realEnv =
  process.env.XFZB_REAL_TCB === '1' && process.env.TCB_ENV && process.env.TENCENTCLOUD_SECRETID;
let emu: Emulator | undefined;
let db: any;
let _: any;
const coll = 'outbox'; // a declared collection every environment has

beforeAll(async () => {
  if (!realEnv) emu = await startEmulator({ port: 0, seed: 'empty' });
  ({ db, _ } = require('../../cloudfunctions/_shared/repos/db'));
  if (emu) emu.store.ensure(coll);
});
afterAll(async () => {
  await db?.collection(coll).where({ contract: true }).remove();
  await emu?.close();
});

describe(`CloudBase contract (${realEnv ? `real environment ${process.env.TCB_ENV}` : 'emulator'})`, () => {
  it('refuses a second document with the same _id, and the first is kept', async () => {
    const { isDuplicateKey } = require('../../cloudfunctions/_shared/repos/db');
    await db.collection(coll).add({ data: { _id: 'contract-dup', contract: true, n: 1 } });
    const err = await db
      .collection(coll)
      .add({ data: { _id: 'contract-dup', contract: true, n: 2 } })
      .catch((e: unknown) => e);
    expect(isDuplicateKey(err)).toBe(true);
    const { data } = await db.collection(coll).where({ _id: 'contract-dup' }).get();
    expect(data[0].n).toBe(1);
  });
  it('returns at most 1000 documents per get()', async () => {
    const docs = Array.from({ length: 1005 }, (_x, i) => ({ contract: true, page: true, i }));
    for (let i = 0; i < docs.length; i += 200)
      await Promise.all(docs.slice(i, i + 200).map((d) => db.collection(coll).add({ data: d })));
    const res = await db.collection(coll).where({ page: true }).limit(5000).get();
    expect(res.data).toHaveLength(1000);
    const { getAll } = require('../../cloudfunctions/_shared/repos/db');
    expect(
      await getAll(db.collection(coll).where({ page: true }).orderBy('i', 'asc')),
    ).toHaveLength(1005);
    const { total } = await db.collection(coll).where({ page: true }).count();
    expect(total).toBe(1005);
  });
  it('stores serverDate as the server time and round-trips Dates', async () => {
    const at = new Date('2026-07-01T00:30:00.000Z');
    const { _id } = await db
      .collection(coll)
      .add({ data: { contract: true, at, stamped: db.serverDate() } });
    const { data } = await db.collection(coll).where({ _id }).get();
    expect(data[0].at).toBeInstanceOf(Date);
    expect(+data[0].at).toBe(+at);
    expect(Math.abs(+data[0].stamped - Date.now())).toBeLessThan(60_000);
    const later = await db
      .collection(coll)
      .where({ _id, at: _.gte(new Date('2026-07-01T00:00:00Z')) })
      .count();
    expect(later.total).toBe(1);
  });
  it('applies update operators (inc, push, dotted set) and reports what changed', async () => {
    const { _id } = await db
      .collection(coll)
      .add({ data: { contract: true, n: 1, tags: [], o: { a: 1 } } });
    const res = await db
      .collection(coll)
      .doc(_id)
      .update({ data: { n: _.inc(2), tags: _.push('x'), o: { b: 2 } } });
    expect(res.stats.updated).toBe(1);
    const { data } = await db.collection(coll).where({ _id }).get();
    expect(data[0]).toMatchObject({ n: 3, tags: ['x'], o: { a: 1, b: 2 } });
  });
  it('groups with aggregate()', async () => {
    await Promise.all(
      [1, 2, 3].map((n) =>
        db.collection(coll).add({ data: { contract: true, agg: n % 2 ? 'odd' : 'even', n } }),
      ),
    );
    const res = await db
      .collection(coll)
      .aggregate()
      .match({ agg: _.exists(true) })
      .group({ _id: '$agg', s: _.aggregate.sum('$n') })
      .sort({ _id: 1 })
      .end();
    expect(res.list).toEqual([
      { _id: 'even', s: 2 },
      { _id: 'odd', s: 4 },
    ]);
  });
  it('commits a transaction and rolls one back on error', async () => {
    const { _id } = await db.collection(coll).add({ data: { contract: true, balance: 10 } });
    await db.runTransaction(async (t: any) => {
      const doc = await t.collection(coll).doc(_id).get();
      await t
        .collection(coll)
        .doc(_id)
        .update({ data: { balance: doc.data.balance - 3 } });
    });
    const failed = await db
      .runTransaction(async (t: any) => {
        await t
          .collection(coll)
          .doc(_id)
          .update({ data: { balance: 0 } });
        await t.rollback('not enough');
      })
      .catch((e: unknown) => e);
    expect(failed).toBe('not enough');
    const { data } = await db.collection(coll).where({ _id }).get();
    expect(data[0].balance).toBe(7);
  });
  it('matches field: value on an array field by any of its elements', async () => {
    await db.collection(coll).add({
      data: [
        { _id: 'contract-eq-1', contract: true, eqTags: ['a', 'b'], eqN: 1 },
        { _id: 'contract-eq-2', contract: true, eqTags: 'a', eqN: 2 },
        { _id: 'contract-eq-3', contract: true, eqTags: ['c'], eqN: 1 },
      ],
    });
    const ids = async (where: object) =>
      (await db.collection(coll).where(where).get()).data.map((d: any) => d._id).sort();
    expect(await ids({ eqTags: 'a' })).toEqual(['contract-eq-1', 'contract-eq-2']);
    expect(await ids({ eqTags: 'c', eqN: 1 })).toEqual(['contract-eq-3']);
    expect(await ids({ eqTags: 'b', eqN: 2 })).toEqual([]);
  });
  it('inserts an array in one request and answers every _id, in order', async () => {
    // wx-server-sdk passes `data` to @cloudbase/node-sdk's collection.add, which sends one
    // database.insertDocument with one EJSON string per document and answers `{ ids }` for an
    // array (wx-server-sdk: `_ids`), `{ id }` for a single document (`_id`).
    const res = await db.collection(coll).add({
      data: [
        { _id: 'contract-batch-1', contract: true, batch: 1 },
        { contract: true, batch: 2, at: new Date('2026-12-01T01:00:00Z') },
        { _id: 'contract-batch-3', contract: true, batch: 3 },
      ],
    });
    expect(res._id).toBeUndefined();
    expect(res._ids).toHaveLength(3);
    expect(res._ids[0]).toBe('contract-batch-1');
    expect(res._ids[2]).toBe('contract-batch-3');
    const { data } = await db
      .collection(coll)
      .where({ _id: _.in(res._ids) })
      .orderBy('batch', 'asc')
      .get();
    expect(data.map((d: any) => d.batch)).toEqual([1, 2, 3]);
    expect(data[1]._id).toBe(res._ids[1]);
    expect(data[1].at).toBeInstanceOf(Date);
  });
  it('stops an array insert at a duplicate _id: the documents before it land, not the rest', async () => {
    // MongoDB's ordered insert, which CloudBase runs: callers must not assume all-or-nothing.
    await db.collection(coll).add({ data: { _id: 'contract-batch-dup', contract: true, n: 1 } });
    const err = await db
      .collection(coll)
      .add({
        data: [
          { _id: 'contract-batch-before', contract: true, n: 2 },
          { _id: 'contract-batch-dup', contract: true, n: 3 },
          { _id: 'contract-batch-after', contract: true, n: 4 },
        ],
      })
      .catch((e: unknown) => e);
    const { isDuplicateKey } = require('../../cloudfunctions/_shared/repos/db');
    expect(isDuplicateKey(err)).toBe(true);
    const ids = ['contract-batch-before', 'contract-batch-dup', 'contract-batch-after'];
    const { data } = await db
      .collection(coll)
      .where({ _id: _.in(ids) })
      .get();
    const byId = Object.fromEntries(data.map((d: any) => [d._id, d.n]));
    expect(byId).toEqual({ 'contract-batch-before': 2, 'contract-batch-dup': 1 });
  });
  it('inserts an array inside a transaction, and a rollback removes all of it', async () => {
    await db.runTransaction(async (t: any) => {
      const r = await t.collection(coll).add({
        data: [
          { _id: 'contract-tx-1', contract: true },
          { _id: 'contract-tx-2', contract: true },
        ],
      });
      expect(r._ids ?? r.ids).toEqual(['contract-tx-1', 'contract-tx-2']);
    });
    const failed = await db
      .runTransaction(async (t: any) => {
        await t.collection(coll).add({
          data: [
            { _id: 'contract-tx-3', contract: true },
            { _id: 'contract-tx-4', contract: true },
          ],
        });
        await t.rollback('undo');
      })
      .catch((e: unknown) => e);
    expect(failed).toBe('undo');
    const { data } = await db
      .collection(coll)
      .where({ _id: _.in(['contract-tx-1', 'contract-tx-2', 'contract-tx-3', 'contract-tx-4']) })
      .get();
    expect(data.map((d: any) => d._id).sort()).toEqual(['contract-tx-1', 'contract-tx-2']);
  });
  if (!realEnv) {
    it.skip('against a real CloudBase environment: set XFZB_REAL_TCB=1, TCB_ENV and TENCENTCLOUD_SECRETID/SECRETKEY', () =>
      undefined);
  }
});
