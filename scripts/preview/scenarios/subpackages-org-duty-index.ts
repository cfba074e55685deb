// 支委分工: the secretary writing each 支委's duty; the 组织委员 turned away (the secretary's task).
import { definePreview } from '../scenario';

const SECRETARY = 'demo-secretary';

export default definePreview({
  scenarios: [
    {
      state: 'loaded',
      caption: '书记：填写分工',
      openid: SECRETARY,
      act: async (p) => {
        await p.dispatch(
          ['.seat-demo-organizer .duty-input', '.t-textarea__wrapper-inner'],
          'input',
          {
            value: '负责组织发展、党员教育管理和党费收缴',
          },
        );
        await p.tap('.seat-demo-organizer .save-button', '.t-button');
      },
    },
    { state: 'large', caption: '大字模式', openid: SECRETARY, large: true },
    { state: 'error', caption: '出错（后端拒绝）', openid: SECRETARY, refuse: true },
    { state: 'organizer', caption: '组织委员：由书记填写', openid: 'demo-organizer' },
  ],
});
