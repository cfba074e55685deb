// 首页: greets the bound member and offers the shortcuts a member uses most.
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
