/**
 * How a 纪实 file reads on the page: sizes ("2.3MB"), lengths ("1分05秒"), the words of its
 * state ("上传中 45%", "审核中", "未通过审核"), the add buttons a purpose offers. Pure.
 *
 * The few limits the platform's pickers need BEFORE anything reaches the backend (which files
 * the chat picker lists, how long the camera records) mirror the backend's MEDIA_LIMITS
 * (cloudfunctions/_shared/domain/media/model.ts); tests/miniprogram/media-view.test.ts fails when
 * they drift. They only filter the pickers: every refusal the member reads comes from the
 * backend's `prepareUpload`, before a byte is uploaded [MTG-21].
 */
import type { MediaView } from '../../cloudfunctions/_shared/contracts/media';
import type { MediaKind } from '../../cloudfunctions/_shared/domain/media/model';

export type { MediaView };
export type { MediaKind };

/** The chat picker's filter: what the backend takes as a document (MEDIA_LIMITS.document.exts). */
export const DOCUMENT_EXTS: readonly string[] = [
  'pdf',
  'doc',
  'docx',
  'xls',
  'xlsx',
  'ppt',
  'pptx',
];
/** The camera stops recording video here (MEDIA_LIMITS.video.maxSeconds). */
export const VIDEO_MAX_SECONDS = 60;
/** The recorder stops here (MEDIA_LIMITS.audio.maxSeconds). */
export const AUDIO_MAX_SECONDS = 600;
/**
 * Photos above this are compressed on the phone first (quality 80): a smaller upload for the
 * member's data plan, not a rule — the backend's own limit still decides.
 */
export const COMPRESS_OVER_BYTES = 2 * 1024 * 1024;

const KB = 1024;
const MB = 1024 * 1024;

/** "356KB", "2.3MB", "12MB": one decimal below 10 MB, none above. */
export function sizeText(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes <= 0) return '';
  if (bytes < MB) return `${Math.max(1, Math.round(bytes / KB))}KB`;
  const mb = bytes / MB;
  return mb < 10 ? `${trim(mb.toFixed(1))}MB` : `${Math.round(mb)}MB`;
}

const trim = (n: string) => n.replace(/\.0$/, '');

/** "45秒", "1分05秒", "10分00秒". */
export function durationText(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds) || seconds < 0) return '';
  const s = Math.round(seconds);
  if (s < 60) return `${s}秒`;
  return `${Math.floor(s / 60)}分${String(s % 60).padStart(2, '0')}秒`;
}

/** "最长10分钟", "最长60秒". */
export function limitText(seconds: number): string {
  return seconds >= 60 && seconds % 60 === 0 ? `最长${seconds / 60}分钟` : `最长${seconds}秒`;
}

export const KIND_WORDS: Readonly<Record<MediaKind, string>> = {
  image: '照片',
  audio: '录音',
  video: '视频',
  document: '文件',
};

/** The buttons a picker shows for its kinds: 拍照 and 相册 take photos (and videos when asked). */
export interface AddButtons {
  camera: boolean;
  album: boolean;
  record: boolean;
  document: boolean;
  /** chooseMedia's mediaType for 拍照 and 相册. */
  mediaType: ('image' | 'video')[];
}

export function addButtons(kinds: readonly string[]): AddButtons {
  const mediaType = (['image', 'video'] as const).filter((k) => kinds.includes(k));
  return {
    camera: mediaType.length > 0,
    album: mediaType.length > 0,
    record: kinds.includes('audio'),
    document: kinds.includes('document'),
    mediaType: [...mediaType],
  };
}

/** What the camera/album buttons say: 拍照 / 拍照或录像. */
export function cameraWords(mediaType: readonly string[]): { camera: string; album: string } {
  const video = mediaType.includes('video');
  return {
    camera: video ? '拍照或录像' : '拍照',
    album: video ? '从相册选' : '从相册选照片',
  };
}

/** The lower-case extension of a path or name, without the dot. */
export function extOfPath(path: string): string {
  const name = path.split(/[?#]/)[0].split('/').pop() ?? '';
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** A document's own name, within the backend's 120 characters, its extension kept. */
export function fitName(name: string, max = 120): string {
  const clean = name.replace(/[\r\n\t]/g, ' ').trim() || '文件';
  if (clean.length <= max) return clean;
  const ext = extOfPath(clean);
  const tail = ext ? `.${ext}` : '';
  return clean.slice(0, max - tail.length - 1) + '…' + tail;
}

/**
 * The state of a confirmed file in words, for its uploader (the picker) or for anyone who sees
 * it (the gallery): '' when there is nothing to say. Never colour alone: every tone has words.
 */
export function checkWords(v: Pick<MediaView, 'check' | 'visibility' | 'mine'>): {
  label: string;
  tone: 'info' | 'warning' | 'error' | '';
} {
  if (v.visibility === 'checking' || v.check === 'pending')
    return { label: '审核中', tone: 'info' };
  if (v.check === 'review')
    return { label: v.mine ? '审核中（人工复核）' : '待复核', tone: 'warning' };
  if (v.check === 'risky') return { label: '未通过审核', tone: 'error' };
  return { label: '', tone: '' };
}

/** "录音 1分05秒", "会议纪要.docx 2.3MB": a tile's one line. */
export function captionOf(
  v: Pick<MediaView, 'kind' | 'name' | 'size' | 'durationSeconds'>,
): string {
  if (v.kind === 'audio') return `录音 ${durationText(v.durationSeconds)}`.trim();
  if (v.kind === 'video') return `视频 ${durationText(v.durationSeconds)}`.trim();
  if (v.kind === 'document') return `${v.name} ${sizeText(v.size)}`.trim();
  return '照片';
}

/** "已添加 2 个，最多 30 个". */
export function countText(count: number, max: number): string {
  return `已添加 ${count} 个，最多 ${max} 个`;
}

/** The gallery's groups: pictures and videos in a grid, recordings and documents in rows. */
export interface GalleryGroups {
  visual: MediaView[];
  audio: MediaView[];
  documents: MediaView[];
}

export function groupForGallery(items: readonly MediaView[]): GalleryGroups {
  const shown = items.filter((v) => v.visibility === 'full' || v.visibility === 'checking');
  return {
    visual: shown.filter((v) => v.kind === 'image' || v.kind === 'video'),
    audio: shown.filter((v) => v.kind === 'audio'),
    documents: shown.filter((v) => v.kind === 'document'),
  };
}

/** In the order asked for: `media.view` may answer in any order and leaves hidden files out. */
export function inOrder(fileIds: readonly string[], items: readonly MediaView[]): MediaView[] {
  const byId = new Map(items.map((v) => [v.fileId, v]));
  return fileIds.flatMap((id) => {
    const v = byId.get(id);
    return v ? [v] : [];
  });
}

/** `fileIds` in chunks the backend takes at once (media.view: ≤ 50). */
export function chunks<T>(list: readonly T[], size = 50): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
