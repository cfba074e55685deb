/** Compliance items and absence alerts as the page shows them; the backend judged both. */
import type { AbsenceAlert, BranchInactivity, ComplianceItem } from '../../../services/types';
import { dayText, frequencyLabels, periodText, typeLabels } from '../../../utils/activity-view';

export function toItemView(i: ComplianceItem) {
  return {
    key: `${i.type}:${i.frequency}:${i.ruleId}`,
    typeText: typeLabels[i.type] ?? i.type,
    frequencyText: frequencyLabels[i.frequency] ?? i.frequency,
    counts: `应开 ${i.required} 次 · 已开 ${i.held} 次`,
    complete: i.missing.length === 0,
    missingText: i.missing.map(periodText).join('、'),
    notCounted: (i.notCounted ?? []).map(toNotCountedView),
  };
}

/**
 * A held meeting that does not count, with why, and the one tap that fixes it: the 主持台, where
 * the record form and the close are [MTG-27, TD-30].
 */
export function toNotCountedView(n: ComplianceItem['notCounted'][number]) {
  const notClosed = n.reasons.some((r) => r.includes('尚未结束'));
  // Only a late registration waiting for the superior is fixed on the activity's own page,
  // where the superior approves it [MTG-18]; everything else on the 主持台.
  const onlyApproval = n.reasons.length === 1 && n.reasons[0].includes('补录');
  const id = encodeURIComponent(n.activityId);
  return {
    key: n.activityId,
    title: n.title,
    dayText: dayText(`${n.date}T12:00:00+08:00`),
    reasons: n.reasons,
    url: onlyApproval
      ? `/subpackages/activity/detail/index?id=${id}`
      : `/subpackages/activity/host/index?id=${id}`,
    action: onlyApproval ? '查看补录审批' : notClosed ? '去结束活动并补全纪实' : '去补全纪实',
  };
}

/** Worded as a prompt to talk, never as a verdict [TD-22]; the early warning one step before [TD-23]. */
export function toAlertView(a: AbsenceAlert) {
  const what =
    a.kind === 'consecutiveAbsences' || a.kind === 'consecutiveWarning'
      ? `连续${a.count}次未参加主题党日`
      : `今年累计${a.count}次未参加主题党日`;
  const lead = a.ruleId === 'TD-23' ? '提前提醒' : '需关注';
  return {
    key: `${a.memberId}:${a.kind}`,
    text: `${lead}：${a.name} ${what}，请支部谈心了解情况`,
  };
}

/** Days without an organisational-life record, yellow at the limit [FORT-22]. */
export function toInactivityView(i: BranchInactivity | null) {
  if (!i) return null;
  return {
    inactive: i.inactive,
    text: i.inactive
      ? `${i.message}（超过${i.limit}天未开展即提醒）`
      : i.hasRecord
        ? `距上次组织生活${i.days}天`
        : `尚无组织生活记录`,
  };
}
