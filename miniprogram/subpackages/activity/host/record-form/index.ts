/**
 * The 纪实 record of one activity: minutes, resolutions (one per line) and a short summary,
 * optionally archived. After archiving, a change needs a reason and is kept as an amendment
 * (the backend enforces both; this form only asks for the reason when it will be needed).
 */
import { busyBehavior } from '../../../../behaviors/busy';
import { saveRecord } from '../../../../services/activity';
import type { ActivityDetail } from '../../../../services/types';

type SavedRecord = NonNullable<ActivityDetail['record']>;

Component({
  behaviors: [busyBehavior],
  options: { addGlobalClass: true },
  properties: {
    activityId: { type: String, value: '' },
    record: { type: Object, optionalTypes: [null], value: null },
  },
  data: {
    minutes: '',
    resolutions: '',
    summary: '',
    archive: false,
    archived: false,
    amendments: 0,
    reason: '',
    message: '',
    error: '',
    filled: false,
  },
  observers: {
    record(record: SavedRecord | null) {
      // Filled once from the saved record; later polls must not overwrite what is being typed.
      if (!record || this.data.filled) {
        if (record) this.setData({ archived: record.archived, amendments: record.amendments });
        return;
      }
      this.setData({
        filled: true,
        minutes: record.minutes,
        resolutions: record.resolutions.join('\n'),
        summary: record.summary ?? '',
        archived: record.archived,
        amendments: record.amendments,
      });
    },
  },
  methods: {
    onField(e: WechatMiniprogram.CustomEvent<{ value: string }, object, { field: string }>) {
      this.setData({ [e.currentTarget.dataset.field]: e.detail.value, error: '', message: '' });
    },
    onArchive(e: WechatMiniprogram.CustomEvent<{ checked: boolean }>) {
      this.setData({ archive: e.detail.checked });
    },
    async onSave() {
      const minutes = this.data.minutes.trim();
      if (!minutes) return this.setData({ error: '请填写会议记录' });
      if (this.data.archived && !this.data.reason.trim())
        return this.setData({ error: '纪实已归档，修改须填写理由' });
      const resolutions = this.data.resolutions
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      const summary = this.data.summary.trim();
      this.setData({ message: '' });
      await this.run(async () => {
        const res = await saveRecord({
          activityId: this.data.activityId,
          minutes,
          resolutions,
          ...(summary ? { summary } : {}),
          ...(this.data.archive ? { archive: true } : {}),
          ...(this.data.archived ? { reason: this.data.reason.trim() } : {}),
        });
        const message = this.data.archived
          ? `更正已保存（第 ${res.amendments} 次更正，原记录保留）`
          : res.archived
            ? '纪实已保存并归档'
            : '纪实已保存';
        this.setData({ message, reason: '', archived: res.archived, amendments: res.amendments });
        this.triggerEvent('saved');
      }, 'error');
    },
  },
});
