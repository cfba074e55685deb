// 申报积分 [PTS-14]: the member reports an item of the branch's standard that the system does
// not record itself, for this month (or last month until the 5th), with a note the scorer
// checks against the evidence. It counts only once a scorer approves it [PTS-15].
import { declarePoints, fetchStandard } from '../../../services/points';
import { definePage } from '../../../utils/define-page';
import { currentYear, monthText } from '../../../utils/points-view';

interface ItemChoice {
  code: string;
  name: string;
  rule: string;
}

definePage({
  // Loaded once: coming back to the form must not lose the note being typed.
  once: true,
  data: {
    items: [] as ItemChoice[],
    itemNames: [] as string[],
    itemIndex: 0,
    months: [] as string[],
    monthTexts: [] as string[],
    monthIndex: 0,
    note: '',
    /** Photos or documents the scorer checks against: optional [PTS-15, PRIV-12]. */
    evidence: [] as string[],
    orgId: '',
    kinds: ['image', 'document'],
    /** An upload is running: 提交 waits for it. */
    uploading: false,
    formError: '',
    submitted: '',
  },
  /**
   * The months still open for a declaration (the backend's [PTS-14]: this month, and last month
   * until the 5th) and the declarable items of the standard in force in the chosen month's year.
   */
  async load(me) {
    if (me.member.exempt) return this.empty('您已免于积分管理，无需申报');
    const orgId = me.member.orgId;
    this.setData({ orgId });
    const current = await fetchStandard({ orgId, year: currentYear() });
    const months = current.declarableMonths;
    const monthIndex = Math.min(this.data.monthIndex, Math.max(months.length - 1, 0));
    const year = Number((months[monthIndex] ?? '').slice(0, 4)) || current.year;
    const standard = year === current.year ? current : await fetchStandard({ orgId, year });
    this.setData({ months, monthTexts: months.map((m) => monthText(m)), monthIndex });
    const items = standard.items
      .filter((i) => i.source === 'declared')
      .map((i) => ({
        code: i.code,
        name: i.name,
        rule: `每次${i.kind === 'deduct' ? '扣' : '加'} ${i.points} 分${i.capPerYear ? `，全年最多 ${i.capPerYear} 分` : ''}`,
      }));
    this.setData({
      items,
      itemNames: items.map((i) => i.name),
      itemIndex: Math.min(this.data.itemIndex, Math.max(items.length - 1, 0)),
    });
    if (!items.length) this.empty('本支部积分标准中暂无需要个人申报的项目');
  },
  methods: {
    onPickItem(e: WechatMiniprogram.PickerChange) {
      this.setData({ itemIndex: Number(e.detail.value), formError: '', submitted: '' });
    },
    onPickMonth(e: WechatMiniprogram.PickerChange) {
      const before = this.data.months[this.data.monthIndex].slice(0, 4);
      this.setData({ monthIndex: Number(e.detail.value), formError: '', submitted: '' });
      // Another year has its own standard.
      if (this.data.months[this.data.monthIndex].slice(0, 4) !== before) this.reload();
    },
    onNote(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ note: e.detail.value, formError: '', submitted: '' });
    },
    onEvidence(e: WechatMiniprogram.CustomEvent<{ fileIds: string[] }>) {
      this.setData({ evidence: e.detail.fileIds, formError: '', submitted: '' });
    },
    onMediaBusy(e: WechatMiniprogram.CustomEvent<{ uploading: boolean }>) {
      this.setData({ uploading: e.detail.uploading });
    },
    async onSubmit() {
      const item = this.data.items[this.data.itemIndex];
      const note = this.data.note.trim();
      if (!item) return;
      if (!note) return this.setData({ formError: '请写明做了什么、何时何地，以便记分员核实' });
      if (this.data.uploading)
        return this.setData({ formError: '文件还在上传，请等上传完成再提交' });
      this.setData({ submitted: '' });
      const month = this.data.months[this.data.monthIndex];
      await this.run(async () => {
        await declarePoints(item.code, month, note, this.data.evidence);
        this.setData({
          note: '',
          evidence: [],
          submitted: `已提交“${item.name}”的申报，记分员核实通过后计分`,
        });
      }, 'formError');
    },
    onBack() {
      wx.navigateBack();
    },
  },
});
