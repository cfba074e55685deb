import {
  get,
  list,
  publish,
  readers,
  remindUnread,
  status,
  update,
} from '../_shared/app/notice/notices';
import { createFunction } from '../_shared/runtime/handler';

export const main = createFunction('notice', {
  publish,
  update,
  list,
  get,
  readers,
  remindUnread,
  status,
});
