// 导入党员: the committee adds several members at once [org.importMembers]: rows of 姓名,
// 正式/预备, 入党日期 and (optional) 出生日期. A row the backend refuses shows its message next to
// it and creates nothing; the other rows land and show as 已导入.
import { importMembers } from '../../../services/org';
import { can } from '../../../utils/can';
import { definePage } from '../../../utils/define-page';
import { toast } from '../../../utils/platform';
import { applyAnswer, blankRow, rowsToSend, type FormRow } from './view';

type RowEvent<D extends WechatMiniprogram.IAnyObject = object> = WechatMiniprogram.CustomEvent<
  D,
  object,
  { index: number }
>;

definePage({
  once: true,
  fields: () => ({ nextKey: 3 }),
  data: {
    rows: [blankRow(0), blankRow(1), blankRow(2)] as FormRow[],
    message: '',
    summary: '',
  },
  load(me) {
    if (!can(me, 'member.manage')) return this.empty('只有支部委员可以导入党员');
  },
  methods: {
    edit(e: RowEvent, patch: Partial<FormRow>) {
      const i = Number(e.currentTarget.dataset.index);
      const fields = Object.fromEntries(
        Object.entries({ ...patch, error: '' }).map(([k, v]) => [`rows[${i}].${k}`, v]),
      );
      this.setData({ ...fields, message: '' });
    },
    onName(e: RowEvent<{ value: string }>) {
      this.edit(e, { name: e.detail.value });
    },
    onStatus(e: WechatMiniprogram.TouchEvent<object, object, { index: number; status: string }>) {
      const status = e.currentTarget.dataset.status === 'probationary' ? 'probationary' : 'full';
      this.edit(e as unknown as RowEvent, { status });
    },
    onJoined(e: RowEvent<{ value: string }>) {
      this.edit(e, { joinedAt: e.detail.value });
    },
    onBirth(e: RowEvent<{ value: string }>) {
      this.edit(e, { birthDate: e.detail.value });
    },
    onAddRow() {
      this.setData({ rows: [...this.data.rows, blankRow(this.nextKey++)] });
    },
    async onSubmit() {
      const sent = rowsToSend(this.data.rows);
      if (!sent.length) return this.setData({ message: '请至少填写一名党员的姓名和入党日期' });
      await this.run(async () => {
        const answer = await importMembers({
          orgId: this.me.member.orgId,
          members: sent.map((s) => s.row),
        });
        const rows = applyAnswer(this.data.rows, sent, answer);
        const refused = answer.errors.length;
        const summary = refused
          ? `已导入 ${answer.created.length} 人；${refused} 行未导入，请按提示修改后再提交`
          : `已导入 ${answer.created.length} 人`;
        this.setData({ rows, summary });
        if (answer.created.length) toast(`已导入 ${answer.created.length} 人`, 'success');
      }, 'message');
    },
  },
});
