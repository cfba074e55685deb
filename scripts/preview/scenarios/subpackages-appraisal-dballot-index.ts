// 民主测评: the member's sealed ballot of 民主评议党员 from the meeting's page: every 正式党员,
// the live count of the member's own 优秀 against the most allowed, then 您的测评票已投出.
import { ballotOpen, meetingQuery } from '../fixtures/democratic';
import { answerDialogs } from '../../../tests/setup/simulate';
import { definePreview } from '../scenario';

const MEMBER = 'demo-member-1';
const setup = ballotOpen;

export default definePreview({
  query: meetingQuery,
  scenarios: [
    {
      state: 'loaded',
      caption: '党员：民主测评票',
      openid: MEMBER,
      setup,
      readme: 'democratic-ballot',
    },
    { state: 'large', caption: '大字模式', openid: MEMBER, large: true, setup },
    { state: 'error', caption: '出错（后端拒绝）', openid: MEMBER, refuse: true, setup },
    {
      state: 'cap-reached',
      caption: '“优秀”选满4人',
      openid: MEMBER,
      setup,
      act: async (p) => {
        const ids = (p.component.data.b.subjects as { id: string }[]).map((s) => s.id);
        for (const id of ids.slice(0, 4)) await p.tap(`.subject-${id} .option-excellent`);
        for (const id of ids.slice(4)) await p.tap(`.subject-${id} .option-qualified`);
      },
    },
    {
      state: 'done',
      caption: '投出后',
      openid: MEMBER,
      setup,
      act: async (p) => {
        const dialogs = answerDialogs(true);
        try {
          const ids = (p.component.data.b.subjects as { id: string }[]).map((s) => s.id);
          for (const id of ids) await p.tap(`.subject-${id} .option-qualified`);
          await p.tap('.submit-button', '.t-button');
        } finally {
          dialogs.mockRestore();
        }
      },
    },
  ],
});
