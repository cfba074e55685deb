// 签到入口码: the printable code of this month's 主题党日 with its title, and the note that it
// only opens the page; a plain member turned away. The stored image is handed to the page as a
// data URL, as CloudBase's temporary URL would be.
import type { Backend } from '../../../tests/support/backend';
import { definePreview, type PreviewPageHandle } from '../scenario';

const SECRETARY = 'demo-secretary';
/** The picture arrives after the page is ready (storage, not a function call): wait for it. */
const waitForPicture = async (p: PreviewPageHandle) => {
  for (let i = 0; i < 40 && !p.component.data.imageUrl; i++)
    await new Promise((r) => setTimeout(r, 50));
  await p.settle();
};

/** wx.cloud.getTempFileURL against the preview's emulator: the stored bytes as a data URL. */
async function servePictures(b: Backend): Promise<void> {
  const cloud = (globalThis as any).wx.cloud;
  cloud.getTempFileURL = ({ fileList, success, fail }: any) => {
    fetch(`${b.url}/__emulator/files/${encodeURIComponent(fileList[0])}`)
      .then(async (r) => {
        const bytes = Buffer.from(await r.arrayBuffer()).toString('base64');
        success({
          fileList: [{ fileID: fileList[0], tempFileURL: `data:image/png;base64,${bytes}` }],
        });
      })
      .catch(fail);
  };
}

export default definePreview({
  query: { id: 'demo-theme-day' },
  scenarios: [
    {
      state: 'loaded',
      caption: '书记：可打印的入口码',
      openid: SECRETARY,
      setup: servePictures,
      act: waitForPicture,
    },
    {
      state: 'large',
      caption: '大字模式',
      openid: SECRETARY,
      large: true,
      setup: servePictures,
      act: waitForPicture,
    },
    { state: 'error', caption: '出错（后端拒绝）', openid: SECRETARY, refuse: true },
    { state: 'member', caption: '普通党员无权打印', openid: 'demo-member-1' },
  ],
});
