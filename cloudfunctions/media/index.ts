import { mediaPushes, mediaRoutes } from '../_shared/app/media/routes';
import { createFunction } from '../_shared/runtime/handler';

/**
 * 纪实 media: uploads, views, removals and URLs of generated files; and the `wxa_media_check`
 * push of WeChat's content check, which arrives here without an action (消息推送, 云函数模式:
 * MsgType `event`, Event `wxa_media_check` → this function).
 */
export const main = createFunction('media', mediaRoutes, { push: mediaPushes });
