// mingo's subpath modules (see aggregate.ts): the operator tables.
const { Context } = require('mingo/core') as typeof import('mingo/types/core');
const ops = (name: string) => require(`mingo/operators/${name}`) as Record<string, any>;

type Options = unknown;
type Predicate = (obj: Record<string, unknown>) => boolean;

const primitive = (v: unknown): v is string | number | boolean =>
  typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && v === v);

/**
 * `$in` with its list in a Set when every listed value is a plain string, number or boolean (the
 * ids and statuses our queries list): mingo hashes the whole list again for every document, which
 * made a `$match` of 100,000 attendance rows on 100 org ids take seconds. The answer is the same —
 * a primitive equals only itself — and any other list (null, dates, regexes, objects) goes to
 * mingo's own `$in`.
 */
function $in(selector: string, value: unknown, options: Options): Predicate {
  const mingoIn = ops('query').$in(selector, value, options) as Predicate;
  if (selector.includes('.') || !Array.isArray(value) || !value.every(primitive)) return mingoIn;
  const set = new Set<unknown>(value);
  return (obj) => {
    const v = obj?.[selector];
    return primitive(v) ? set.has(v) : mingoIn(obj);
  };
}

/** mingo's query operators with the fast `$in`. */
export const queryOperators = { ...ops('query'), $in };

/** A mingo context with every operator table, the query table's `$in` replaced. */
export function contextWith(pipeline: Record<string, unknown>) {
  return Context.init({
    accumulator: ops('accumulator'),
    expression: ops('expression'),
    pipeline,
    projection: ops('projection'),
    query: queryOperators,
    window: ops('window'),
  } as Parameters<typeof Context.init>[0]);
}
