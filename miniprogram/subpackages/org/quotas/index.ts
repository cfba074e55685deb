// 名额和排名: across the branches below [FORT-23, SEC-18], how many may be graded 先进党支部 and how
// many secretaries “好” (≤ 15% each), used and left, as big numbers with words; and the branches
// ranked by 堡垒指数, which only the superior sees. The backend decides who may read it.
import { fetchQuotas } from '../../../services/oversight';
import { currentYear } from '../../../utils/activity-view';
import { can, orgsWith } from '../../../utils/can';
import { definePage } from '../../../utils/define-page';
import { quotasView, type QuotasView } from './view';

definePage({
  fields: () => ({ orgId: '' }),
  data: {
    year: currentYear(),
    thisYear: currentYear(),
    view: null as QuotasView | null,
  },
  async load(me) {
    const orgId = this.orgId || orgsWith(me, 'org.oversee')[0] || '';
    if (!orgId || !can(me, 'org.oversee', orgId))
      return this.empty('名额和排名只有上级党组织可以查看');
    this.orgId = orgId;
    const q = await fetchQuotas({ orgId, year: this.data.year });
    this.setData({ view: quotasView(q) });
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.orgId = query.orgId ?? '';
      const year = Number(query.year);
      if (Number.isInteger(year) && year > 2000) this.setData({ year });
    },
    async onYear(e: WechatMiniprogram.TouchEvent<object, object, { step: number }>) {
      const year = this.data.year + Number(e.currentTarget.dataset.step);
      if (year > currentYear()) return;
      this.setData({ year });
      await this.run(() => this.reload());
    },
  },
});
