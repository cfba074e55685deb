/**
 * The 纪实 record of one activity: minutes, resolutions (one per line), a short summary and the
 * photos, recordings, videos and documents of the meeting, optionally archived. After archiving,
 * a change needs a reason and is kept as an amendment; the files already on the archived record
 * stay (a correction may add files, never remove one) [MTG-20]. Files are optional unless the
 * superior set a minimum, which is named here in words [MTG-21, PRIV-12]. The backend enforces
 * all of it; this form only says so before the tap, and holds 保存 while an upload runs.
 */
import { busyBehavior } from '../../../../behaviors/busy';
import { saveRecord } from '../../../../services/activity';
import { fetchSettings } from '../../../../services/org';
import type { ActivityDetail } from '../../../../services/types';
import { evidenceHint } from './evidence';

type SavedRecord = NonNullable<ActivityDetail['record']>;

Component({
  behaviors: [busyBehavior],
  options: { addGlobalClass: true },
  properties: {
    activityId: { type: String, value: '' },
    /** The activity's branch: where the files are kept, and whose minimum applies [MTG-21]. */
    orgId: { type: String, value: '' },
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
    /** The fileIDs on the record as this form will save it. */
    attachments: [] as string[],
    /** Files of the archived record: shown without 删除 [MTG-20]. */
    locked: [] as string[],
    /** An upload is running: 保存 waits for it. */
    uploading: false,
    kinds: ['image', 'video', 'audio', 'document'],
    /** What the superior requires, in words, or that the files are optional [MTG-21, PRIV-12]. */
    mediaHint: evidenceHint(0),
    /** The branch whose minimum was read. */
    minimumOf: '',
  },
  observers: {
    record(record: SavedRecord | null) {
      // Filled once from the saved record; later polls must not overwrite what is being typed.
      if (!record || this.data.filled) {
        if (record)
          this.setData({
            archived: record.archived,
            amendments: record.amendments,
            locked: record.archived ? record.attachments : [],
          });
        return;
      }
      this.setData({
        filled: true,
        minutes: record.minutes,
        resolutions: record.resolutions.join('\n'),
        summary: record.summary ?? '',
        archived: record.archived,
        amendments: record.amendments,
        attachments: record.attachments,
        locked: record.archived ? record.attachments : [],
      });
    },
    async orgId(orgId: string) {
      // Set again on every poll of the host page: the minimum is read once per branch.
      if (!orgId || orgId === this.data.minimumOf) return;
      this.setData({ minimumOf: orgId });
      try {
        const { items } = await fetchSettings({ orgId });
        const min = Number(items.find((i) => i.key === 'mtg.minEvidence')?.value ?? 0);
        this.setData({ mediaHint: evidenceHint(min) });
      } catch {
        // The hint stays "optional"; the backend still names a minimum when archiving [MTG-21].
      }
    },
  },
  methods: {
    onField(e: WechatMiniprogram.CustomEvent<{ value: string }, object, { field: string }>) {
      this.setData({ [e.currentTarget.dataset.field]: e.detail.value, error: '', message: '' });
    },
    onArchive(e: WechatMiniprogram.CustomEvent<{ checked: boolean }>) {
      this.setData({ archive: e.detail.checked });
    },
    onMediaChange(e: WechatMiniprogram.CustomEvent<{ fileIds: string[] }>) {
      this.setData({ attachments: e.detail.fileIds, error: '', message: '' });
    },
    onMediaBusy(e: WechatMiniprogram.CustomEvent<{ uploading: boolean }>) {
      this.setData({ uploading: e.detail.uploading });
    },
    async onSave() {
      if (this.data.uploading) return this.setData({ error: '文件还在上传，请等上传完成再保存' });
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
          attachments: this.data.attachments,
          ...(summary ? { summary } : {}),
          ...(this.data.archive ? { archive: true } : {}),
          ...(this.data.archived ? { reason: this.data.reason.trim() } : {}),
        });
        const message = this.data.archived
          ? `更正已保存（第 ${res.amendments} 次更正，原记录保留）`
          : res.archived
            ? '纪实已保存并归档'
            : '纪实已保存';
        this.setData({
          message,
          reason: '',
          archived: res.archived,
          amendments: res.amendments,
          locked: res.archived ? this.data.attachments : [],
        });
        this.triggerEvent('saved');
      }, 'error');
    },
  },
});
