// 支部换届 (issue 16, the admin-pages helper's page): the branch secretary files the 换届选举请示;
// the superior sees the requests of the branches below and approves or returns one [ORG-20, ORG-21].
import { definePreview } from '../scenario';

const request = {
  orgId: 'demo-branch',
  plannedDate: '2026-12-20',
  seats: 5,
  reason: '本届支部委员会任期将满，拟召开党员大会选举新一届支部委员会。',
};

export default definePreview({
  scenarios: [
    {
      state: 'secretary',
      caption: '支部书记：提交换届选举请示',
      openid: 'demo-secretary',
      query: { orgId: 'demo-branch' },
    },
    {
      state: 'superior',
      caption: '上级党组织：各支部的换届请示，批复或退回',
      openid: 'demo-superior',
      query: { orgId: 'demo-committee' },
      setup: async (b) => void (await b.ok('org', 'requestElection', request, 'demo-secretary')),
    },
    {
      state: 'large',
      caption: '大字模式（上级党组织）',
      openid: 'demo-superior',
      query: { orgId: 'demo-committee' },
      large: true,
      setup: async (b) => void (await b.ok('org', 'requestElection', request, 'demo-secretary')),
    },
  ],
});
