import { confirmUpload } from './confirm';
import { fileUrl } from './file-url';
import { prepareUpload } from './prepare';
import { mediaCheckPush } from './push';
import { remove } from './remove';
import { view } from './view';

/** The `media` function's actions (contracts/media.ts). */
export const mediaRoutes = { prepareUpload, confirmUpload, view, remove, fileUrl };

/** WeChat's pushes this function receives through CloudBase's 消息推送 (云函数模式). */
export const mediaPushes = { wxa_media_check: mediaCheckPush };
