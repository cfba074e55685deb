/**
 * Every tab starts from the same question: who is this? This behavior asks the backend
 * (org.me) and keeps the answer in page data as one of: loading, error (with the backend's
 * Chinese message), unbound (show the bind prompt) or ready (a member card).
 */
import { codeOf, messageOf } from '../services/cloud';
import { fetchMe, UNBOUND } from '../services/org';
import type { MeOutput } from '../services/types';
import { toMemberView, type MemberView } from '../utils/member-view';

export type ViewStatus = 'loading' | 'error' | 'empty' | 'ready';

export const currentMemberBehavior = Behavior({
  data: {
    status: 'loading' as ViewStatus,
    errorMessage: '',
    unbound: false,
    member: null as MemberView | null,
  },
  methods: {
    /** Loads the caller's membership; resolves with it, or null when there is none to show. */
    async loadMember(): Promise<MeOutput | null> {
      // Keep a card already on screen while refreshing on show, instead of flashing a spinner.
      if (!this.data.member) this.setData({ status: 'loading', errorMessage: '' });
      try {
        const me = await fetchMe();
        this.setData({ status: 'ready', unbound: false, member: toMemberView(me) });
        return me;
      } catch (err) {
        if (codeOf(err) === UNBOUND) {
          this.setData({ status: 'ready', unbound: true, member: null });
        } else {
          this.setData({ status: 'error', errorMessage: messageOf(err), member: null });
        }
        return null;
      }
    },
  },
});
