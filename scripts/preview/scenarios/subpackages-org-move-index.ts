// 调动党员 (issue 16, the admin-pages helper's page): the superior moves a member to another branch
// of the tree (records stay with the old branch [PRIV-20]) or puts a member in a 党小组 [ORG-23].
import { definePreview } from '../scenario';

export default definePreview({
  scenarios: [
    {
      state: 'superior',
      caption: '上级党组织：选支部、选党员，调往另一个支部',
      openid: 'demo-superior',
      query: { orgId: 'demo-branch' },
    },
    {
      state: 'secretary',
      caption: '支部书记：把党员编入党小组',
      openid: 'demo-secretary',
      query: { orgId: 'demo-branch' },
    },
  ],
});
