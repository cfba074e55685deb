/**
 * One 台账 to hand on: what it is, one big 导出表格 button; once made, the file's Chinese name,
 * 打开 (WeChat's viewer, whose menu saves or forwards it) and 发送给… (to a chat). Sending must
 * come straight from a tap [wx.shareFileMessage], so the file is downloaded first.
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
  },
  data: { busy: false, fileName: '', filePath: '', error: '' },
  observers: {
    'kind, orgId, year, half, activityId'() {
      this.setData({ fileName: '', filePath: '', error: '' }); // another table: make it anew
    },
  },
  methods: {
    async onExport() {
      if (this.data.busy) return;
      this.setData({ busy: true, error: '' });
      try {
        const p = this.properties as unknown as ExportParams & { kind: ExportKind };
        const file = await makeExport(p.kind, {
          orgId: p.orgId,
          year: p.year,
          half: p.half,
          activityId: p.activityId,
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
