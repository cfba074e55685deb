// 积分审核: the scorer with one member's declaration waiting, the scorer's own declaration
// (which only someone else may review), the secretary with an appeal to answer, and a plain
// member turned away.
import { declarationWithEvidence } from '../fixtures/media';
import { pendingDeclaration, publishLatestQuarter } from '../fixtures/points';
import { definePreview } from '../scenario';

const SCORER = 'demo-organizer';
const oneDeclaration = (b: Parameters<typeof pendingDeclaration>[0]) =>
  pendingDeclaration(b, 'demo-member-1', '周末到敬老院开展志愿服务，有社区出具的证明');

export default definePreview({
  scenarios: [
    { state: 'loaded', caption: '记分员：一条待审核的申报', openid: SCORER, setup: oneDeclaration },
    {
      state: 'large',
      caption: '大字模式',
      openid: SCORER,
      large: true,
      setup: oneDeclaration,
    },
    { state: 'error', caption: '出错（后端拒绝）', openid: SCORER, refuse: true },
    {
      state: 'evidence',
      caption: '记分员：对照照片和证明材料核实',
      openid: SCORER,
      setup: async (b) => declarationWithEvidence(b),
    },
    {
      state: 'own',
      caption: '记分员本人的申报不能自审',
      openid: SCORER,
      setup: async (b) => {
        await oneDeclaration(b);
        await pendingDeclaration(b, SCORER, '参加街道防汛值守两晚');
      },
    },
    {
      state: 'secretary',
      caption: '书记：答复申辩',
      openid: 'demo-secretary',
      setup: async (b) => {
        await publishLatestQuarter(b);
        const year = new Date(b.emulator.clock.now() + 8 * 3600_000).getUTCFullYear();
        await b.ok(
          'points',
          'appeal',
          { entryId: `base:study:${year}:demo-member-4`, reason: '参加过两次集中学习，未计学时' },
          'demo-member-4',
        );
      },
    },
    { state: 'member', caption: '普通党员无权审核', openid: 'demo-member-1' },
  ],
});
