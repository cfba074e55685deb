/**
 * A property-based fuzz of every action of every function (issue 10, item 4a), through the
 * emulator's HTTP route as a client would call it, with JSON-ish data that is partly random and
 * partly near-valid (real field names, real demo ids, edge dates and numbers), as five identities.
 * For every input:
 * - the reply is the envelope of api.md §1, `{ok:true,data}` or `{ok:false,error:{code,message}}`,
 *   with a code of contracts/errors.ts, and never INTERNAL (a crash);
 * - no stack trace, file path or exception name appears in an error;
 * - a refused call writes nothing (the whole store is compared before and after).
 * Each action starts from the demo seed. CI runs a fixed seed and a fixed number of runs per
 * action; `FUZZ_RUNS=500 npx jest tests/security/fuzz` runs longer, `FUZZ_SEED=n` another seed.
 */
import fc from 'fast-check';
import type { z } from 'zod';
import { activityContract } from '../../cloudfunctions/_shared/contracts/activity';
import { appraisalContract } from '../../cloudfunctions/_shared/contracts/appraisal';
import { duesContract } from '../../cloudfunctions/_shared/contracts/dues';
import { ERRORS } from '../../cloudfunctions/_shared/contracts/errors';
import { exportContract } from '../../cloudfunctions/_shared/contracts/export';
import { mediaContract } from '../../cloudfunctions/_shared/contracts/media';
import { noticeContract } from '../../cloudfunctions/_shared/contracts/notice';
import { orgContract } from '../../cloudfunctions/_shared/contracts/org';
import { pointsContract } from '../../cloudfunctions/_shared/contracts/points';
import type { ActionName, FunctionName } from '../../miniprogram/services/types';
import { Backend, snapshot, startBackend } from '../support/backend';
import { fromSchema, hostile, IdPools, mutated, scalar, schemaOf } from './arbitrary';

/** Every action of the contract, with its input schema; typed by `Api`, so none can be left out. */
const CONTRACTS: { [F in FunctionName]: Record<ActionName<F>, { input: z.ZodType }> } = {
  org: orgContract,
  activity: activityContract,
  points: pointsContract,
  notice: noticeContract,
  dues: duesContract,
  export: exportContract,
  appraisal: appraisalContract,
  media: mediaContract,
};
const CASES = (Object.keys(CONTRACTS) as FunctionName[]).flatMap((fn) =>
  Object.keys(CONTRACTS[fn]).map((action) => [fn, action] as [FunctionName, string]),
);

const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_001);
const IDENTITIES: Record<string, string | undefined> = {
  anonymous: undefined,
  stranger: 'wx-fuzz-stranger',
  member: 'demo-member-1',
  secretary: 'demo-secretary',
  superior: 'demo-superior',
};

/** Field names of the contracts (and a few hostile ones), for the free-form inputs. */
const FIELDS = [
  ...new Set(
    CASES.flatMap(([fn, action]) => Object.keys(schemaOf(input(fn, action)).properties ?? {})),
  ),
  ...['__proto__', 'constructor', '$where', '_id'],
];
const who = fc.constantFrom(...Object.keys(IDENTITIES));

function input(fn: FunctionName, action: string): z.ZodType {
  return (CONTRACTS[fn] as Record<string, { input: z.ZodType }>)[action].input;
}

/** The ids of the demo data, by the field names that carry them. */
function idPools(): IdPools {
  const ids = (coll: string) => b.docs<{ _id: string }>(coll).map((d) => d._id);
  const members = ids('members');
  const orgs = ids('orgs');
  const pools: IdPools = {
    orgId: orgs,
    parentId: orgs,
    memberId: members,
    hostId: members,
    recorderId: members,
    proxyMemberId: members,
    activityId: ids('activities'),
    noticeId: ids('notices'),
    matterId: ids('notices'),
    appealId: ids('pointAppeals'),
    entryId: ids('pointEntries'),
    code: ids('invites'),
  };
  pools.any = [...new Set(Object.values(pools).flat()), 'nope'];
  return pools;
}

/** Mostly inputs that fit the contract (so the use case runs), else one broken field, else junk. */
function dataFor(fn: FunctionName, action: string, ids: IdPools): fc.Arbitrary<unknown> {
  const valid = fromSchema(schemaOf(input(fn, action)), ids);
  return fc.oneof(
    { arbitrary: valid, weight: 5 },
    { arbitrary: mutated(valid, FIELDS), weight: 3 },
    { arbitrary: hostile(FIELDS), weight: 2 },
  );
}

const CODES = new Set(Object.keys(ERRORS));
/** What must never reach a caller: a stack frame, a source path, an exception's name. */
const LEAK =
  /\n\s*at |\bat [\w$.<>]+ \(|\w\.(ts|js|mjs)\b|\/work\/|node_modules|file:\/\/|\w*Error\b/;

let b: Backend;
let inputs = 0;
const refusedByCode = new Map<string, number>();
beforeAll(async () => {
  b = await startBackend();
});
afterAll(async () => {
  const ok = inputs - [...refusedByCode.values()].reduce((s, n) => s + n, 0);
  console.log(
    `fuzz: ${inputs} inputs over ${CASES.length} actions × ${Object.keys(IDENTITIES).length} ` +
      `identities (seed ${SEED}, ${RUNS} runs each): ${ok} accepted, ${inputs - ok} refused ` +
      `(${[...refusedByCode].map(([c, n]) => `${c} ${n}`).join(', ')}); ` +
      '0 broken envelopes, 0 leaks, 0 writes on refusal',
  );
  await b?.close();
});

/** One call as a client makes it: POST /functions/<fn> with the caller's OPENID, if any. */
async function call(fn: string, event: unknown, openid: string | undefined): Promise<any> {
  const res = await fetch(`${b.url}/functions/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-wx-openid': openid } : {}) },
    body: JSON.stringify(event),
  });
  inputs += 1;
  return res.json();
}

/** The envelope of api.md §1; for a refusal, a catalogue code other than INTERNAL, and no leak. */
function checkEnvelope(body: any, where: string): void {
  const shape = body && typeof body === 'object' ? body : {};
  if (shape.ok === true) {
    expect([where, 'data' in shape]).toEqual([where, true]);
    return;
  }
  expect([where, shape.ok, typeof shape.error?.message]).toEqual([where, false, 'string']);
  expect([where, CODES.has(shape.error.code), shape.error.code]).toEqual([
    where,
    true,
    expect.not.stringMatching(/^INTERNAL$/),
  ]);
  expect([where, shape.error.message.length > 0]).toEqual([where, true]);
  expect([where, JSON.stringify(shape.error)]).toEqual([where, expect.not.stringMatching(LEAK)]);
  refusedByCode.set(shape.error.code, (refusedByCode.get(shape.error.code) ?? 0) + 1);
}

describe('fuzz: every action, arbitrary data, five identities (issue 10, item 4a)', () => {
  it('lists exactly the actions the functions route (an unknown one is INPUT.UNKNOWN_ACTION)', async () => {
    for (const [fn, action] of CASES) {
      const res = await call(fn, { action, data: {} }, 'demo-secretary');
      expect([fn, action, res.error?.code]).not.toEqual([fn, action, 'INPUT.UNKNOWN_ACTION']);
    }
    for (const fn of Object.keys(CONTRACTS)) {
      const res = await call(fn, { action: 'notAnAction' }, 'demo-secretary');
      expect(res.error.code).toBe('INPUT.UNKNOWN_ACTION');
    }
  });

  it.each(CASES)(
    '%s.%s: always the envelope, no leak, a refusal writes nothing',
    async (fn, action) => {
      await b.reset('demo');
      await fc.assert(
        fc.asyncProperty(who, dataFor(fn, action, idPools()), async (identity, d) => {
          const before = snapshot(b);
          const event = d === undefined ? { action } : { action, data: d };
          const body = await call(fn, event, IDENTITIES[identity]);
          const where = `${fn}.${action} as ${identity} with ${JSON.stringify(d)?.slice(0, 300)}`;
          checkEnvelope(body, where);
          if (!body.ok) expect([where, snapshot(b) === before]).toEqual([where, true]);
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    },
  );

  it('the timer-only scheduler: any client call, with any event, is refused and writes nothing [PRIV-22]', async () => {
    await b.reset('demo');
    const event = fc.oneof(
      fc.record({ Type: fc.constantFrom('Timer', 'timer'), TriggerName: scalar, Time: scalar }),
      hostile(FIELDS),
    );
    await fc.assert(
      fc.asyncProperty(who, event, async (identity, e) => {
        const before = snapshot(b);
        const body = await call('scheduler', e ?? {}, IDENTITIES[identity]);
        const where = `scheduler as ${identity} with ${String(JSON.stringify(e)).slice(0, 300)}`;
        checkEnvelope(body, where);
        expect([where, body.ok]).toEqual([where, false]);
        expect([where, snapshot(b) === before]).toEqual([where, true]);
      }),
      { seed: SEED, numRuns: RUNS * 2, endOnFailure: true },
    );
  });
  it('reaches the use cases: a good share of the inputs get past validation and identity', () => {
    // Without this, a broken identity header (every call AUTH.UNBOUND) or a schema that refuses
    // everything would satisfy every property above while testing nothing behind the edge.
    const stopped =
      (refusedByCode.get('INPUT.INVALID') ?? 0) + (refusedByCode.get('AUTH.UNBOUND') ?? 0);
    expect(inputs).toBeGreaterThan(0);
    expect((inputs - stopped) / inputs).toBeGreaterThan(0.15);
  });
});
