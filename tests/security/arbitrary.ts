import fc from 'fast-check';
import { z } from 'zod';
import { DEMO_NOW_MS } from '../../emulator/demo-instant';

/**
 * Inputs for the fuzz (fuzz.test.ts), drawn from an action's own input contract: the zod schema,
 * read as JSON Schema, gives objects with the right fields and types, and ids are taken from the
 * demo data, so most valid-looking inputs reach the use case (its permission checks, its rules,
 * its writes), not just the validator. `mutated` then breaks them one field at a time, and
 * `hostile` is free JSON with the contracts' field names and awkward values.
 */
type Schema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
};

/** Ids that exist in the demo data, by field name (`memberId` → members …). */
export type IdPools = Record<string, string[]>;

export const TEXTS = [
  ...['2026-05', '2026-13', '0000-01', '2099-01-01', '2026-05-20', '2026-H1', '2026-Q2', ''],
  ...[' ', '　', '联系电话+8613812345678', '１３８１２３４５６７８', '138-1234-5678', '长'],
  ...['110101199003077777', '<script>alert(1)</script>', '../x', '{"$gt":""}', '\u0000', '党'],
  ...['0000-01-01T00:00:00Z', '2026-05-20T09:00:00+08:00', 'DEMO-INVITE', 'nope', '党'.repeat(500)],
];

const instant = fc
  .integer({ min: -400 * 24, max: 400 * 24 })
  .map((h) => new Date(DEMO_NOW_MS + h * 3600_000).toISOString());
const date = instant.map((s) => s.slice(0, 10));

export const scalar = fc.oneof(
  { arbitrary: fc.constantFrom(...TEXTS), weight: 4 },
  { arbitrary: fc.string({ maxLength: 30 }), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 12 }), weight: 1 },
  { arbitrary: fc.integer({ min: -3, max: 400 }), weight: 2 },
  { arbitrary: fc.integer(), weight: 1 },
  { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 1 },
  { arbitrary: fc.constantFrom(true, false, null, 0, -1, 1e21, 2026, 202605), weight: 1 },
);

function stringOf(s: Schema, key: string, ids: IdPools): fc.Arbitrary<unknown> {
  if (s.format === 'date-time') return instant;
  const pool = ids[key] ?? (/Id$/.test(key) ? ids.any : undefined);
  if (pool?.length) return fc.oneof({ arbitrary: fc.constantFrom(...pool), weight: 5 }, scalar);
  if (/(^date$|On$|Date$)/.test(key)) return fc.oneof({ arbitrary: date, weight: 4 }, scalar);
  if (s.pattern) {
    const re = new RegExp(s.pattern);
    const known = TEXTS.filter((t) => re.test(t));
    return fc.oneof(
      { arbitrary: fc.stringMatching(re, { size: 'xsmall' }), weight: 3 },
      ...(known.length ? [fc.constantFrom(...known)] : []),
    );
  }
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 40, 40);
  return fc.oneof(
    { arbitrary: fc.string({ unit: 'grapheme', minLength: min, maxLength: max }), weight: 2 },
    { arbitrary: fc.constantFrom('支部会议', '党课', '学习材料', '情况说明', '会议室'), weight: 2 },
    scalar,
  );
}

function numberOf(s: Schema, integer: boolean): fc.Arbitrary<number> {
  const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1000);
  const max = Math.min(s.maximum ?? 100_000, min + 1_000_000);
  const near = integer
    ? fc.integer({ min, max: Math.min(max, min + 20) })
    : fc.double({ min, max, noNaN: true });
  const year = min <= 2026 && max >= 2026 ? [fc.constantFrom(2025, 2026)] : [];
  return fc.oneof(
    ...year,
    near,
    integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true }),
  );
}

/** A value that fits the schema (mostly: patterns and refinements are only approximated). */
export function fromSchema(s: Schema, ids: IdPools, key = ''): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const union = s.anyOf ?? s.oneOf;
  if (union) return fc.oneof(...union.map((u) => fromSchema(u, ids, key)));
  if (s.allOf?.length) return fromSchema(Object.assign({}, ...s.allOf), ids, key);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object': {
      const props = Object.entries(s.properties ?? {});
      const required = new Set(s.required ?? []);
      const parts = props.map(([k, p]) => [k, fromSchema(p, ids, k)] as const);
      return fc.record(Object.fromEntries(parts), {
        requiredKeys: props.map(([k]) => k).filter((k) => required.has(k)),
      });
    }
    case 'array': {
      const item = s.items ? fromSchema(s.items, ids, key) : scalar;
      const minLength = s.minItems ?? 0;
      return fc.array(item, { minLength, maxLength: Math.min(s.maxItems ?? 5, minLength + 5) });
    }
    case 'string':
      return stringOf(s, key, ids);
    case 'integer':
      return numberOf(s, true);
    case 'number':
      return numberOf(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return scalar;
  }
}

/** The contract's input as JSON Schema (zod 4), with what JSON cannot say left open. */
export function schemaOf(input: z.ZodType): Schema {
  return z.toJSONSchema(input, { unrepresentable: 'any', io: 'input' }) as Schema;
}

/** A valid-looking object with one thing broken: a key dropped, an unknown key, a value swapped. */
export function mutated(valid: fc.Arbitrary<unknown>, fields: string[]): fc.Arbitrary<unknown> {
  return fc
    .tuple(valid, fc.nat(), fc.constantFrom(...fields), scalar, fc.integer({ min: 0, max: 2 }))
    .map(([v, i, extra, junk, how]) => {
      if (!v || typeof v !== 'object' || Array.isArray(v)) return junk;
      const copy: Record<string, unknown> = { ...(v as Record<string, unknown>) };
      const keys = Object.keys(copy);
      const k = keys.length ? keys[i % keys.length] : extra;
      if (how === 0) delete copy[k];
      else if (how === 1) copy[extra === k ? `${extra}X` : extra] = junk;
      else copy[k] = junk;
      return copy;
    });
}

/** Free JSON whose objects use the given field names (nested, a few levels deep). */
export function hostile(fields: string[]): fc.Arbitrary<unknown> {
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      scalar,
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(fc.constantFrom(...fields), tie('value'), { maxKeys: 4 }),
    ),
  }));
  return fc.oneof(
    { arbitrary: fc.dictionary(fc.constantFrom(...fields), value, { maxKeys: 8 }), weight: 4 },
    { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );
}
