import type { SpotResult } from '../contracts/org-oversight';
import { createHash } from 'crypto';
import { _, collection, insertOnce, Tx } from './db';

/**
 * `spot:` + 32 hex of sha256(`<rootId>:<year>:Q<quarter>:<orgId>`): one id per branch per drawn
 * quarter (a second draw hits it), short enough for an action's id (≤ 64; two org ids are 64
 * alone).
 */
export const spotCheckId = (rootId: string, year: number, quarter: number, orgId: string) =>
  `spot:${createHash('sha256').update(`${rootId}:${year}:Q${quarter}:${orgId}`).digest('hex').slice(0, 32)}`;

/**
 * Spot checks [MTG-37]: one document per drawn check, `_id = spotCheckId(rootId, year, quarter,
 * orgId)`, written when the quarter's sample is drawn (with the seed it was drawn with) and
 * completed once when its result is recorded [ORG-30, FORT-24].
 */
export interface SpotCheckDoc {
  _id: string;
  /** The org that drew the sample (the 基层党委, 县 or 市). */
  rootId: string;
  /** The branch checked. */
  orgId: string;
  year: number;
  quarter: number;
  seed: string;
  drawnAt: Date;
  drawnBy: string;
  result: SpotResult | null;
  fiveStandardsFailed: boolean;
  findings: string | null;
  recordedAt: Date | null;
  recordedBy: string | null;
}

const checks = collection<SpotCheckDoc>('spotChecks');

/** A year's checks drawn by `rootId`, by quarter then org. */
export const spotChecksOfRoot = (rootId: string, year: number): Promise<SpotCheckDoc[]> =>
  checks.all(
    checks.ref().where({ rootId, year }).orderBy('quarter', 'asc').orderBy('orgId', 'asc'),
  );

/**
 * The last recorded check of the year of each of these branches, whoever drew it (one query):
 * the dashboard's column and the 五化 mark [ORG-30].
 */
export async function lastSpotChecks(
  orgIds: readonly string[],
  year: number,
): Promise<Map<string, SpotCheckDoc>> {
  if (!orgIds.length) return new Map();
  const docs = await checks.all(
    checks
      .ref()
      .where({ orgId: _.in([...orgIds]), year, result: _.neq(null) })
      .orderBy('recordedAt', 'asc'),
  );
  return new Map(docs.map((d) => [d.orgId, d]));
}

export const findSpotCheck = (id: string, tx?: Tx) => checks.byId(id, tx);

export async function insertSpotChecks(docs: readonly SpotCheckDoc[], tx: Tx): Promise<void> {
  for (const d of docs) await checks.add(d, tx);
}

export async function recordSpotCheckResult(
  id: string,
  patch: Pick<
    SpotCheckDoc,
    'result' | 'fiveStandardsFailed' | 'findings' | 'recordedAt' | 'recordedBy'
  >,
  tx: Tx,
): Promise<void> {
  await checks
    .ref(tx)
    .doc(id)
    .update({ data: { ...patch } });
}

/**
 * The log of a quarter's draw [MTG-37], `_id = <rootId>:<year>:Q<quarter>`: its seed and sample.
 * Written first in the draw's transaction, so a second draw of the quarter — even one at the same
 * instant with another seed — hits the `_id` and is refused.
 */
export interface SpotDrawDoc {
  _id: string;
  rootId: string;
  year: number;
  quarter: number;
  seed: string;
  sample: string[];
  drawnAt: Date;
  drawnBy: string;
}

export const spotDrawId = (rootId: string, year: number, quarter: number) =>
  `${rootId}:${year}:Q${quarter}`;

/** False when the quarter was drawn already. */
export const insertSpotDraw = (doc: SpotDrawDoc, tx: Tx): Promise<boolean> =>
  insertOnce('spotCheckDraws', doc, tx);
