// 支部设置: every setting of the branch's rules (党员积分管理, 主题党日分批, 空缺提醒…) with the
// value in force; the 书记 or 副书记 changes one of the branch's own with a reason, which is kept
// with who and when [org.setSetting]. Settings only the superior may change are shown, not offered.
import { fetchSettings, saveSetting } from '../../../services/org';
import { can } from '../../../utils/can';
import { definePage } from '../../../utils/define-page';
import { confirmDialog, pickAction, promptText, toast } from '../../../utils/platform';
import { settingView, type SettingRowIn, type SettingView } from '../view';

definePage({
  fields: () => ({ rows: [] as SettingRowIn[] }),
  data: { items: [] as SettingView[], message: '', done: '' },
  async load(me) {
    const orgId = me.member.orgId;
    if (!can(me, 'activity.oversee', orgId) && !can(me, 'org.configure', orgId))
      return this.empty('只有支部委员可以查看支部设置');
    const { items } = await fetchSettings({ orgId });
    this.rows = items as SettingRowIn[];
    const mayConfigure = can(me, 'org.configure', orgId);
    // What this page can change first; what the superior keeps after it.
    const views = this.rows.map((r) => settingView(r, mayConfigure));
    this.setData({
      items: [...views.filter((v) => v.editable), ...views.filter((v) => !v.editable)],
    });
  },
  methods: {
    /** Asks the new value in the way that fits the setting; null when the person stepped back. */
    async askValue(row: SettingRowIn): Promise<boolean | number | string | null> {
      if (row.type === 'boolean') {
        const next = !row.value;
        const sure = await confirmDialog(row.label, `改为“${next ? '开启' : '关闭'}”？`, '改');
        return sure ? next : null;
      }
      if (row.type === 'enum') {
        const options = row.values ?? [];
        const i = await pickAction(options.map((o) => o.label));
        return i < 0 ? null : options[i].value;
      }
      const typed = await promptText(row.label, `填写${row.min}到${row.max}之间的整数`);
      if (typed === null) return null;
      const n = Number(typed);
      if (!Number.isInteger(n) || n < (row.min ?? 0) || n > (row.max ?? Infinity)) {
        this.setData({ message: `请填写${row.min}到${row.max}之间的整数` });
        return null;
      }
      return n;
    },
    async onEdit(e: WechatMiniprogram.TouchEvent<object, object, { key: string }>) {
      const row = this.rows.find((r) => r.key === e.currentTarget.dataset.key);
      const view = this.data.items.find((v) => v.key === e.currentTarget.dataset.key);
      if (!row || !view?.editable) return;
      this.setData({ message: '', done: '' });
      const value = await this.askValue(row);
      if (value === null) return;
      const reason = await promptText('修改理由', '必填：例如经支委会研究决定');
      if (reason === null) return;
      if (!reason) return this.setData({ message: '修改支部设置须写明理由' });
      await this.run(async () => {
        await saveSetting({
          orgId: this.me.member.orgId,
          key: row.key as never,
          value,
          reason,
        });
        await this.reload();
        this.setData({ done: `已修改“${row.label}”` });
        toast('已修改', 'success');
      }, 'message');
    },
  },
});
