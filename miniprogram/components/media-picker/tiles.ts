/**
 * The picker's tiles as the page draws them: one per attachment, from the moment it is picked
 * (a local picture and a progress bar) to the file the backend confirmed (its state in words).
 * Pure: the component keeps the picked files and the upload jobs beside these.
 */
import {
  captionOf,
  checkWords,
  durationText,
  sizeText,
  type MediaKind,
  type MediaView,
} from '../../utils/media-view';

export type TileState =
  /** bytes on their way (percent) or being checked by the backend (percent 100) */
  | 'uploading'
  /** the network failed: 重试 goes on from the failed step */
  | 'failed'
  /** the backend refused the file (too big, wrong type): its words, and 去掉 */
  | 'refused'
  /** an attached file being read from the backend */
  | 'loading'
  /** an attached file the backend does not show this member */
  | 'unseen'
  /** confirmed: `check` says whether WeChat's content check is done */
  | 'ready';

export interface Tile {
  key: string;
  /** '' until the backend confirmed it */
  fileId: string;
  kind: MediaKind;
  state: TileState;
  /** The tile's look (CSS modifier): the state, or for a confirmed file its check (pending, review, risky). */
  look: string;
  /** A picture for the tile: the local photo, a video's cover, the view URL. */
  thumb: string;
  caption: string;
  percent: number;
  /** The state in words (上传中 45%, 上传失败, 审核中, 未通过审核…) and its tone. */
  stateText: string;
  tone: 'info' | 'warning' | 'error' | '';
  /** Why: the backend's refusal, the network message, the uploader's risky reason. */
  reason: string;
  removable: boolean;
  retryable: boolean;
  playing: boolean;
  /** Uploaded in this visit (not yet attached anywhere): 删除 also deletes it from storage. */
  fresh: boolean;
}

export interface Picked {
  kind: MediaKind;
  name: string;
  size: number;
  durationSeconds?: number;
  thumbPath: string;
}

const captionOfPicked = (p: Picked): string =>
  captionOf({
    kind: p.kind,
    name: p.name,
    size: p.size,
    durationSeconds: p.durationSeconds ?? null,
  });

export function uploadingTile(key: string, p: Picked): Tile {
  return {
    key,
    fileId: '',
    kind: p.kind,
    state: 'uploading',
    look: 'uploading',
    thumb: p.thumbPath,
    caption: captionOfPicked(p),
    percent: 0,
    stateText: '上传中 0%',
    tone: 'info',
    reason: '',
    removable: false,
    retryable: false,
    playing: false,
    fresh: true,
  };
}

export function withProgress(t: Tile, percent: number): Tile {
  const p = Math.floor(percent);
  return { ...t, percent: p, stateText: p >= 100 ? '正在处理…' : '上传中' };
}

export function failedTile(t: Tile, message: string, retryable: boolean): Tile {
  return {
    ...t,
    state: retryable ? 'failed' : 'refused',
    look: retryable ? 'failed' : 'refused',
    stateText: retryable ? '上传失败' : '不能上传',
    tone: 'error',
    reason: message,
    retryable,
    removable: true,
  };
}

const lookOf = (v: MediaView): string => {
  if (v.visibility === 'checking' || v.check === 'pending') return 'pending';
  return v.check === 'review' || v.check === 'risky' ? v.check : 'ready';
};

/** Back to uploading, for 重试. */
export function retryingTile(t: Tile): Tile {
  return {
    ...withProgress(t, 0),
    state: 'uploading',
    look: 'uploading',
    tone: 'info',
    reason: '',
    retryable: false,
  };
}

/** A confirmed file as the backend shows it: a photo from its view URL, a video keeps its local cover. */
export function readyTile(t: Tile, v: MediaView): Tile {
  const words = checkWords(v);
  const picture = v.kind === 'image' ? v.url : '';
  return {
    ...t,
    fileId: v.fileId,
    kind: v.kind,
    state: 'ready',
    look: lookOf(v),
    thumb: picture || t.thumb || '',
    caption: captionOf(v),
    percent: 100,
    stateText: words.label,
    tone: words.tone,
    reason: v.mine && v.reason ? v.reason : '',
    retryable: false,
  };
}

export function loadingTile(key: string, fileId: string): Tile {
  return {
    key,
    fileId,
    kind: 'document',
    state: 'loading',
    look: 'loading',
    thumb: '',
    caption: '正在读取…',
    percent: 0,
    stateText: '',
    tone: '',
    reason: '',
    removable: false,
    retryable: false,
    playing: false,
    fresh: false,
  };
}

export function unseenTile(t: Tile): Tile {
  return {
    ...t,
    state: 'unseen',
    look: 'unseen',
    caption: '暂时不能查看',
    stateText: '',
    tone: '',
  };
}

/** Who may take a tile away: never a locked one (an archived record's [MTG-20]), nor while it uploads. */
export function withRemovable(t: Tile, locked: readonly string[], disabled: boolean): Tile {
  const busy = t.state === 'uploading' || t.state === 'loading';
  const removable = !disabled && !busy && !(t.fileId && locked.includes(t.fileId));
  return { ...t, removable };
}

/** The attachments that count: confirmed ones and attached ones still loading or unseen. */
export function attachedIds(tiles: readonly Tile[]): string[] {
  return tiles.filter((t) => t.fileId).map((t) => t.fileId);
}

/** The tiles that take a place under `max` (a refused file takes none). */
export function usedSlots(tiles: readonly Tile[]): number {
  return tiles.filter((t) => t.state !== 'refused').length;
}

export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The confirm dialog's words for 删除. */
export function removeWords(t: Tile): { title: string; content: string } {
  return t.fresh
    ? { title: '删除这个附件？', content: '删除后不能恢复，需要时请重新上传。' }
    : { title: '删除这个附件？', content: '保存后，这个附件就从这里去掉了。' };
}

export { durationText, sizeText };
