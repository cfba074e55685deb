// 消息提醒 under 我的: each kind of message with the one-time grants left (org.subscribe's quota).
// WeChat lets a mini-program send one message per 允许, so each tap asks once and adds one.
import { subscribeTemplateIds } from '../../../config';
import { reportSubscriptions, type TemplateKey } from '../../../services/org';
import { askOne } from '../../../services/subscription';
import { definePage } from '../../../utils/define-page';
import { kindViews, type KindView } from './view';

definePage({
  data: { kinds: [] as KindView[], quota: {} as Record<string, number>, done: '', message: '' },
  async load() {
    // Reporting nothing reads the ledger as it stands.
    const { quota } = await reportSubscriptions([]);
    this.setData({ quota, kinds: kindViews(quota, subscribeTemplateIds) });
  },
  methods: {
    async onAllow(e: WechatMiniprogram.TouchEvent<object, object, { key: TemplateKey }>) {
      const { key } = e.currentTarget.dataset;
      const kind = this.data.kinds.find((k) => k.key === key);
      if (!kind || this.data.busy) return;
      const before = this.data.quota[key] ?? 0;
      this.setData({ done: '', message: '' });
      await this.run(async () => {
        // Asked on the tap itself: the platform shows its prompt only there.
        const quota = await askOne(key);
        const added = (quota[key] ?? 0) > before;
        this.setData({
          quota,
          kinds: kindViews(quota, subscribeTemplateIds),
          done: added ? `已允许：可以再收到 1 条${kind.label}` : '',
          message: added ? '' : `没有允许，${kind.label}暂时不会发给您`,
        });
      }, 'message');
    },
  },
});
