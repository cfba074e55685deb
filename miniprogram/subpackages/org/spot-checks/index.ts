// 抽查: the superior's spot checks of the branches below [MTG-37]: the year's requirement in words,
// the quarter's draw (random, its seed logged so anyone can draw it again), each check with its
// result, recording a result (合格/不合格, 五化不合格 [ORG-30, FORT-24], what was found), and the
// branches not yet checked this year. The backend decides who may draw and record.
import { drawSpotChecks, fetchSpotChecks, recordSpotCheck } from '../../../services/oversight';
import type { SpotChecksOutput } from '../../../services/oversight';
import { currentYear } from '../../../utils/activity-view';
import { can, orgsWith } from '../../../utils/can';
import { definePage } from '../../../utils/define-page';
import { confirmDialog, toast } from '../../../utils/platform';
import { quarterOf, quarterWord, spotView, type SpotView } from './view';

type Tap<D extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.TouchEvent<object, object, D>;

definePage({
  fields: () => ({ orgId: '' }),
  data: {
    year: currentYear(),
    view: null as SpotView | null,
    /** The check whose result is being recorded, and its form. */
    current: '',
    result: '' as '' | 'pass' | 'fail',
    fiveFailed: false,
    findings: '',
    message: '',
    drawn: '',
  },
  async load(me) {
    const orgId = this.orgId || orgsWith(me, 'org.oversee')[0] || '';
    if (!orgId || !can(me, 'org.oversee', orgId)) return this.empty('抽查由上级党组织进行');
    this.orgId = orgId;
    await this.refresh();
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.orgId = query.orgId ?? '';
      const year = Number(query.year);
      if (Number.isInteger(year) && year > 2000) this.setData({ year });
    },
    async refresh() {
      const out: SpotChecksOutput = await fetchSpotChecks({
        orgId: this.orgId,
        year: this.data.year,
      });
      this.setData({ view: spotView(out, currentYear(), quarterOf()) });
    },
    async onDraw(e: Tap<{ quarter: number }>) {
      const quarter = Number(e.currentTarget.dataset.quarter);
      const ok = await confirmDialog(
        `抽取${quarterWord(quarter)}的抽查支部`,
        '系统随机抽取，并记下抽取种子供复核。抽取后本季度不能重新抽取。',
        '抽取',
      );
      if (!ok) return;
      this.setData({ message: '', drawn: '' });
      await this.run(async () => {
        const out = await drawSpotChecks({ orgId: this.orgId, year: this.data.year, quarter });
        await this.refresh();
        const names = out.checks.map((c) => c.orgName).join('、');
        this.setData({ drawn: `已抽取${out.checks.length}个支部：${names}` });
        toast('已抽取', 'success');
      }, 'message');
    },
    onOpen(e: Tap<{ id: string }>) {
      this.setData({
        current: e.currentTarget.dataset.id,
        result: '',
        fiveFailed: false,
        findings: '',
        message: '',
      });
    },
    onCancel() {
      this.setData({ current: '', message: '' });
    },
    onResult(e: Tap<{ value: 'pass' | 'fail' }>) {
      const result = e.currentTarget.dataset.value;
      this.setData({ result, fiveFailed: result === 'fail' && this.data.fiveFailed, message: '' });
    },
    onFive() {
      this.setData({ fiveFailed: !this.data.fiveFailed, message: '' });
    },
    onFindings(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ findings: e.detail.value, message: '' });
    },
    async onSave() {
      const { current, result, fiveFailed } = this.data;
      const findings = this.data.findings.trim();
      const missing = [!result && '抽查结果', !findings && '发现的情况'].filter(Boolean);
      if (missing.length) return this.setData({ message: `请填写${missing.join('、')}` });
      await this.run(async () => {
        await recordSpotCheck({
          id: current,
          result: result as 'pass' | 'fail',
          fiveStandardsFailed: result === 'fail' && fiveFailed,
          findings,
        });
        this.setData({ current: '', message: '' });
        await this.refresh();
        toast('已登记', 'success');
      }, 'message');
    },
  },
});
