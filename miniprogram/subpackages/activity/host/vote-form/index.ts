/**
 * One vote on a motion: the counts go to the backend, which judges validity and passing by the
 * quorum rules over the right denominator (VOTE-*); this form only shows its answer. At a meeting
 * with an agenda each item is voted on separately, after its discussion [VOTE-20]: the host picks
 * the item and confirms it was discussed, and the form records that (`discuss` without a speaker)
 * before the vote names the item.
 */
import { busyBehavior } from '../../../../behaviors/busy';
import { recordDiscussion, recordVote } from '../../../../services/activity';

type Kind = 'ordinary' | 'development';
interface AgendaChoice {
  index: number;
  number: string;
  title: string;
}

const NOT_PICKED = -1;

function count(text: string): number | null {
  const t = text.trim();
  return /^\d{1,4}$/.test(t) ? Number(t) : null;
}

Component({
  behaviors: [busyBehavior],
  options: { addGlobalClass: true },
  properties: {
    activityId: { type: String, value: '' },
    /** The meeting's agenda; empty: a vote on its own, naming no item. */
    agenda: { type: Array, value: [] as string[] },
  },
  data: {
    motion: '',
    yes: '',
    no: '',
    abstain: '',
    written: '',
    kind: 'ordinary' as Kind,
    kinds: [
      { value: 'ordinary', label: '一般事项' },
      { value: 'development', label: '发展党员' },
    ],
    choices: [] as AgendaChoice[],
    pickedItem: NOT_PICKED,
    /** The host ticked 本项议程已经讨论 for the picked item. */
    confirmed: false,
    /** The picked item's discussion is already recorded (by this form, earlier). */
    itemDiscussed: false,
    /** Items whose discussion this form recorded; the backend keeps the record. */
    discussed: [] as number[],
    outcome: null as null | { title: string; passed: boolean; lines: string[] },
    error: '',
    /** Shown at the confirmation itself, where the host has to act. */
    confirmError: '',
  },
  observers: {
    agenda(agenda: string[]) {
      // The host console re-renders on every poll; keep the pick unless the agenda itself changed.
      const titles = this.data.choices.map((c) => c.title);
      if (JSON.stringify(titles) === JSON.stringify(agenda ?? [])) return;
      const choices = (agenda ?? []).map((title, index) => ({
        index,
        number: `第${index + 1}项`,
        title,
      }));
      // A single item is the one voted on; with more, the host picks.
      const pickedItem = choices.length === 1 ? 0 : NOT_PICKED;
      this.setData({
        choices,
        pickedItem,
        confirmed: false,
        itemDiscussed: false,
        confirmError: '',
      });
    },
  },
  methods: {
    onField(e: WechatMiniprogram.CustomEvent<{ value: string }, object, { field: string }>) {
      this.setData({ [e.currentTarget.dataset.field]: e.detail.value, error: '' });
    },
    onKind(e: WechatMiniprogram.TouchEvent<object, object, { value: Kind }>) {
      this.setData({ kind: e.currentTarget.dataset.value });
    },
    onItem(e: WechatMiniprogram.TouchEvent<object, object, { index: number }>) {
      const item = Number(e.currentTarget.dataset.index);
      if (item === this.data.pickedItem) return;
      this.setData({
        pickedItem: item,
        confirmed: false,
        itemDiscussed: this.data.discussed.includes(item),
        outcome: null,
        error: '',
        confirmError: '',
      });
    },
    onConfirm(e: WechatMiniprogram.CustomEvent<{ checked: boolean }>) {
      this.setData({ confirmed: e.detail.checked, error: '', confirmError: '' });
    },
    /**
     * What keeps the form from being sent, in the order the host fills it in: the message by the
     * button, and one at the confirmation when that is what is missing; null when nothing.
     */
    problem(): { error: string; confirmError?: string } | null {
      const { choices, pickedItem, confirmed, itemDiscussed } = this.data;
      if (choices.length && pickedItem === NOT_PICKED)
        return { error: '请先在第一步选择要表决的是哪一项议程' };
      if (choices.length && !confirmed && !itemDiscussed)
        return {
          error: '请先完成第二步：本项讨论过后，请勾选“本项议程已经讨论”',
          confirmError: '每项议程要先讨论、再表决',
        };
      if (!this.data.motion.trim()) return { error: '请填写表决事项' };
      return null;
    },
    async onSubmit() {
      const motion = this.data.motion.trim();
      const [yes, no, abstain] = [this.data.yes, this.data.no, this.data.abstain].map(count);
      const written = this.data.written.trim() ? count(this.data.written) : 0;
      const problem = this.problem();
      if (problem) return this.setData({ confirmError: '', ...problem });
      if (yes === null || no === null || abstain === null || written === null)
        return this.setData({ error: '请填写同意、不同意、弃权票数（整数）' });
      this.setData({ outcome: null });
      const activityId = this.data.activityId;
      const item = this.data.choices.length ? this.data.pickedItem : undefined;
      await this.run(async () => {
        if (item !== undefined && !this.data.discussed.includes(item)) {
          await recordDiscussion({ activityId, item });
          this.setData({ discussed: [...this.data.discussed, item], itemDiscussed: true });
        }
        const development = this.data.kind === 'development';
        const r = await recordVote({
          activityId,
          motion,
          yes,
          no,
          abstain,
          kind: this.data.kind,
          ...(item !== undefined ? { item } : {}),
          ...(development && written ? { written } : {}),
        });
        const title = !r.valid
          ? '表决无效'
          : r.passed
            ? '表决有效，获得通过'
            : '表决有效，未获通过';
        const lines = [
          ...(item !== undefined
            ? [`议程${this.data.choices[item].number}：${this.data.choices[item].title}`]
            : []),
          `应到会有表决权党员 ${r.eligible} 人，实到 ${r.presentEligible} 人`,
          ...(r.reason ? [r.reason] : []),
        ];
        this.setData({ outcome: { title, passed: r.valid && r.passed, lines } });
      }, 'error');
    },
  },
});
