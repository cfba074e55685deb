// 主持台: the host of this month's 主题党日 in the demo seed (the secretary) with the rotating
// sign-in QR; a plain member is turned away.
import { amendLastRecord } from '../fixtures/record';
import { definePreview } from '../scenario';

const HOST = 'demo-secretary';

export default definePreview({
  query: { id: 'demo-theme-day' },
  scenarios: [
    { state: 'loaded', caption: '主持人：签到二维码', openid: HOST },
    { state: 'large', caption: '大字模式', openid: HOST, large: true },
    { state: 'error', caption: '出错（后端拒绝）', openid: HOST, refuse: true },
    {
      state: 'projector',
      caption: '全屏投屏',
      openid: HOST,
      readme: 'projector',
      act: (p) => p.tap('.projector-button', '.t-button'),
    },
    { state: 'recorder', caption: '记录人', openid: 'demo-organizer' },
    { state: 'not-host', caption: '普通党员无权使用', openid: 'demo-member-1' },
    { state: 'past', caption: '已结束的活动', openid: HOST, query: { id: 'demo-theme-day-last' } },
    {
      state: 'amended',
      caption: '已归档纪实的更正记录',
      openid: HOST,
      query: { id: 'demo-theme-day-last' },
      setup: amendLastRecord,
    },
  ],
});
