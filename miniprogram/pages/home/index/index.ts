// 首页: greets the bound member and offers the shortcuts a member uses most (党务公开 with a
// count of unread notices).
import { currentMemberBehavior } from '../../../behaviors/current-member';
import { largeTextBehavior } from '../../../behaviors/large-text';
import { fetchNotices } from '../../../services/notice';

Component({
  behaviors: [largeTextBehavior, currentMemberBehavior],
  data: {
    // 党务公开 shortcut: a count of notices this member has not opened yet.
    noticeBadge: {} as { count?: number },
  },
  methods: {
    // Page lifecycle: reload on every show, so a bind made elsewhere is reflected here.
    async onShow() {
      const me = await this.loadMember();
      if (!me) return;
      // A badge only: if the list cannot be had, the shortcut simply shows none.
      const unread = await fetchNotices(me.member.orgId)
        .then((list) => list.filter((n) => !n.read).length)
        .catch(() => 0);
      this.setData({ noticeBadge: unread ? { count: unread } : {} });
    },
  },
});
