/**
 * 订阅新公开提醒: one consent for the next 党务公开 message, asked only on the member's tap
 * (the platform allows it nowhere else). Never blocks: it resolves with a line to show.
 */
import { subscribeTemplateIds } from '../../config';
import { askSubscription } from '../../services/subscription';

export async function askNoticeSubscription(): Promise<string> {
  if (!subscribeTemplateIds.noticePublished) return '新公开提醒暂未开通，请留意支部通知';
  const accepted = await askSubscription(['noticePublished']);
  return accepted.includes('noticePublished')
    ? '已订阅：下次有新公开或未读提醒时，微信会通知您一次'
    : '未订阅提醒，您可随时再点此订阅';
}
