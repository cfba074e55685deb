// 述职测评: the member's sealed ballot from the 党员大会's page: vote, the confirmation with its
// one sentence, a second visit (已投过票), and a member not signed in to the meeting.
import { ballotOpen, meetingQuery, VOTERS } from '../fixtures/appraisal';
import { answerDialogs } from '../../../tests/setup/simulate';
import { definePreview } from '../scenario';

const setup = async (b: Parameters<typeof ballotOpen>[0]) => void (await ballotOpen(b));
const MEMBER = VOTERS[0];

export default definePreview({
  query: meetingQuery,
  scenarios: [
    { state: 'loaded', caption: '党员：测评票', openid: MEMBER, setup, readme: 'appraisal-ballot' },
    { state: 'large', caption: '大字模式', openid: MEMBER, large: true, setup },
    { state: 'error', caption: '出错（后端拒绝）', openid: MEMBER, refuse: true, setup },
    {
      state: 'chosen',
      caption: '选好等次',
      openid: MEMBER,
      setup,
      act: (p) => p.tap('.option-competent'),
    },
    {
      state: 'done',
      caption: '投出后：您的测评票已投出',
      openid: MEMBER,
      setup,
      readme: 'appraisal-done',
      act: async (p) => {
        const dialogs = answerDialogs(true);
        try {
          await p.tap('.option-competent');
          await p.tap('.submit-button', '.t-button');
        } finally {
          dialogs.mockRestore();
        }
      },
    },
    {
      state: 'voted',
      caption: '再次进入：您已投过票',
      openid: MEMBER,
      setup,
      // Voted on this phone, then the page is opened again from the meeting.
      act: async (p) => {
        const dialogs = answerDialogs(true);
        try {
          await p.tap('.option-competent');
          await p.tap('.submit-button', '.t-button');
        } finally {
          dialogs.mockRestore();
        }
        p.component.instance.setData({ screen: '' });
        await p.call('reload');
      },
    },
    { state: 'not-signed-in', caption: '没有签到本次会议', openid: 'demo-member-8', setup },
  ],
});
