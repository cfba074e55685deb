// 积分标准: the scorer or a 支委 edits the year's standard: the items grouped by the 四个合格,
// each with its name, 加分/扣分/一票否决, points and yearly cap; adds and removes items; and
// saves it as a new version from a date [PTS-13] ("自12月1日起执行": points before that date
// are not recounted). Whether an item is recorded automatically, declared or assessed is shown,
// not edited: the records decide the automatic ones.
import { fetchStandard, POINTS_DISABLED, saveStandard } from '../../../services/points';
import { can } from '../../../utils/can';
import { definePage } from '../../../utils/define-page';
import { confirmDialog, pickAction, toast } from '../../../utils/platform';
import { currentYear } from '../../../utils/points-view';
import {
  beijingToday,
  categoryViews,
  effectiveText,
  itemsToSave,
  kindChoices,
  kindNames,
  newDraft,
  toDrafts,
  type CategoryView,
  type Draft,
  type StandardItem,
} from './view';

type Catalogue = Parameters<typeof categoryViews>[1];

definePage({
  once: true,
  emptyOn: [POINTS_DISABLED],
  fields: () => ({ drafts: [] as Draft[], catalogue: [] as Catalogue, seq: 1 }),
  data: {
    year: 0,
    inForce: '',
    categories: [] as CategoryView[],
    effectiveFrom: '',
    earliest: '',
    effectiveText: '',
    alerts: [] as string[],
    formError: '',
    saved: '',
  },
  async load(me) {
    const orgId = me.member.orgId;
    if (!can(me, 'points.standard', orgId))
      return this.empty('只有记分员或支部委员可以修改积分标准');
    const year = currentYear();
    const standard = await fetchStandard({ orgId, year });
    this.drafts = toDrafts(standard.items);
    this.catalogue = standard.catalogue;
    // A new version takes effect from tomorrow at the earliest: today's points stand [PTS-13].
    const tomorrow = beijingToday(Date.now() + 86400_000);
    const from = tomorrow.startsWith(String(year)) ? tomorrow : `${year}-12-31`;
    this.setData({
      year,
      inForce: standard.isDefault
        ? '目前按默认标准计分'
        : `现行标准（第${standard.version}版）${effectiveText(standard.effectiveFrom, year)}`,
      effectiveFrom: from,
      earliest: from,
      effectiveText: effectiveText(from, year),
      alerts: standard.alerts.map((a) => a.message),
    });
    this.redraw();
  },
  methods: {
    redraw(patch: Record<string, unknown> = {}) {
      this.setData({ ...patch, categories: categoryViews(this.drafts, this.catalogue) });
    },
    draftOf(e: { currentTarget: { dataset: Record<string, unknown> } }): Draft | undefined {
      return this.drafts.find((d) => d.key === e.currentTarget.dataset.key);
    },
    onName(e: WechatMiniprogram.CustomEvent<{ value: string }, object, { key: string }>) {
      const d = this.draftOf(e);
      if (d) d.item.name = e.detail.value;
      this.redraw({ formError: '', saved: '' });
    },
    onPoints(e: WechatMiniprogram.CustomEvent<{ value: string }, object, { key: string }>) {
      const d = this.draftOf(e);
      if (d) d.pointsText = e.detail.value;
      this.redraw({ formError: '', saved: '' });
    },
    onCap(e: WechatMiniprogram.CustomEvent<{ value: string }, object, { key: string }>) {
      const d = this.draftOf(e);
      if (d) d.capText = e.detail.value;
      this.redraw({ formError: '', saved: '' });
    },
    async onKind(e: WechatMiniprogram.TouchEvent<object, object, { key: string }>) {
      const d = this.draftOf(e);
      if (!d || d.item.source === 'auto') return;
      const i = await pickAction(kindNames);
      if (i < 0) return;
      d.item.kind = kindChoices[i];
      this.redraw({ formError: '', saved: '' });
    },
    async onRemove(e: WechatMiniprogram.TouchEvent<object, object, { key: string }>) {
      const d = this.draftOf(e);
      if (!d) return;
      const sure = await confirmDialog(
        '删除这一项',
        `从积分标准中删除“${d.item.name || '未命名'}”？`,
        '删除',
      );
      if (!sure) return;
      this.drafts = this.drafts.filter((x) => x !== d);
      this.redraw({ formError: '', saved: '' });
    },
    onAdd(e: WechatMiniprogram.TouchEvent<object, object, { category: StandardItem['category'] }>) {
      const draft = newDraft(e.currentTarget.dataset.category, this.drafts, this.seq);
      this.seq += 1;
      this.drafts = [...this.drafts, draft];
      this.redraw({ formError: '', saved: '' });
    },
    onPickDate(e: WechatMiniprogram.PickerChange) {
      const date = String(e.detail.value);
      this.setData({ effectiveFrom: date, effectiveText: effectiveText(date, this.data.year) });
    },
    async onSave() {
      const checked = itemsToSave(this.drafts);
      if ('error' in checked) return this.setData({ formError: checked.error, saved: '' });
      const when = this.data.effectiveText;
      const sure = await confirmDialog(
        '保存积分标准',
        `新标准${when}，此前已经记下的积分不会重算。确定保存吗？`,
        '保存',
      );
      if (!sure) return;
      await this.run(async () => {
        const { version, effectiveFrom } = await saveStandard({
          orgId: this.me.member.orgId,
          year: this.data.year,
          items: checked.items,
          effectiveFrom: this.data.effectiveFrom,
        });
        this.setData({
          saved: `已保存为第${version}版，${effectiveText(effectiveFrom, this.data.year)}`,
        });
        toast('已保存', 'success');
      }, 'formError');
    },
  },
});
