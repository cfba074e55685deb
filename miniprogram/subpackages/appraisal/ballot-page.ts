/**
 * The sealed ballot page both 述职测评 (ballot/) and 民主测评/评组织 (dballot/) are: opened from
 * the meeting's page (?activityId=), it shows the first open box, asks before casting and then
 * a full-screen 您的测评票已投出; a second visit says 您已投过票; not signed in to the meeting
 * leads to sign-in. No count is ever shown. Each page gives what differs: which boxes are its
 * own, how the choices are drawn, what a tap does and what must be chosen before casting.
 */
import { fetchActivity } from '../../services/activity';
import { ALREADY_VOTED, castBallot, fetchBallots, type OpenBallot } from '../../services/appraisal';
import { definePage } from '../../utils/define-page';
import { confirmDialog } from '../../utils/platform';
import { SEALED_SENTENCE } from './ballot/view';

export type Grade = OpenBallot['grades'][number]['key'];
export type Marks = Record<string, Grade>;
const SIGNED = ['present', 'late', 'remote'];
type Screen = '' | 'vote' | 'cast' | 'voted' | 'signIn' | 'none';

export interface BallotPageSpec<V> {
  /** The boxes this page is for (all where absent). */
  mine?: (b: OpenBallot) => boolean;
  view: (b: OpenBallot, marks: Marks) => V;
  /** The marks after tapping `grade` for `subject`, or the sentence why that cannot be chosen. */
  choose: (view: V, marks: Marks, subject: string, grade: Grade) => Marks | string;
  /** Why the ballot cannot be cast yet ('' where it can). */
  missing: (b: OpenBallot, marks: Marks) => string;
  /** The choice read back before casting. */
  readBack: (b: OpenBallot, marks: Marks) => string;
}

export function defineBallotPage<V>(spec: BallotPageSpec<V>): string {
  return definePage({
    fields: () => ({
      activityId: '',
      current: null as OpenBallot | null,
      marks: {} as Marks,
    }),
    data: {
      screen: '' as Screen,
      b: null as V | null,
      meeting: '',
      sealed: SEALED_SENTENCE,
      formError: '',
    },
    async load() {
      // Coming back after the vote keeps the confirmation on screen.
      if (this.data.screen === 'cast') return;
      const [all, activity] = await Promise.all([
        fetchBallots({ activityId: this.activityId }),
        fetchActivity(this.activityId),
      ]);
      const ballots = spec.mine ? all.filter(spec.mine) : all;
      const open = ballots.find((b) => !b.voted) ?? null;
      // The backend lists a ballot the caller voted in with `voted` (on any phone); nothing local.
      const voted = ballots.some((b) => b.voted);
      const signedIn = SIGNED.includes(activity.myStatus ?? '');
      if (!open || open.ballotId !== this.current?.ballotId) this.marks = {};
      this.current = open;
      const screen: Screen = open ? 'vote' : voted ? 'voted' : signedIn ? 'none' : 'signIn';
      this.setData({
        screen,
        meeting: activity.title,
        b: open ? spec.view(open, this.marks) : null,
      });
    },
    methods: {
      onLoad(query: Record<string, string | undefined>) {
        this.activityId = query.activityId ?? '';
      },
      onChoose(
        e: WechatMiniprogram.TouchEvent<object, object, { subject: string; grade: string }>,
      ) {
        const { subject, grade } = e.currentTarget.dataset;
        const b = this.current;
        if (!b || !this.data.b) return;
        const marks = spec.choose(this.data.b as V, this.marks, subject, grade as Grade);
        if (typeof marks === 'string') return this.setData({ formError: marks });
        this.marks = marks;
        this.setData({ b: spec.view(b, marks), formError: '' });
      },
      async onSubmit() {
        const b = this.current;
        if (!b) return;
        const missing = spec.missing(b, this.marks);
        if (missing) return this.setData({ formError: missing });
        const sure = await confirmDialog(
          '投出测评票',
          `您选的是：${spec.readBack(b, this.marks)}。投出后不能修改，确定投出吗？`,
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
}
