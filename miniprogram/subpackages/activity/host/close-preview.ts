/**
 * What closing a session will do, said before it is done: who will be recorded absent (by name)
 * and that the 纪实 is needed for the meeting to count [CHK-02, MTG-27]. The host and the recorder
 * are never among them: closing records them present.
 */
import type { ActivityDetail, AttendanceRow } from '../../../services/types';

export function closeWarning(
  detail: Pick<ActivityDetail, 'host' | 'recorder' | 'record'>,
  rows: readonly AttendanceRow[],
): string {
  const runners = new Set([detail.host?.id, detail.recorder?.id].filter(Boolean));
  const absent = rows.filter((r) => r.status === null && !r.exempt && !runners.has(r.memberId));
  const pending = absent.filter((r) => r.leave?.status === 'pending');
  const names = absent.map((r) => r.name);
  const shown = names.length > 30 ? `${names.slice(0, 30).join('、')}等` : names.join('、');
  const parts = [
    absent.length
      ? `结束后停止签到。尚未签到、也未准假的 ${absent.length} 人将登记为缺席：${shown}。`
      : '结束后停止签到。应到的党员都已签到或请假。',
  ];
  if (pending.length) parts.push(`其中 ${pending.length} 人的请假尚未审批，请先处理。`);
  if (!detail.record?.minutes?.trim())
    parts.push('结束后请填写纪实（会议记录），没有纪实的活动不计入落实情况。');
  parts.push('确定结束吗？');
  return parts.join('');
}
