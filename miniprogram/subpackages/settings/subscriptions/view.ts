/** 消息提醒: each kind of WeChat message, how many more the member may receive, and whether it can be asked. */
import type { TemplateKey } from '../../../services/org';

export const KINDS: { key: TemplateKey; label: string; about: string }[] = [
  { key: 'activityReminder', label: '活动提醒', about: '主题党日、三会一课开始前提醒您' },
  { key: 'noticePublished', label: '党务公开', about: '支部发布新的党务公开时告诉您' },
  { key: 'duesReminder', label: '党费', about: '本月党费尚未交纳时提醒您' },
  { key: 'pointsResult', label: '积分结果', about: '积分审核、申辩有结果时告诉您' },
  { key: 'workAlert', label: '工作提醒', about: '需要您处理的支部工作（支委使用）' },
];

export interface KindView {
  key: TemplateKey;
  label: string;
  about: string;
  countText: string;
  /** A template is configured for this kind: the button can ask WeChat. */
  open: boolean;
}

export function kindViews(
  quota: Record<string, number>,
  templateIds: Record<string, string>,
): KindView[] {
  return KINDS.map((k) => {
    const n = quota[k.key] ?? 0;
    const open = !!templateIds[k.key];
    return {
      ...k,
      open,
      countText: !open ? '暂未开通' : n ? `还可接收 ${n} 条` : '现在收不到',
    };
  });
}
