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
