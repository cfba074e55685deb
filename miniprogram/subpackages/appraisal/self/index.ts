// 个人自评 (?id=<campaign>) [APR-02, APR-06]: one big text box, 保存, then 已提交 with the date;
// "由支部代为录入" when the committee recorded it for a member without a phone (CHK-12 spirit).
// The committee opens the same page with &memberId= to record it for that member, or with
// &what=mutual to record the 党员互评情况 from the minutes. Offers follow `get.can`.
import {
  fetchCampaign,
  fetchEntries,
  recordMutual,
  selfEvaluate,
  type DemocraticEntry,
} from '../../../services/appraisal';
import { askSubscription } from '../../../services/subscription';
import { definePage } from '../../../utils/define-page';
import { toast } from '../../../utils/platform';
import { dateText } from '../view';

type What = 'self' | 'mutual';

function savedText(e: DemocraticEntry | undefined, what: What): { text: string; at: string } {
  if (what === 'mutual') return { text: e?.mutual?.summary ?? '', at: e?.mutual?.at ?? '' };
  return { text: e?.self?.text ?? '', at: e?.self?.at ?? '' };
}

definePage({
  fields: () => ({ id: '', memberId: '', what: 'self' as What }),
  emptyOn: ['AUTH.FORBIDDEN'],
  data: {
    title: '',
    who: '',
    ask: '',
    text: '',
    saved: false,
    savedAt: '',
    proxy: '',
    editing: false,
    editable: false,
    message: '',
    formError: '',
  },
  async load(me) {
    const forOther = !!this.memberId && this.memberId !== me.member.id;
    const what = this.what;
    const [c, entries] = await Promise.all([
      fetchCampaign({ id: this.id }),
      fetchEntries(forOther ? { id: this.id, memberId: this.memberId } : { id: this.id }),
    ]);
    const mine = forOther ? this.memberId : me.member.id;
    const entry = entries.find((e) => e.memberId === mine);
    if (!entry && !forOther) return this.empty('您不在这次民主评议的名单中');
    const saved = savedText(entry, what);
    const action = what === 'mutual' ? 'recordMutual' : 'selfEvaluate';
    const name = entry?.name ?? '';
    this.setTitle(what === 'mutual' ? '党员互评情况' : forOther ? '代为录入个人自评' : '个人自评');
    this.setData({
      title: `${c.orgName}${c.year}年度民主评议党员`,
      who:
        what === 'mutual' ? `${name}的党员互评情况` : forOther ? `为${name}代为录入个人自评` : '',
      ask:
        what === 'mutual'
          ? '根据党员互评时的会议记录，写明大家对这位同志的主要意见。'
          : forOther
            ? '这位同志没有手机时，由支部按本人的口述或书面自评代为录入。'
            : '对照党员标准，写一写自己一年来的学习、工作和发挥作用的情况，以及存在的不足。',
      text: this.data.editing ? this.data.text : saved.text,
      saved: !!saved.text,
      savedAt: saved.at ? dateText(saved.at) : '',
      proxy:
        what === 'self' && entry?.self?.proxy
          ? `由支部代为录入${entry.self.byName ? `（${entry.self.byName}）` : ''}`
          : '',
      editable: c.can.includes(action),
      editing: this.data.editing || (!saved.text && c.can.includes(action)),
    });
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.id = query.id ?? '';
      this.memberId = query.memberId ?? '';
      this.what = query.what === 'mutual' ? 'mutual' : 'self';
    },
    onType(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ text: e.detail.value, formError: '' });
    },
    onEdit() {
      this.setData({ editing: true, message: '' });
    },
    async onSave() {
      // On the tap (WeChat asks only then): the reminders of the next steps and of the result.
      void askSubscription(['workAlert']);
      const text = this.data.text.trim();
      if (!text)
        return this.setData({
          formError: this.what === 'mutual' ? '请写明互评情况' : '请先写下自评',
        });
      await this.run(async () => {
        if (this.what === 'mutual')
          await recordMutual({ id: this.id, memberId: this.memberId, summary: text });
        else
          await selfEvaluate({
            id: this.id,
            text,
            ...(this.memberId ? { memberId: this.memberId } : {}),
          });
        toast('已保存', 'success');
        this.setData({ editing: false, message: '已保存，评议时支部委员会可以看到' });
        await this.reload();
      }, 'formError');
    },
  },
});
