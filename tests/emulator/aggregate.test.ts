/**
 * The emulator's aggregation narrows the foreign side of a correlated `$lookup` by an index; the
 * answers must be exactly mingo's (a plain scan), whatever the shape of the data.
 */
import { aggregate } from 'mingo';
import { createAggregate } from '../../emulator/cloudbase-api/aggregate';
import { createIndexes } from '../../emulator/cloudbase-api/indexes';
import { Doc, DocumentStore } from '../../emulator/store';

const store = new DocumentStore();
const members = store.ensure('members');
const entries = store.ensure('entries');
const marks = store.ensure('marks');
for (let m = 0; m < 80; m++)
  members.set(`m${m}`, { _id: `m${m}`, orgId: m % 2 ? 'o1' : 'o2', tag: m % 5 === 0 ? 7 : 'x' });
for (let e = 0; e < 400; e++) {
  const memberId = e % 9 === 0 ? [`m${e % 80}`, 'm1'] : `m${e % 80}`; // some array fields
  entries.set(`e${e}`, {
    _id: `e${e}`,
    memberId: e % 31 === 0 ? undefined : memberId,
    year: 2025 + (e % 2),
    orgId: e % 3 ? 'o1' : 'o2',
    n: e,
  });
  marks.set(`k${e}`, { _id: `k${e}`, entryId: `e${(e * 7) % 400}`, v: e % 4 });
}
const candidates = createIndexes(store);
const narrowed: string[] = [];
const emulated = createAggregate({
  all: (name) => [...store.get(name)!.values()],
  candidates: (name, query) => {
    narrowed.push(name);
    return candidates(name, store.get(name)!, query);
  },
});
const scanned = (name: string, pipeline: Record<string, any>[]) =>
  aggregate([...store.get(name)!.values()], pipeline, {
    collectionResolver: (n: string) => [...store.get(n)!.values()],
  }) as Doc[];

const entriesOf = (pipeline: Record<string, any>[] = []) => ({
  $lookup: {
    from: 'entries',
    let: { memberId: '$_id', orgId: '$orgId' },
    pipeline: [
      { $match: { year: 2026 } },
      { $match: { $expr: { $and: [{ $eq: ['$memberId', '$$memberId'] }] } } },
      { $sort: { n: -1 } },
      ...pipeline,
    ],
    as: 'entries',
  },
});

describe('aggregation with an indexed $lookup', () => {
  it('narrows the foreign side by the index: one member reads its own entries, not 400', () => {
    narrowed.length = 0;
    const pipeline = [{ $match: { _id: 'm3' } }, entriesOf()];
    const [m] = emulated('members', pipeline);
    expect(narrowed).toEqual(['members', 'entries']);
    expect(m.entries).toHaveLength(5);
    expect([m]).toEqual(scanned('members', pipeline));
  });
  it.each<[string, Record<string, any>[]]>([
    ['a correlated lookup', [{ $match: { orgId: 'o1' } }, entriesOf()]],
    [
      'a nested lookup using an outer variable',
      [
        { $match: { _id: 'm3' } },
        entriesOf([
          {
            $lookup: {
              from: 'marks',
              let: { id: '$_id', org: '$$orgId' },
              pipeline: [{ $match: { $expr: { $eq: ['$$id', '$entryId'] } } }],
              as: 'marks',
            },
          },
        ]),
      ],
    ],
    [
      'a variable that is a number or missing',
      [
        {
          $lookup: {
            from: 'entries',
            let: { t: '$tag', none: '$nothing' },
            pipeline: [
              { $match: { $expr: { $eq: ['$n', '$$t'] } } },
              { $match: { $expr: { $eq: ['$memberId', '$$none'] } } },
            ],
            as: 'hits',
          },
        },
      ],
    ],
    [
      'a lookup by local and foreign field, and a group',
      [
        { $lookup: { from: 'entries', localField: '_id', foreignField: 'memberId', as: 'e' } },
        { $group: { _id: '$orgId', n: { $sum: { $size: '$e' } } } },
        { $sort: { _id: 1 } },
      ],
    ],
  ])('answers as a scan would: %s', (_name, pipeline) => {
    const expected = scanned('members', pipeline);
    expect(emulated('members', pipeline)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });
});

describe('a projection that only includes fields (answered without mingo when it can)', () => {
  const shapes = store.ensure('shapes');
  const at = new Date('2026-12-01T01:00:00Z');
  const values: unknown[] = [
    undefined,
    null,
    0,
    '',
    'text',
    at,
    [],
    [1, 'x', null],
    { c: 1, b: 2 },
    { b: null, d: { e: 1 } },
    { b: [1, 2], c: at },
    [{ b: 1, c: 2 }, 3, null, [{ b: 4, c: 5 }, 6], { c: 7 }],
    { b: { c: { d: 1 } }, z: 'z' },
    { b: at },
  ];
  values.forEach((a, i) =>
    shapes.set(`s${i}`, {
      _id: `s${i}`,
      ...(a === undefined ? {} : { a }),
      z: i,
      r: [i, { q: i }],
      ...(i % 3 ? { m: { n: i, o: [i] } } : {}),
    }),
  );
  shapes.set('no-id-order', { z: 1, a: { c: 2, b: 1 }, _id: 'no-id-order' });
  shapes.set('object-id', { _id: { x: 1, y: 2 } as unknown as string, a: [{ b: 1 }, { b: 2 }] });

  it.each<[string, Record<string, unknown>]>([
    ['top-level fields', { z: 1, r: 1 }],
    ['nested paths, in any order', { 'a.c': 1, z: true, 'a.b': 1 }],
    ['deeper paths', { 'a.b.c': 1, 'm.o': 1, 'm.n': 1 }],
    ['without _id', { _id: 0, 'a.b': 1, z: 1 }],
    ['_id named', { z: 1, _id: 1 }],
    ['a path through arrays and dates', { 'a.c': 1, 'r.q': 1 }],
    // not this path's to answer: mingo decides, and the answer is still mingo's
    ['an exclusion', { a: 0 }],
    ['only _id left out', { _id: 0 }],
    ['an expression', { z: 1, y: { $add: ['$z', 1] } }],
    ['colliding paths', { a: 1, 'a.b': 1 }],
    ['an array position', { 'a.0': 1, z: 1 }],
    ["a field of _id's own", { '_id.x': 1, z: 1 }],
    ['a prototype name', { '__proto__.x': 1, z: 1 }],
  ])('answers exactly as mingo does, field order included: %s', (_name, $project) => {
    const pipeline = [{ $sort: { _id: 1 } }, { $project }];
    let expected: Doc[] | Error;
    try {
      expected = scanned('shapes', pipeline);
    } catch (e) {
      expected = e as Error;
    }
    if (expected instanceof Error) {
      expect(() => emulated('shapes', pipeline)).toThrow(expected.message);
      return;
    }
    const got = emulated('shapes', pipeline);
    expect(got).toEqual(expected);
    expect(JSON.stringify(got)).toBe(JSON.stringify(expected));
    expect(got.length).toBe(values.length + 2);
  });

  it('keeps the stored values themselves, as mingo does (nothing is copied or changed)', () => {
    const before = JSON.stringify([...shapes.values()]);
    const [doc] = emulated('shapes', [
      { $match: { _id: 's11' } },
      { $project: { 'a.b': 1, r: 1 } },
    ]);
    expect(doc.r).toBe(shapes.get('s11')!.r);
    expect(JSON.stringify([...shapes.values()])).toBe(before);
  });
});
