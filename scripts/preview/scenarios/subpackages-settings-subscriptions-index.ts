// 消息提醒 under 我的: each kind with the grants left; one 允许 granted to 党务公开 (a template id
// is configured for it in this preview, as it would be in a released build).
import { definePreview } from '../scenario';

const ids = (): Record<string, string> =>
  require('../../../miniprogram/config').subscribeTemplateIds;
const configured = () => {
  ids().noticePublished = 'TMPL-NOTICE';
  ids().activityReminder = 'TMPL-ACTIVITY';
};
/** Put back once the page has drawn: the other pages of the run keep an unconfigured build. */
const unconfigured = async () => {
  ids().noticePublished = '';
  ids().activityReminder = '';
};

export default definePreview({
  scenarios: [
    {
      state: 'loaded',
      caption: '党员：各类消息的剩余条数',
      setup: async (b) => {
        configured();
        await b.ok('org', 'subscribe', { accepted: ['noticePublished'] }, 'demo-member-1');
      },
      act: unconfigured,
    },
    {
      state: 'large',
      caption: '大字模式',
      large: true,
      setup: async () => configured(),
      act: unconfigured,
    },
  ],
});
