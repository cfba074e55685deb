// 申报积分: the empty form, the form filled in, the outcome, and an exempt member.
import { mediaStubs, meetingPhoto } from '../fixtures/media';
import { definePreview } from '../scenario';
import { pdfBytes } from '../../../tests/support/media-fixtures';

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
    {
      state: 'evidence',
      caption: '附上照片和证明（可不传）',
      act: async (p) => {
        await p.dispatch(NOTE, 'input', { value: '周六到社区开展义务理发，服务老人12人次' });
        const wxm = mediaStubs(p.backend, 'demo-member-1');
        wxm.nextDocument([{ bytes: pdfBytes(), name: '社区证明.pdf' }]);
        await p.tap('.declare-evidence', '.media-picker__document');
        await wxm.idle();
        await p.settle();
        wxm.holdUploads(); // the photo stays on its way when the picture is taken
        wxm.nextMedia([{ bytes: meetingPhoto(2), ext: 'jpg' }]);
        await p.tap('.declare-evidence', '.media-picker__album');
        await p.settle();
      },
    },
    { state: 'exempt', caption: '免于积分管理的党员', openid: 'demo-elder' },
  ],
});
