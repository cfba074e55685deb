// 积分: the member's points. The ledger comes with the points function; until then the tab
// names the branch, says whether the member is exempt, and says the feature is not open yet.
import { currentMemberBehavior } from '../../../behaviors/current-member';
import { largeTextBehavior } from '../../../behaviors/large-text';

Component({
  behaviors: [largeTextBehavior, currentMemberBehavior],
  methods: {
    // Page lifecycle: reload on every show, so a bind made elsewhere is reflected here.
    onShow() {
      this.loadMember();
    },
  },
});
