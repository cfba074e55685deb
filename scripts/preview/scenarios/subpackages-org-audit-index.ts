// 操作记录: the secretary's log in words after a few changes (设置职务, 免于积分 with its reason),
// the superior's log of the orgs below, and a member turned away.
import { definePreview } from '../scenario';
import type { Backend } from '../../../tests/support/backend';

const SECRETARY = 'demo-secretary';
const changes = async (b: Backend) => {
  await b.ok('org', 'setMemberFlags', { memberId: 'demo-member-2', mobile: true }, SECRETARY);
  await b.ok(
    'org',
    'setMemberFlags',
    { memberId: 'demo-member-1', exempt: true, exemptReason: '长期患病卧床，经支委会研究免于积分' },
    SECRETARY,
  );
  await b.ok(
    'org',
    'setRole',
    { memberId: 'demo-member-1', orgId: 'demo-branch', role: 'groupLeader', on: true },
    SECRETARY,
  );
};

export default definePreview({
  scenarios: [
    { state: 'loaded', caption: '书记：操作记录', openid: SECRETARY, setup: changes },
    {
      state: 'superior',
      caption: '上级：本级及下级的记录',
      openid: 'demo-superior',
      setup: changes,
    },
    { state: 'large', caption: '大字模式', openid: SECRETARY, large: true, setup: changes },
    { state: 'error', caption: '出错（后端拒绝）', openid: SECRETARY, refuse: true },
    { state: 'plain', caption: '普通党员无权查看', openid: 'demo-member-1' },
  ],
});
