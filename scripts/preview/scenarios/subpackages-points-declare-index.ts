// 申报积分: the empty form, the form filled in, the outcome, and an exempt member.
import { definePreview } from '../scenario';

const NOTE = ['.note-input', '.t-textarea__wrapper-inner'];

export default definePreview({
  scenarios: [
    {
      state: 'filled',
      caption: '填写申报说明',
      act: (p) => p.dispatch(NOTE, 'input', { value: '周六到社区开展义务理发，服务老人12人次' }),
    },
    {
      state: 'submitted',
      caption: '提交后',
      act: async (p) => {
        await p.dispatch(NOTE, 'input', { value: '周六到社区开展义务理发，服务老人12人次' });
        await p.tap('.submit-button', '.t-button');
      },
    },
    { state: 'exempt', caption: '免于积分管理的党员', openid: 'demo-elder' },
  ],
});
