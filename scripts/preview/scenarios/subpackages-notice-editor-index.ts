// 发布公开: the secretary writing the 决议结果 of a matter already at 审议程序 (the README's
// picture), the personal-data refusal shown under the form, a correction (修改), and a plain
// member, who is turned away.
import { opened, openedQuery, editedNotice, twoStageMatter } from '../fixtures/notice';
import { noticeWithFiles } from '../fixtures/media';
import { definePreview, type PreviewPageHandle } from '../scenario';

const SECRETARY = 'demo-secretary';

async function fill(
  p: PreviewPageHandle,
  fields: { category: string; title: string; body: string },
) {
  const categories: string[] = p.component.data.categories;
  await p.dispatch(['.category-picker'], 'change', { value: categories.indexOf(fields.category) });
  await p.dispatch(['.title-input', '.t-input__control'], 'input', { value: fields.title });
  await p.dispatch(['.body-input', '.t-textarea__wrapper-inner'], 'input', { value: fields.body });
}

async function linkMatter(p: PreviewPageHandle) {
  const names: string[] = p.component.data.matterNames;
  await p.dispatch(['.matter-picker'], 'change', {
    value: names.indexOf('党员活动室改造（提议）'),
  });
}

const decision = {
  category: '重大决策部署',
  title: '党员活动室改造（决议结果）',
  body: '经支部党员大会表决，同意党员活动室改造方案。应到党员14名，实到13名，同意13票。\n改造预算1.2万元，由机关党建经费列支。',
};

export default definePreview({
  scenarios: [
    {
      state: 'loaded',
      caption: '书记：发布事项的“决议结果”',
      openid: SECRETARY,
      setup: async (b) => void (await twoStageMatter(b)),
      act: async (p) => {
        await linkMatter(p);
        await fill(p, decision);
      },
      readme: 'notice-editor',
    },
    {
      state: 'large',
      caption: '大字模式',
      openid: SECRETARY,
      large: true,
      setup: async (b) => void (await twoStageMatter(b)),
      act: async (p) => {
        await linkMatter(p);
        await fill(p, decision);
      },
    },
    { state: 'error', caption: '出错（后端拒绝）', openid: SECRETARY, refuse: true },
    {
      state: 'personal-data',
      caption: '含手机号被拒绝（未保存）',
      openid: SECRETARY,
      act: async (p) => {
        await fill(p, {
          category: '发展党员',
          title: '发展对象公示',
          body: '拟确定赵新同志为发展对象，联系电话13812345678，公示期5个工作日。',
        });
        await p.tap('.submit-button', '.t-button');
        await p.settle();
      },
    },
    {
      state: 'edit',
      caption: '修改已发布的公开',
      openid: SECRETARY,
      query: openedQuery,
      setup: async (b) => {
        opened.id = await editedNotice(b);
      },
    },
    {
      state: 'edit-files',
      caption: '修改带附件的公开',
      openid: SECRETARY,
      query: openedQuery,
      setup: async (b) => {
        opened.id = await noticeWithFiles(b);
      },
    },
    { state: 'member', caption: '普通党员无权发布', openid: 'demo-member-1' },
  ],
});
