// 邀请党员: a committee member issues the single-use invite code of a member who has not bound
// WeChat yet, shows it big (two groups of four, with its expiry in plain words), and passes it
// on as a share card that opens the bind page with the code filled in, or copies it.
import { createInvite, fetchMembers } from '../../../services/org';
import { can } from '../../../utils/can';
import { definePage } from '../../../utils/define-page';
import { toast } from '../../../utils/platform';
import { bindPath, expiryText, groupedCode } from '../view';

interface Person {
  id: string;
  name: string;
}

interface Issued {
  memberId: string;
  name: string;
  code: string;
  grouped: string;
  expiry: string;
}

definePage({
  emptyOn: ['AUTH.FORBIDDEN'],
  fields: () => ({ wanted: '' }),
  data: {
    people: [] as Person[],
    boundCount: 0,
    issued: null as Issued | null,
    message: '',
  },
  async load(me) {
    if (!can(me, 'member.manage')) return this.empty('只有支部委员可以邀请党员绑定');
    const roster = await fetchMembers(me.member.orgId);
    const people = roster.filter((m) => !m.bound).map((m) => ({ id: m.id, name: m.name }));
    // Opened for one member (from the roster): that person first.
    people.sort((a, b) => Number(b.id === this.wanted) - Number(a.id === this.wanted));
    this.setData({ people, boundCount: roster.length - people.length });
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.wanted = query.memberId ?? '';
    },
    async onCreate(e: WechatMiniprogram.TouchEvent<object, object, { id: string }>) {
      const person = this.data.people.find((p) => p.id === e.currentTarget.dataset.id);
      if (!person) return;
      await this.run(async () => {
        const { code, expiresAt } = await createInvite(person.id);
        this.setData({
          issued: {
            memberId: person.id,
            name: person.name,
            code,
            grouped: groupedCode(code),
            expiry: expiryText(expiresAt),
          },
        });
        toast('邀请码已生成', 'success');
      }, 'message');
    },
    onCopy() {
      const issued = this.data.issued;
      if (!issued) return;
      wx.setClipboardData({ data: issued.code, success: () => toast('已复制，可粘贴给对方') });
    },
    /** The card 分享给他/她 sends: it opens the bind page with the code already typed in. */
    onShareAppMessage() {
      const issued = this.data.issued;
      if (!issued) return { title: '先锋支部', path: '/pages/home/index/index' };
      return {
        title: `${issued.name}同志，请绑定先锋支部（邀请码 ${issued.grouped}）`,
        path: bindPath(issued.code),
      };
    },
  },
});
