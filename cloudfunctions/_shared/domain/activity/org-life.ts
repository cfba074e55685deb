import { fail, ok, Result } from '../shared/result';

/**
 * The 组织生活会 workflow, in order [MTG-30]: topic agreed with the superior → study → 谈心谈话 and
 * opinions → the meeting (问题查摆, criticism and self-criticism) → report to the superior →
 * rectification list with owners and deadlines.
 */
export const ORG_LIFE_STEPS = [
  'topicAgreed',
  'study',
  'talks',
  'meeting',
  'reported',
  'rectification',
] as const;
export type OrgLifeStep = (typeof ORG_LIFE_STEPS)[number];

export const ORG_LIFE_STEP_LABELS: Record<OrgLifeStep, string> = {
  topicAgreed: '会前与上级党组织商定主题',
  study: '会前学习',
  talks: '谈心谈话、征求意见',
  meeting: '召开会议（问题查摆、批评和自我批评）',
  reported: '会后向上级党组织报告',
  rectification: '制定整改清单（明确责任人和时限）',
};

/** Whether `step` may be recorded now, given the steps done and the meeting's start. */
export function mayRecordStep(f: {
  step: OrgLifeStep;
  done: readonly OrgLifeStep[];
  now: Date;
  meetingStart: Date;
  rectificationItems: number;
}): Result<true> {
  const at = ORG_LIFE_STEPS.indexOf(f.step);
  const missing = ORG_LIFE_STEPS.slice(0, at).find((s) => !f.done.includes(s));
  if (missing)
    return fail(
      'ORGLIFE.STEP_ORDER',
      `请先完成“${ORG_LIFE_STEP_LABELS[missing]}”，再记录“${ORG_LIFE_STEP_LABELS[f.step]}”`,
      'MTG-30',
      { missing },
    );
  if (at >= ORG_LIFE_STEPS.indexOf('meeting') && f.now < f.meetingStart)
    return fail('ORGLIFE.STEP_ORDER', '组织生活会还没有召开，不能记录会议及会后的步骤', 'MTG-30');
  if (f.step === 'rectification' && f.rectificationItems === 0)
    return fail('ORGLIFE.STEP_ORDER', '整改清单至少要有一项，并写明责任人和完成时限', 'MTG-30');
  return ok(true);
}
