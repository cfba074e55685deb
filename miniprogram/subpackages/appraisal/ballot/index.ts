// 述职测评: the member's sealed ballot, opened from the 党员大会's page (?activityId=) [SEC-08].
// Not signed in to the meeting: say so and lead to sign-in. Else the subject's name and the four
// grades as big rows; 提交 asks first, then a full-screen 您的测评票已投出 with one sentence on why
// nobody can see the choice; a second visit says 您已投过票. No count is ever shown.
import { fetchActivity } from '../../../services/activity';
import {
  ALREADY_VOTED,
  castBallot,
  fetchBallots,
  type OpenBallot,
} from '../../../services/appraisal';
import { definePage } from '../../../utils/define-page';
import { confirmDialog } from '../../../utils/platform';
import { ballotView, choiceText, SEALED_SENTENCE, type BallotView } from './view';

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
    b: null as BallotView | null,
    meeting: '',
    sealed: SEALED_SENTENCE,
    formError: '',
  },
  async load() {
    // Coming back after the vote keeps the confirmation on screen.
    if (this.data.screen === 'cast') return;
    const [ballots, activity] = await Promise.all([
      fetchBallots({ activityId: this.activityId }),
      fetchActivity(this.activityId),
    ]);
    const open = ballots.find((b) => !b.voted) ?? null;
    // The backend lists a ballot the caller voted in with `voted` (on any phone); nothing local.
    const votedHere = ballots.some((b) => b.voted);
    const signedIn = SIGNED.includes(activity.myStatus ?? '');
    this.current = open;
    if (!open) this.marks = {};
    const screen: Screen = open ? 'vote' : votedHere ? 'voted' : signedIn ? 'none' : 'signIn';
    this.setData({
      screen,
      meeting: activity.title,
      b: open ? ballotView(open, this.marks) : null,
    });
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.activityId = query.activityId ?? '';
    },
    onChoose(e: WechatMiniprogram.TouchEvent<object, object, { subject: string; grade: string }>) {
      const { subject, grade } = e.currentTarget.dataset;
      if (!this.current) return;
      this.marks = { ...this.marks, [subject]: grade as Grade };
      this.setData({ b: ballotView(this.current, this.marks), formError: '' });
    },
    async onSubmit() {
      const b = this.current;
      if (!b) return;
      if (b.subjects.some((s) => !this.marks[s.id]))
        return this.setData({ formError: '请为每一位述职人选一个等次' });
      const sure = await confirmDialog(
        '投出测评票',
        `您选的是：${choiceText(b, this.marks)}。投出后不能修改，确定投出吗？`,
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
