// 我的党费: the monthly amount the branch confirmed, this year's months paid or not, and every
// payment with who paid it (a proxy is named). The income base is never shown here.
import type { ViewStatus } from '../../../behaviors/current-member';
import { largeTextBehavior } from '../../../behaviors/large-text';
import { codeOf, messageOf } from '../../../services/cloud';
import { fetchMyDues } from '../../../services/dues';
import { UNBOUND } from '../../../services/org';
import { currentMonth } from '../../../utils/dues-view';
import { toMineView, type MineView } from './view';

Component({
  behaviors: [largeTextBehavior],
  data: {
    status: 'loading' as ViewStatus,
    errorMessage: '',
    unbound: false,
    year: 0,
    d: null as MineView | null,
  },
  methods: {
    onShow() {
      this.load();
    },
    async load() {
      if (!this.data.d) this.setData({ status: 'loading', errorMessage: '' });
      const year = Number(currentMonth().slice(0, 4));
      try {
        const mine = await fetchMyDues(year);
        this.setData({ status: 'ready', unbound: false, year, d: toMineView(mine) });
      } catch (err) {
        if (codeOf(err) === UNBOUND) this.setData({ status: 'ready', unbound: true, d: null });
        else this.setData({ status: 'error', errorMessage: messageOf(err), d: null });
      }
    },
    onOpenCalc() {
      wx.navigateTo({ url: '/subpackages/dues/calc/index' });
    },
  },
});
