/**
 * What an agenda item decides. The first ten only the 支部党员大会 may decide [MTG-26]; those and
 * 三重一大 are important matters reported to the superior [MTG-23].
 */
export const DECISION_TYPES = [
  'admitProbationary',
  'fullMembership',
  'extendProbation',
  'cancelProbation',
  'election',
  'delegateNomination',
  'commendation',
  'disposal',
  'discipline',
  'acceptCommitteeReport',
  'majorMatter',
  'other',
] as const;
export type DecisionType = (typeof DECISION_TYPES)[number];

/** Decisions only the 支部党员大会 may take [MTG-26]: every type but 三重一大 and 其他. */
export const ASSEMBLY_ONLY: readonly DecisionType[] = DECISION_TYPES.filter(
  (t) => t !== 'majorMatter' && t !== 'other',
);
