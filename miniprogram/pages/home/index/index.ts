// 首页: greets the bound member and offers the shortcuts a member uses most (党务公开 with a
// count of unread notices).
import { fetchNotices } from '../../../services/notice';
import { definePage } from '../../../utils/define-page';

definePage({
  memberCard: true,
  data: {
    // 党务公开 shortcut: a count of notices this member has not opened yet.
    noticeBadge: {} as { count?: number },
  },
  // Every show: a notice read in the subpackage loses its count here.
  async load(me) {
    // A badge only: if the list cannot be had, the shortcut simply shows none.
    const unread = await fetchNotices(me.member.orgId)
      .then((list) => list.filter((n) => !n.read).length)
      .catch(() => 0);
    this.setData({ noticeBadge: unread ? { count: unread } : {} });
  },
});
