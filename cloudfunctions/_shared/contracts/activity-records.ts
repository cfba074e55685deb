import { z } from 'zod';
import { id, publicText } from './common';
import { DECISION_TYPES } from '../domain/activity/decisions';

/** The parts of the 纪实 record's input that are particular to 三会一课 (MTG). */

export { DECISION_TYPES } from '../domain/activity/decisions';
export type { DecisionType } from '../domain/activity/decisions';
/** Who gives a 党课 [MTG-07, EDU-06]. */
export const LECTURER_KINDS = [
  'partyCommitteeSecretary',
  'branchSecretary',
  'leadingCadre',
  'member',
  'guest',
] as const;
const tally = z
  .object({
    yes: z.number().int().min(0).max(10000),
    no: z.number().int().min(0).max(10000),
    abstain: z.number().int().min(0).max(10000),
  })
  .strict();
/** One agenda item of a record with its resolution [MTG-11, MTG-12, MTG-25, MTG-26]. */
export const recordItem = z
  .object({
    title: publicText(60),
    resolution: publicText(500).optional(),
    tally: tally.optional(),
    decision: z.enum(DECISION_TYPES).optional(),
    /** An important matter (三重一大 and the like): goes to the 支委会 first [MTG-25]. */
    major: z.boolean().optional(),
    /** The earlier 支委会 that discussed it [MTG-25]. */
    committeeMeetingId: id.optional(),
    /** The committee member who carries it out [MTG-12]. */
    responsibleId: id.optional(),
  })
  .strict();
export type RecordItem = z.infer<typeof recordItem>;
