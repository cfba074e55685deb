/**
 * Playing a 纪实 recording: one at a time (starting another stops the first), paused or stopped
 * by a tap, stopped when the page hides. Plays with the phone's mute switch on, so a member who
 * never touches it still hears the minutes.
 */
export type AudioState = 'playing' | 'paused' | 'stopped' | 'error';
type Listener = (state: AudioState) => void;

let ctx: WechatMiniprogram.InnerAudioContext | null = null;
let current: { fileId: string; listener: Listener } | null = null;

function tell(state: AudioState): void {
  const c = current;
  if (!c) return;
  if (state === 'stopped' || state === 'error') current = null;
  c.listener(state);
}

function context(): WechatMiniprogram.InnerAudioContext {
  if (ctx) return ctx;
  try {
    wx.setInnerAudioOption?.({ obeyMuteSwitch: false });
  } catch {
    // an old base library: the mute switch decides
  }
  const made = wx.createInnerAudioContext();
  made.onPlay(() => tell('playing'));
  made.onPause(() => tell('paused'));
  made.onStop(() => tell('stopped'));
  made.onEnded(() => tell('stopped'));
  made.onError(() => tell('error'));
  ctx = made;
  return made;
}

/** Plays `url` (fileId names it), or resumes it when it is the one paused. */
export function playAudio(fileId: string, url: string, listener: Listener): void {
  const audio = context();
  if (current?.fileId === fileId) {
    current.listener = listener;
    audio.play();
    return;
  }
  if (current) {
    const previous = current;
    current = null;
    audio.stop();
    previous.listener('stopped');
  }
  current = { fileId, listener };
  audio.src = url;
  audio.play();
}

export function pauseAudio(): void {
  ctx?.pause();
}

/** Stops whatever plays (a page hid, a component left). */
export function stopAudio(): void {
  if (!current) return;
  const previous = current;
  current = null;
  ctx?.stop();
  previous.listener('stopped');
}

/** Which file plays now ('' when none). */
export function playingFileId(): string {
  return current?.fileId ?? '';
}
