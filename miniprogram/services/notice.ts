/** The `notice` cloud function: 党务公开 — categories, five-stage matters, versions, 签阅. */
import { actionOf, callCloud, CloudError } from './cloud';
import { openMedia, viewMedia } from './media';
import type { ActionName, ActionOutput } from './types';

type Action = ActionName<'notice'>;
type Out<A extends Action> = ActionOutput<'notice', A>;
const action = actionOf('notice');

/** 发布一条党务公开（支部委员或公开栏维护人；发布前检查个人信息与内容安全） */
export const publishNotice = action('publish');

/** 修改一条党务公开：保存为新版本，旧版本保留可查 */
export const updateNotice = action('update');

/** 列出支部的党务公开（可按类别筛选），带本人是否已读 */
export function fetchNotices(orgId: string, category?: string): Promise<Out<'list'>> {
  return callCloud('notice', 'list', category ? { orgId, category } : { orgId });
}

/** 读取一条党务公开的全文、附件、修改记录与事项各阶段（打开即记为已读） */
export function fetchNotice(id: string): Promise<Out<'get'>> {
  return callCloud('notice', 'get', { id });
}

/** 读取一条党务公开的签阅情况：已读与未读名单（支部委员使用） */
export function fetchReaders(id: string): Promise<Out<'readers'>> {
  return callCloud('notice', 'readers', { id });
}

/** 向未读且已同意订阅提醒的党员发送一次提醒 */
export function remindUnread(id: string): Promise<Out<'remindUnread'>> {
  return callCloud('notice', 'remindUnread', { id });
}

/** 读取支部公开栏的类别、最近更新时间、未更新提醒与维护人 */
export function fetchNoticeStatus(orgId: string): Promise<Out<'status'>> {
  return callCloud('notice', 'status', { orgId });
}

/**
 * 打开一个公开附件：照片用预览，文档用系统阅读器（地址由后台在核对查看权限后给出）。
 * The notice detail shows attachments with <media-gallery>; this opens one by its fileID.
 */
export async function openNoticeAttachment(fileId: string, _name: string): Promise<void> {
  const [item] = await viewMedia([fileId]);
  if (!item) throw new CloudError('MEDIA.NOT_FOUND', '附件打开失败，请稍后重试');
  await openMedia(item);
}
