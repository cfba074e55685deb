/**
 * One vote on a motion: the counts go to the backend, which judges validity and passing by the
 * quorum rules over the right denominator (VOTE-*); this form only shows its answer.
 */
import { busyBehavior } from '../../../../behaviors/busy';
import { recordVote } from '../../../../services/activity';

type Kind = 'ordinary' | 'development';

function count(text: string): number | null {
  const t = text.trim();
  return /^\d{1,4}$/.test(t) ? Number(t) : null;
}

Component({
  behaviors: [busyBehavior],
  options: { addGlobalClass: true },
  properties: {
    activityId: { type: String, value: '' },
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
    outcome: null as null | { title: string; passed: boolean; lines: string[] },
    error: '',
  },
  methods: {
    onField(e: WechatMiniprogram.CustomEvent<{ value: string }, object, { field: string }>) {
      this.setData({ [e.currentTarget.dataset.field]: e.detail.value, error: '' });
    },
    onKind(e: WechatMiniprogram.TouchEvent<object, object, { value: Kind }>) {
      this.setData({ kind: e.currentTarget.dataset.value });
    },
    async onSubmit() {
      const motion = this.data.motion.trim();
      const [yes, no, abstain] = [this.data.yes, this.data.no, this.data.abstain].map(count);
      const written = this.data.written.trim() ? count(this.data.written) : 0;
      if (!motion) return this.setData({ error: '请填写表决事项' });
      if (yes === null || no === null || abstain === null || written === null)
        return this.setData({ error: '请填写同意、不同意、弃权票数（整数）' });
      this.setData({ outcome: null });
      await this.run(async () => {
        const development = this.data.kind === 'development';
        const r = await recordVote({
          activityId: this.data.activityId,
          motion,
          yes,
          no,
          abstain,
          kind: this.data.kind,
          ...(development && written ? { written } : {}),
        });
        const title = !r.valid
          ? '表决无效'
          : r.passed
            ? '表决有效，获得通过'
            : '表决有效，未获通过';
        const lines = [
          `应到会有表决权党员 ${r.eligible} 人，实到 ${r.presentEligible} 人`,
          ...(r.reason ? [r.reason] : []),
        ];
        this.setData({ outcome: { title, passed: r.valid && r.passed, lines } });
      }, 'error');
    },
  },
});
