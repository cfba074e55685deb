// 公开详情: the 审议程序 of a matter whose 提议 came first (two of five stages), a notice
// corrected once with an attachment, and the secretary's view with 签阅情况 and 修改.
import { editedNotice, opened, openedQuery, twoStageMatter } from '../fixtures/notice';
import { noticeWithFiles } from '../fixtures/media';
import { definePreview } from '../scenario';

const matterReview = async (b: Parameters<typeof twoStageMatter>[0]) => {
  opened.id = (await twoStageMatter(b)).review;
};

export default definePreview({
  query: openedQuery,
  scenarios: [
    {
      state: 'loaded',
      caption: '党员：事项的五个阶段（已公开两个）',
      openid: 'demo-member-1',
      setup: matterReview,
    },
    {
      state: 'large',
      caption: '大字模式',
      openid: 'demo-member-1',
      large: true,
      setup: matterReview,
    },
    {
      state: 'edited',
      caption: '修改过一次（第2版）并带附件',
      openid: 'demo-member-1',
      setup: async (b) => {
        opened.id = await editedNotice(b);
      },
    },
    {
      state: 'files',
      caption: '附件：照片和文件',
      openid: 'demo-member-1',
      setup: async (b) => {
        opened.id = await noticeWithFiles(b);
      },
    },
    {
      state: 'secretary',
      caption: '书记：签阅情况与修改',
      openid: 'demo-secretary',
      setup: async (b) => {
        opened.id = await editedNotice(b);
      },
    },
  ],
});
