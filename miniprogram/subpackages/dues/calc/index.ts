// 党费计算器 (any member): pick the member category, type the base in yuan, and the backend
// works out the monthly amount. It shows the exact value and that the amount is rounded up to
// the fen, so nobody pays less than the rule asks. Nothing typed here is stored.
import { calculateDues } from '../../../services/dues';
import { definePage } from '../../../utils/define-page';
import {
  baseHints,
  categoryLabels,
  duesCategories,
  parseYuan,
  rateText,
  yuanText,
} from '../../../utils/dues-view';

interface ResultView {
  amount: string;
  basis: string;
  rounding: string;
}

definePage({
  // Any member, even before binding: nothing is stored and no membership is needed.
  guest: true,
  data: {
    categoryNames: duesCategories.map((c) => categoryLabels[c]),
    categoryIndex: 0,
    baseHint: baseHints[duesCategories[0]] ?? '',
    base: '',
    result: null as ResultView | null,
    formError: '',
  },
  methods: {
    onPickCategory(e: WechatMiniprogram.PickerChange) {
      const index = Number(e.detail.value);
      this.setData({
        categoryIndex: index,
        baseHint: baseHints[duesCategories[index]] ?? '',
        result: null,
        formError: '',
      });
    },
    onBase(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ base: e.detail.value, result: null, formError: '' });
    },
    async onCalculate() {
      const category = duesCategories[this.data.categoryIndex];
      const fixed = !baseHints[category];
      const baseFen = fixed ? 0 : parseYuan(this.data.base);
      if (baseFen === null) {
        this.setData({ formError: '请填写金额（元），最多两位小数，如 3000.01' });
        return;
      }
      await this.run(async () => {
        const fee = await calculateDues({ category, baseFen });
        const exactFen = parseYuan(fee.exact);
        const basis = fee.rate === null ? '按规定每月固定交纳' : `按 ${rateText(fee.rate)} 计算`;
        const rounding =
          exactFen === fee.monthlyFen
            ? `计算结果正好是 ${yuanText(fee.monthlyFen)} 元`
            : `精确值为 ${fee.exact} 元，按规定向上取整到分，保证不少交`;
        this.setData({ result: { amount: yuanText(fee.monthlyFen), basis, rounding } });
      }, 'formError');
    },
  },
});
