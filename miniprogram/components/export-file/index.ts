/**
 * One 台账 (or 评议登记表) to hand on: what it is, one big 导出表格 button; once made, the file's
 * Chinese name, 打开 (WeChat's viewer, whose menu saves or forwards it) and 发送给… (to a chat).
 * Sending must come straight from a tap [wx.shareFileMessage], so the file is downloaded first.
 * `kind` says what to ask the backend for; `appraisalForm` is a 评议登记表 [APR-11] (the words
 * say 登记表), and a `compact` one is a line in a member's card. The backend decides who may
 * have it: its refusal is shown as it says it.
 */
import { messageOf } from '../../services/cloud';
import {
  makeExport,
  openExport,
  saveExport,
  shareExport,
  type ExportKind,
  type ExportParams,
} from '../../services/exports';

/** What the file is called on the buttons: 导出登记表, 打开表格. */
const nounOf = (kind: string): string => (kind === 'appraisalForm' ? '登记表' : '表格');

Component({
  options: { addGlobalClass: true },
  properties: {
    /** What the table is, in words: 2026年下半年主题党日和三会一课台账. */
    label: { type: String, value: '' },
    kind: { type: String, value: 'report' },
    orgId: { type: String, value: '' },
    year: { type: Number, value: 0 },
    half: { type: String, value: '' },
    activityId: { type: String, value: '' },
    appraisalId: { type: String, value: '' },
    /** One member's 登记表; empty: the whole branch. */
    memberId: { type: String, value: '' },
    compact: { type: Boolean, value: false },
  },
  data: { busy: false, fileName: '', filePath: '', error: '', noun: '表格' },
  lifetimes: {
    attached() {
      this.setData({ noun: nounOf(this.properties.kind) });
    },
  },
  observers: {
    'kind, orgId, year, half, activityId, appraisalId, memberId'() {
      // another table: make it anew
      this.setData({ fileName: '', filePath: '', error: '', noun: nounOf(this.properties.kind) });
    },
  },
  methods: {
    async onExport() {
      if (this.data.busy) return;
      this.setData({ busy: true, error: '' });
      try {
        const { kind, ...p } = this.properties as unknown as ExportParams & { kind: ExportKind };
        const file = await makeExport(kind, {
          orgId: p.orgId,
          year: p.year,
          half: p.half,
          activityId: p.activityId,
          appraisalId: p.appraisalId,
          memberId: p.memberId,
        });
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
