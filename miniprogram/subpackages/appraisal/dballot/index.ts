// 民主测评: the member's sealed ballot of 民主评议党员 (or the 评组织 rating of the branch), opened
// from the meeting's page (?activityId=) [APR-05, APR-06, APR-21, FORT-20]. Every subject listed
// with big choices and a live count of the member's own 优秀 out of the most allowed; tapping a
// chosen grade again clears it (弃权). 投出 asks once, reading the choice back; then a full-screen
// 您的测评票已投出 with the sentence on secrecy; a second visit says 您已投过票. No vote count ever.
import { fetchActivity } from '../../../services/activity';
import {
  ALREADY_VOTED,
  castBallot,
  fetchBallots,
  type OpenBallot,
} from '../../../services/appraisal';
import { definePage } from '../../../utils/define-page';
import { confirmDialog } from '../../../utils/platform';
import { SEALED_SENTENCE } from '../ballot/view';
import { choiceSummary, dballotView, isDemocraticOrBranch, type DballotView } from './view';

type Grade = OpenBallot['grades'][number]['key'];
const SIGNED = ['present', 'late', 'remote'];
type Screen = '' | 'vote' | 'cast' | 'voted' | 'signIn' | 'none';

definePage({
  fields: () => ({
    activityId: '',
    current: null as OpenBallot | null,
    marks: {} as Record<string, Grade>,
  }),
  data: {
    screen: '' as Screen,
    b: null as DballotView | null,
    meeting: '',
    sealed: SEALED_SENTENCE,
    formError: '',
  },
  async load() {
    if (this.data.screen === 'cast') return;
    // One list of the boxes open here: 民主评议 and 评组织 are this page's (双述双评 has its own).
    const [all, activity] = await Promise.all([
      fetchBallots({ activityId: this.activityId }),
      fetchActivity(this.activityId),
    ]);
    const ballots: OpenBallot[] = all.filter(isDemocraticOrBranch);
    const open = ballots.find((b) => !b.voted) ?? null;
    const voted = ballots.some((b) => b.voted);
    const signedIn = SIGNED.includes(activity.myStatus ?? '');
    if (open?.ballotId !== this.current?.ballotId) this.marks = {};
    this.current = open;
    const screen: Screen = open ? 'vote' : voted ? 'voted' : signedIn ? 'none' : 'signIn';
    this.setData({
      screen,
      meeting: activity.title,
      b: open ? dballotView(open, this.marks) : null,
    });
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.activityId = query.activityId ?? '';
    },
    onChoose(e: WechatMiniprogram.TouchEvent<object, object, { subject: string; grade: string }>) {
      const { subject, grade } = e.currentTarget.dataset;
      const b = this.current;
      if (!b || !this.data.b) return;
      const option = this.data.b.subjects
        .find((s) => s.id === subject)
        ?.options.find((o) => o.key === grade);
      if (option?.shut)
        return this.setData({
          formError: `${this.data.b.counter?.text ?? ''}。要改选，请先取消另一位的“${option.label}”。`,
        });
      const marks = { ...this.marks };
      if (marks[subject] === grade) delete marks[subject];
      else marks[subject] = grade as Grade;
      this.marks = marks;
      this.setData({ b: dballotView(b, marks), formError: '' });
    },
    async onSubmit() {
      const b = this.current;
      if (!b) return;
      if (!b.subjects.some((s) => this.marks[s.id]))
        return this.setData({ formError: '您还没有选任何等次，请至少选一位' });
      const sure = await confirmDialog(
        '投出测评票',
        `您选的是：${choiceSummary(b, this.marks)}。投出后不能修改，确定投出吗？`,
        '确定投出',
      );
      if (!sure) return;
      await this.run(
        async () => {
          await castBallot({ ballotId: b.ballotId, marks: this.marks });
          this.marks = {};
          this.current = null;
          this.setData({ screen: 'cast', b: null });
        },
        (message, code) => {
          if (code === ALREADY_VOTED) this.setData({ screen: 'voted', b: null });
          else this.setData({ formError: message });
        },
      );
    },
    onSignIn() {
      wx.redirectTo({ url: `/subpackages/activity/detail/index?id=${this.activityId}` });
    },
    onDone() {
      if (getCurrentPages().length > 1) wx.navigateBack();
      else wx.switchTab({ url: '/pages/home/index/index' });
    },
  },
});
