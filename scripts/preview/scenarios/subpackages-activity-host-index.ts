// 主持台: the host of this month's 主题党日 in the demo seed (the secretary) with the rotating
// sign-in QR; a plain member is turned away.
import { meetingMedia, mediaStubs, recordWith, remoteWithScreenshot } from '../fixtures/media';
import { amendLastRecord } from '../fixtures/record';
import { definePreview, type PreviewPageHandle } from '../scenario';
import { mp3Bytes, pdfBytes } from '../../../tests/support/media-fixtures';

const HOST = 'demo-secretary';

/**
 * The record form mid-way: two photos on the record already (checked), a document whose upload
 * the network dropped (上传失败 + 重试), and a recording on its way (45%), so 保存 waits [MTG-10].
 */
async function uploadsUnderWay(p: PreviewPageHandle): Promise<void> {
  const wxm = mediaStubs(p.backend, HOST);
  const picker = ['.record-form', '.record-media'];
  wxm.failNextUpload();
  wxm.nextDocument([{ bytes: pdfBytes(), name: '学习材料.pdf' }]);
  await p.tap(...picker, '.media-picker__document');
  await wxm.idle();
  await p.settle();
  wxm.holdUploads(); // never released: the picture is taken mid-way
  wxm.nextRecording({ bytes: mp3Bytes(), seconds: 312 });
  await p.tap(...picker, '.media-picker__record');
  await p.tap(...picker, '.media-recorder__start');
  await p.tap(...picker, '.media-recorder__stop');
  for (
    let i = 0;
    i < 20 && !JSON.stringify(p.find('.record-form')?.data).includes('"percent":45');
    i++
  )
    await new Promise((r) => setTimeout(r, 10));
  await p.settle();
}

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
      state: 'record-media',
      caption: '纪实：照片已上传，录音上传中，文件上传失败可重试',
      openid: HOST,
      readme: 'record-media',
      setup: async (b) =>
        recordWith(b, 'demo-theme-day', await meetingMedia(b, { recording: false })),
      act: uploadsUnderWay,
    },
    {
      state: 'record-archived-media',
      caption: '已归档纪实的照片和录音：不能删除，更正时可再添加',
      openid: HOST,
      query: { id: 'demo-theme-day-last' },
      setup: async (b) => recordWith(b, 'demo-theme-day-last', await meetingMedia(b)),
    },
    {
      state: 'record-minimum',
      caption: '上级要求至少上传1份照片或资料',
      openid: HOST,
      setup: async (b) =>
        void (await b.ok(
          'org',
          'setSetting',
          { orgId: 'demo-branch', key: 'mtg.minEvidence', value: 1, reason: '留存会场照片' },
          'demo-superior',
        )),
    },
    {
      state: 'roll-evidence',
      caption: '参加人员：线上参加的截图、流入地证明',
      openid: HOST,
      setup: remoteWithScreenshot,
    },
    {
      state: 'amended',
      caption: '已归档纪实的更正记录',
      openid: HOST,
      query: { id: 'demo-theme-day-last' },
      setup: amendLastRecord,
    },
  ],
});
