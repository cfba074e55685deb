// 落实情况: only the branch committee and the superior organisation may see it, so show both;
// the default member view is the refusal.
import { stubFileApis } from '../fixtures/exports';
import { definePreview } from '../scenario';

export default definePreview({
  scenarios: [
    { state: 'secretary', caption: '书记', openid: 'demo-secretary' },
    { state: 'superior', caption: '上级党组织管理员', openid: 'demo-superior' },
    {
      state: 'not-counted',
      caption: '书记：已开但没有纪实的支委会不计入，点一下去补全',
      openid: 'demo-secretary',
      setup: async (backend) => {
        const clock = backend.emulator.clock;
        const demo = clock.now();
        clock.freeze(Date.parse('2026-11-27T14:00:00+08:00'));
        const { id } = await backend.ok(
          'activity',
          'create',
          {
            orgId: 'demo-branch',
            type: 'committeeMeeting',
            title: '11月支委会（补充）',
            startAt: '2026-11-27T15:00:00+08:00',
            endAt: '2026-11-27T16:00:00+08:00',
          },
          'demo-secretary',
        );
        clock.freeze(Date.parse('2026-11-27T16:30:00+08:00'));
        await backend.ok('activity', 'close', { activityId: id }, 'demo-secretary');
        clock.freeze(+demo);
      },
    },
    {
      state: 'exported',
      caption: '书记：半年台账已导出，可打开或发给好友',
      openid: 'demo-secretary',
      act: async (p) => {
        stubFileApis(p.backend);
        await p.tap('.export-report', '.export-file__make', '.t-button');
        await p.settle();
      },
    },
  ],
});
