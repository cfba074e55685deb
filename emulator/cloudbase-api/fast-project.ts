// mingo's subpath modules (see aggregate.ts): the pipeline table's own `$project`.
const { Lazy } = require('mingo/lazy') as typeof import('mingo/types/lazy');
const mingoProject = (require('mingo/operators/pipeline') as Record<string, any>)
  .$project as Project;

type Project = (coll: any, expr: unknown, options: unknown) => any;
type Tree = { keys: string[]; at: Record<string, Tree | true> };
type Plan = { tree: Tree; implicitId: boolean };

/** The value mingo keeps for a missing field or a path through something that is not a document. */
const SKIP = Symbol('skip');
/** A value this fast path does not decide (a class instance on the way): mingo answers the document. */
const UNSURE = Symbol('unsure');

const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);

const isPlain = (v: unknown): v is Record<string, unknown> => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/**
 * A `$project` stage that only includes fields (`{ a: 1, 'b.c': true }`, with `_id: 0` allowed),
 * picked without mingo's general machinery: the projection of every `$lookup` sub-pipeline ran
 * through mingo's resolver for each of thousands of joined documents. The answer is mingo's own —
 * the same fields, in mingo's order (included fields sorted, an implicit `_id` last), nested
 * documents and arrays of documents narrowed alike, a path through a value that is not a document
 * dropped, the values themselves shared as mingo shares them. Any other projection (exclusions,
 * expressions, positional or colliding paths), and any document with a class instance on a
 * projected path, goes to mingo's `$project`. `tests/emulator/aggregate.test.ts` compares the two.
 */
export const fastProject: Project = (coll, expr, options) => {
  const plan = planOf(expr);
  if (!plan) return mingoProject(coll, expr, options);
  return coll.map((doc: Record<string, unknown>) => {
    const out = pick(doc, plan.tree);
    if (out === UNSURE) return mingoProject(Lazy([doc]), expr, options).collect()[0];
    if (plan.implicitId && Object.prototype.hasOwnProperty.call(doc, '_id')) out._id = doc._id;
    return out;
  });
};

function planOf(expr: unknown): Plan | null {
  if (!isPlain(expr)) return null;
  const root: Tree = { keys: [], at: Object.create(null) };
  let implicitId = true;
  let included = 0;
  for (const [path, v] of Object.entries(expr)) {
    if (path === '_id' && (v === 0 || v === false)) {
      implicitId = false;
      continue;
    }
    if (v !== 1 && v !== true) return null;
    const parts = path.split('.');
    // array positions, `_id`'s own fields and prototype names are mingo's to answer
    if (parts.some((p) => p === '' || p.startsWith('$') || /^\d+$/.test(p) || UNSAFE.has(p)))
      return null;
    if (parts.length > 1 && parts[0] === '_id') return null;
    if (path === '_id') implicitId = false;
    let node = root;
    for (let i = 0; i < parts.length; i++) {
      const key = parts[i];
      const last = i === parts.length - 1;
      const here = node.at[key];
      if (here === true || (last && here)) return null; // colliding paths: mingo decides
      if (last) node.at[key] = true;
      else
        node =
          (node.at[key] as Tree | undefined) ??
          (node.at[key] = { keys: [], at: Object.create(null) });
    }
    included += 1;
  }
  if (included === 0) return null; // `{ _id: 0 }` alone excludes: mingo's case
  sortKeys(root);
  return { tree: root, implicitId };
}

function sortKeys(t: Tree): void {
  t.keys = Object.keys(t.at).sort();
  for (const k of t.keys) if (t.at[k] !== true) sortKeys(t.at[k] as Tree);
}

function pick(doc: Record<string, unknown>, t: Tree): Record<string, unknown> | typeof UNSURE {
  const out: Record<string, unknown> = {};
  for (const k of t.keys) {
    const v = doc[k];
    const sub = t.at[k];
    if (sub === true) {
      if (v !== undefined) out[k] = v;
      continue;
    }
    const r = narrow(v, sub);
    if (r === UNSURE) return UNSURE;
    if (r !== SKIP) out[k] = r;
  }
  return out;
}

/** A value on the way to nested fields: a document is narrowed, an array element by element. */
function narrow(v: unknown, t: Tree): unknown {
  if (v === undefined || v === null || typeof v !== 'object') return SKIP;
  if (Array.isArray(v)) {
    const out: unknown[] = [];
    for (const e of v) {
      const r = narrow(e, t);
      if (r === UNSURE) return UNSURE;
      if (r !== SKIP) out.push(r);
    }
    return out;
  }
  if (!isPlain(v)) return UNSURE;
  return pick(v, t);
}
