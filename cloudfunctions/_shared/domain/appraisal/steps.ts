import type { Profile, Sector } from '../org/model';
import { fail, ok, Result } from '../shared/result';
import {
  hasRuralTopics,
  secretarySteps,
  STEP_WORDS,
  type BallotBox,
  type SecretaryStep,
} from './model';

/**
 * The order of a secretary review [SEC-07, SEC-08, SEC-09, SEC-17]: report (approved) →
 * assembly (its box closed, and in 农村/社区 or under `jiaozuo` the 群众代表 box too) → committee
 * (its box closed and the leader's 点评 recorded; `jiaozuo` has no such step) → grade → publish.
 */
export type Step = SecretaryStep | 'done';

/** The step after `step` under the profile ('done' after the last). */
export function nextStep(profile: Profile, step: Step): Step {
  const steps = secretarySteps(profile);
  const i = steps.indexOf(step as SecretaryStep);
  return i < 0 || i === steps.length - 1 ? 'done' : steps[i + 1];
}

const STEP_RULE: Record<SecretaryStep, string> = {
  report: 'SEC-07',
  assembly: 'SEC-08',
  committee: 'SEC-09',
  grade: 'SEC-10',
  publish: 'SEC-14',
};

/** Refuses an action of `expected` while the campaign is at another step. */
export function requireStep(current: Step, expected: SecretaryStep): Result<true> {
  if (current === expected) return ok(true);
  return fail(
    'APPRAISAL.STEP_ORDER',
    current === 'done'
      ? '这次评议已经完成'
      : `现在是“${STEP_WORDS[current]}”阶段，还不能进行“${STEP_WORDS[expected]}”`,
    STEP_RULE[expected],
  );
}

/** The step a ballot box belongs to. */
export const boxStep = (box: BallotBox): SecretaryStep =>
  box === 'committee' ? 'committee' : 'assembly';

/** Whether the 群众代表 box is part of the assembly step [SEC-08, SEC-17]. */
export const needsMasses = (category: Sector, profile: Profile): boolean =>
  hasRuralTopics(category) || profile === 'jiaozuo';

/** Whether the box may be opened for this org at all (群众代表 only in 农村/社区, jiaozuo). */
export function checkBoxAllowed(box: BallotBox, category: Sector, profile: Profile): Result<true> {
  if (box === 'committee' && profile === 'jiaozuo')
    return fail('APPRAISAL.STEP_ORDER', '评书记没有向基层党委述职这一步', 'SEC-17');
  if (box === 'masses' && !needsMasses(category, profile))
    return fail('APPRAISAL.STEP_ORDER', '只有农村、社区的书记述职评议请群众代表测评', 'SEC-08');
  return ok(true);
}

type Closed = Partial<Record<BallotBox, boolean>>;

/** Whether the current step is complete, so the campaign moves on. */
export function stepComplete(
  step: Step,
  o: { category: Sector; profile: Profile; closed: Closed; leaderComment: boolean },
): boolean {
  if (step === 'assembly')
    return !!o.closed.assembly && (!needsMasses(o.category, o.profile) || !!o.closed.masses);
  if (step === 'committee') return !!o.closed.committee && o.leaderComment;
  return false;
}
