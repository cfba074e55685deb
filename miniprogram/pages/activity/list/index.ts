// 活动: the branch's organisational life. The list itself comes with the activity function;
// until then the tab names the member's branch and says plainly that the list is not open yet.
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
