/**
 * The picker's recorder sheet: 开始录音, the time so far against the limit (最长10分钟),
 * 停止并保存, 放弃. A microphone WeChat was not allowed to use is said in words, with where to
 * allow it (右上角“…”→“设置”) and a 去设置 button that opens that page.
 */
import { recorder, type PickedFile, type Recorder } from '../../services/media';
import { AUDIO_MAX_SECONDS, durationText, limitText } from '../../utils/media-view';

interface RecorderSheet {
  open: boolean;
  recording: boolean;
  elapsed: string;
  limit: string;
  error: string;
  denied: boolean;
}

export const recorderData = () => ({
  rec: {
    open: false,
    recording: false,
    elapsed: durationText(0),
    limit: limitText(AUDIO_MAX_SECONDS),
    error: '',
    denied: false,
  } as RecorderSheet,
});

interface Host {
  data: { canAdd: boolean; rec: RecorderSheet };
  setData(data: Record<string, unknown>): void;
  recorderHandle?: Recorder;
  recorderTimer?: ReturnType<typeof setInterval>;
  recorderStartedAt?: number;
  addFiles(files: PickedFile[]): void;
}

function stopTimer(host: Host): void {
  if (host.recorderTimer) clearInterval(host.recorderTimer);
  host.recorderTimer = undefined;
}

export const recorderMethods = {
  onRecord(this: Host) {
    if (!this.data.canAdd) return;
    this.setData({ rec: { ...recorderData().rec, open: true } });
  },
  onRecordStart(this: Host) {
    if (this.data.rec.recording) return;
    this.setData({ 'rec.error': '', 'rec.denied': false });
    this.recorderHandle = recorder({
      onStart: () => {
        this.recorderStartedAt = Date.now();
        this.setData({ 'rec.recording': true, 'rec.elapsed': durationText(0) });
        stopTimer(this);
        this.recorderTimer = setInterval(() => {
          const seconds = (Date.now() - (this.recorderStartedAt ?? Date.now())) / 1000;
          this.setData({ 'rec.elapsed': durationText(Math.floor(seconds)) });
        }, 500);
      },
      onStop: (file) => {
        stopTimer(this);
        this.setData({ rec: recorderData().rec });
        this.addFiles([file]);
      },
      onError: (message, denied) => {
        stopTimer(this);
        this.setData({ 'rec.recording': false, 'rec.error': message, 'rec.denied': denied });
      },
    });
    this.recorderHandle.start();
  },
  onRecordStop(this: Host) {
    if (!this.data.rec.recording) return;
    this.recorderHandle?.stop();
  },
  onRecordCancel(this: Host) {
    if (this.data.rec.recording) this.recorderHandle?.cancel();
    stopTimer(this);
    this.setData({ rec: recorderData().rec });
  },
  onOpenSettings() {
    wx.openSetting({});
  },
  /** The component leaves: a recording under way is dropped. */
  closeRecorder(this: Host) {
    if (this.data.rec?.recording) this.recorderHandle?.cancel();
    stopTimer(this);
  },
};
