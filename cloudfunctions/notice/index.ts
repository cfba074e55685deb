import { publish, update } from '../_shared/app/notice/publishing';
import { get, list, readers, status } from '../_shared/app/notice/reading';
import { remindUnread } from '../_shared/app/notice/remind';
import { approvePublic, publishResults } from '../_shared/app/notice/results';
import { createFunction } from '../_shared/runtime/handler';

export const main = createFunction('notice', {
  publish,
  update,
  list,
  get,
  readers,
  remindUnread,
  status,
  approvePublic,
  publishResults,
});
