/** Compliance items and absence alerts as the page shows them; the backend judged both. */
import type { AbsenceAlert, ComplianceItem } from '../../../services/types';
import { frequencyLabels, periodText, typeLabels } from '../../../utils/activity-view';

export function toItemView(i: ComplianceItem) {
  return {
    key: `${i.type}:${i.frequency}:${i.ruleId}`,
    typeText: typeLabels[i.type] ?? i.type,
    frequencyText: frequencyLabels[i.frequency] ?? i.frequency,
    counts: `应开 ${i.required} 次 · 已开 ${i.held} 次`,
    complete: i.missing.length === 0,
    missingText: i.missing.map(periodText).join('、'),
  };
}

/** Worded as a prompt to talk with the member, never as a verdict [TD-22]. */
export function toAlertView(a: AbsenceAlert) {
  const what =
    a.kind === 'consecutiveAbsences'
      ? `连续${a.count}次未参加主题党日`
      : `今年累计${a.count}次未参加主题党日`;
  return { key: `${a.memberId}:${a.kind}`, text: `需关注：${a.name} ${what}，请支部谈心了解情况` };
}
