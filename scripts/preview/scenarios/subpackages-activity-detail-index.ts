// 活动详情: this month's 主题党日 of the demo seed (under way, so sign-in is open), and last
// month's, closed, with its 纪实 record.
import { finishedWithMedia, meetingMedia, recordWith } from '../fixtures/media';
import { amendLastRecord } from '../fixtures/record';
import { ballotOpen, meetingPageQuery } from '../fixtures/appraisal';
import { definePreview } from '../scenario';

export default definePreview({
  query: { id: 'demo-theme-day' },
  scenarios: [
    {
      state: 'appraisal-ballot',
      caption: '支部党员大会：参加述职测评',
      openid: 'demo-member-1',
      query: meetingPageQuery,
      setup: async (b) => void (await ballotOpen(b)),
    },
    { state: 'loaded', caption: '普通党员：扫码签到', openid: 'demo-member-1' },
    {
      state: 'signed-in',
      caption: '已扫码签到',
      openid: 'demo-member-1',
      setup: async (b) => {
        const { token } = await b.ok(
          'activity',
          'checkinToken',
          { activityId: 'demo-theme-day' },
          'demo-secretary',
        );
        await b.ok('activity', 'checkin', { token }, 'demo-member-1');
      },
    },
    { state: 'secretary', caption: '书记（主持人）', openid: 'demo-secretary' },
    { state: 'mobile', caption: '流动党员', openid: 'demo-mobile' },
    { state: 'past', caption: '已结束的活动与纪实', query: { id: 'demo-theme-day-last' } },
    {
      state: 'record-media',
      caption: '纪实的照片和录音（党员查看）',
      readme: 'activity-media',
      setup: finishedWithMedia,
    },
    {
      state: 'record-media-checking',
      caption: '照片审核中',
      query: { id: 'demo-theme-day-last' },
      setup: async (b) =>
        recordWith(b, 'demo-theme-day-last', await meetingMedia(b, { checked: false })),
    },
    {
      state: 'remote-form',
      caption: '流动党员：线上参加（可附截图）',
      openid: 'demo-mobile',
      act: (p) => p.tap('.remote-button', '.t-button'),
    },
    {
      state: 'inflow-form',
      caption: '流动党员：在流入地参加（附证明）',
      openid: 'demo-mobile',
      act: (p) => p.tap('.inflow-button', '.t-button'),
    },
    {
      state: 'amended',
      caption: '纪实：原始记录与更正',
      query: { id: 'demo-theme-day-last' },
      setup: amendLastRecord,
    },
    {
      state: 'amended-large',
      caption: '纪实（大字模式）',
      large: true,
      query: { id: 'demo-theme-day-last' },
      setup: amendLastRecord,
    },
    {
      state: 'late-superior',
      caption: '上级：批准补录',
      openid: 'demo-superior',
      act: async (p) => {
        const { id } = await p.backend.ok(
          'activity',
          'create',
          {
            orgId: 'demo-branch',
            type: 'partyLecture',
            title: '11月党课：学习党章',
            startAt: '2026-11-20T15:00:00+08:00',
            endAt: '2026-11-20T17:00:00+08:00',
            place: '机关三楼党员活动室',
            lateReason: '当天停电，线下开展，未能在线创建',
          },
          'demo-secretary',
        );
        p.component.instance.setData({ id });
        await p.component.instance.reload();
        await p.settle();
      },
    },
  ],
});
