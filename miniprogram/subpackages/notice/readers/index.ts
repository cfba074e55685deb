// 签阅情况 (committee): who has opened a notice and who has not, and one reminder to the unread
// who agreed to receive it. Reading is never required or scored (DIS-15); the page says so.
import { fetchReaders, remindUnread } from '../../../services/notice';
import { definePage } from '../../../utils/define-page';
import { momentText } from '../../../utils/notice-view';

interface ReadView {
  memberId: string;
  name: string;
  when: string;
}

/** The outcome of 提醒未读; whoever is neither sent to nor without consent was reminded before or has no WeChat bound. */
function remindText(sent: number, noConsent: number, unread: number): string {
  const parts = [sent ? `已向 ${sent} 人发送提醒` : '本次没有发出新的提醒'];
  if (noConsent) parts.push(`${noConsent} 人未开启订阅提醒，可当面或电话告知`);
  const rest = unread - sent - noConsent;
  if (rest > 0) parts.push(`其余 ${rest} 人已提醒过或尚未绑定微信`);
  return parts.join('；');
}

definePage({
  // Not on the committee: a plain statement, not an error to retry.
  emptyOn: ['AUTH.FORBIDDEN'],
  data: {
    id: '',
    title: '',
    read: [] as ReadView[],
    unread: [] as { memberId: string; name: string }[],
    remindResult: '',
  },
  async load() {
    const r = await fetchReaders(this.data.id);
    this.setData({
      // In the order they read it, first reader first.
      read: [...r.read]
        .sort((a, b) => a.at.localeCompare(b.at))
        .map((m) => ({ memberId: m.memberId, name: m.name, when: momentText(m.at) })),
      unread: r.unread,
    });
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({
        id: query.id ?? '',
        title: query.title ? decodeURIComponent(query.title) : '',
      });
    },
    async onRemind() {
      await this.run(async () => {
        const { sent, noConsent } = await remindUnread(this.data.id);
        this.setData({ remindResult: remindText(sent, noConsent, this.data.unread.length) });
      }, 'remindResult');
    },
  },
});
