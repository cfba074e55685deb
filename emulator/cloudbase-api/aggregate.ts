// mingo's subpath modules, by `exports` (which TypeScript's node10 resolution does not read, so
// their types come from mingo/types): the operator tables, to register an indexed `$lookup`.
const { Aggregator } = require('mingo/aggregator') as typeof import('mingo/types/aggregator');
const { evalExpr } = require('mingo/core') as typeof import('mingo/types/core');
const { Lazy } = require('mingo/lazy') as typeof import('mingo/types/lazy');
const ops = (name: string) => require(`mingo/operators/${name}`) as Record<string, any>;
const pipelineOperators = ops('pipeline') as typeof import('mingo/types/operators/pipeline');
import type { Doc } from '../store';
import { contextWith } from './fast-in';
import { fastProject } from './fast-project';

type Query = Record<string, unknown>;
type Stage = Record<string, any>;

export interface AggregateDeps {
  /** Every document of a collection (throws for an unknown collection, as CloudBase does). */
  all(name: string): Doc[];
  /** A superset of the documents of a collection a query matches, narrowed by an index. */
  candidates(name: string, query: Query): Doc[];
}

/**
 * Aggregation on mingo, with the foreign side of a correlated `$lookup` narrowed by an index,
 * as MongoDB does for `$expr: { $eq: ['$field', '$$var'] }` in a sub-pipeline's leading `$match`.
 * mingo scans the whole foreign collection once per input document (500,000 entries per
 * member); here each document's variables pick the candidates, and mingo still runs the whole
 * sub-pipeline on them, so the answer is the same. Nested lookups are narrowed the same way.
 */
export function createAggregate(deps: AggregateDeps) {
  const $lookup = pipelineOperators.$lookup;
  const indexedLookup: typeof $lookup = (coll, expr, options) => {
    const e = expr as Stage;
    const narrow =
      typeof e?.from === 'string' && Array.isArray(e.pipeline) && e.let && !e.localField
        ? narrowing(e.pipeline)
        : null;
    if (!narrow) return $lookup(coll, expr, options);
    return coll.map((obj) => {
      const vars = evalExpr(obj, e.let, options) as Record<string, unknown>;
      const query = narrow(vars);
      const from = query ? deps.candidates(e.from, query) : deps.all(e.from);
      return $lookup(
        Lazy([obj]),
        { ...e, from } as unknown as Parameters<typeof $lookup>[1],
        options,
      ).collect()[0];
    });
  };
  const context = contextWith({
    ...pipelineOperators,
    $lookup: indexedLookup,
    $project: fastProject,
  });

  return function aggregate(name: string, pipeline: Stage[]): Doc[] {
    const first = pipeline[0]?.$match as Query | undefined;
    const input = first && !('$expr' in first) ? deps.candidates(name, first) : deps.all(name);
    return new Aggregator(pipeline, {
      context,
      collectionResolver: (n: string) => deps.all(n),
    }).run(input) as Doc[];
  };
}

const primitive = (v: unknown): v is string | number | boolean =>
  typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && v === v);

/**
 * From the leading `$match` stages of a sub-pipeline: a query per input document's variables
 * that every matching foreign document satisfies (plain `field: value` pairs and
 * `$expr: { $eq: ['$field', '$$var'] }`, also under `$and`), or null when there is none.
 */
function narrowing(pipeline: Stage[]): ((vars: Record<string, unknown>) => Query | null) | null {
  const fixed: Query = {};
  const bound: [string, string][] = [];
  for (const stage of pipeline) {
    if (!stage || typeof stage !== 'object' || !('$match' in stage)) break;
    for (const [k, v] of Object.entries((stage.$match ?? {}) as Query)) {
      if (k === '$expr') equalities(v, bound);
      else if (!k.startsWith('$') && !k.includes('.') && primitive(v)) fixed[k] = v;
    }
  }
  if (bound.length === 0 && Object.keys(fixed).length === 0) return null;
  return (vars) => {
    const q: Query = { ...fixed };
    for (const [field, name] of bound) if (primitive(vars?.[name])) q[field] = vars[name];
    return Object.keys(q).length > 0 ? q : null;
  };
}

function equalities(expr: unknown, out: [string, string][]): void {
  const e = expr as { $and?: unknown[]; $eq?: unknown[] } | null;
  if (!e || typeof e !== 'object') return;
  if (Array.isArray(e.$and)) for (const x of e.$and) equalities(x, out);
  if (!Array.isArray(e.$eq) || e.$eq.length !== 2) return;
  const field = (x: unknown) =>
    typeof x === 'string' && /^\$[^$.][^.]*$/.test(x) ? x.slice(1) : null;
  const variable = (x: unknown) =>
    typeof x === 'string' && /^\$\$[^.]+$/.test(x) ? x.slice(2) : null;
  const [a, b] = e.$eq;
  if (field(a) && variable(b)) out.push([field(a)!, variable(b)!]);
  else if (field(b) && variable(a)) out.push([field(b)!, variable(a)!]);
}
