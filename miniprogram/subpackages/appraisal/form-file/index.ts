/**
 * A 评议登记表 to hand on [APR-11, issue 13 item 10]: the backend renders it (`appraisal.form`,
 * xlsx, audited), it is downloaded under its Chinese name, opened in WeChat's viewer (whose menu
 * saves or forwards it) or sent to a chat. The same look as the 台账 exports (export-file); a
 * `compact` one is a line in a member's card. The backend decides who may have it: its refusal
 * is shown as it says it.
 */
import { exportForm } from '../../../services/appraisal';
import { messageOf } from '../../../services/cloud';
import { openExport, saveExport, shareExport } from '../../../services/exports';

Component({
  options: { addGlobalClass: true },
  properties: {
    /** What the form is, in words: 导出民主评议党员登记表. */
    label: { type: String, value: '' },
    appraisalId: { type: String, value: '' },
    /** One member's form; empty: the whole branch. */
    memberId: { type: String, value: '' },
    compact: { type: Boolean, value: false },
  },
  data: { busy: false, fileName: '', filePath: '', error: '' },
  observers: {
    'appraisalId, memberId'() {
      this.setData({ fileName: '', filePath: '', error: '' }); // another form: make it anew
    },
  },
  methods: {
    async onExport() {
      if (this.data.busy) return;
      this.setData({ busy: true, error: '' });
      try {
        const { appraisalId, memberId } = this.properties;
        const file = await exportForm(appraisalId, memberId || undefined);
        const filePath = await saveExport(file);
        this.setData({ fileName: file.fileName, filePath });
        await openExport(filePath);
      } catch (err) {
        this.setData({ error: messageOf(err) });
      } finally {
        this.setData({ busy: false });
      }
    },
    async onOpen() {
      try {
        await openExport(this.data.filePath);
      } catch (err) {
        this.setData({ error: messageOf(err) });
      }
    },
    async onShare() {
      try {
        await shareExport(this.data.filePath, this.data.fileName);
      } catch (err) {
        this.setData({ error: messageOf(err) });
      }
    },
  },
});
