// 我的党费: the monthly amount the branch confirmed, this year's months paid or not, and every
// payment with who paid it (a proxy is named). The income base is never shown here.
import { fetchMyDues } from '../../../services/dues';
import { definePage } from '../../../utils/define-page';
import { currentMonth } from '../../../utils/dues-view';
import { toMineView, type MineView } from './view';

definePage({
  data: {
    year: 0,
    d: null as MineView | null,
  },
  async load() {
    const year = Number(currentMonth().slice(0, 4));
    const mine = await fetchMyDues(year);
    this.setData({ year, d: toMineView(mine) });
  },
  methods: {
    onOpenCalc() {
      wx.navigateTo({ url: '/subpackages/dues/calc/index' });
    },
  },
});
