import { fail, ok, type Result } from '../shared/result';
import { localMonth } from '../shared/time';
import {
  MEDIA_LIMITS,
  MEDIA_KINDS,
  PURPOSE_RULES,
  type CheckState,
  type FileState,
  type MediaKind,
  type MediaPurpose,
  type ParsedFileId,
} from './model';
import { sniff } from './sniff';

/** The words a member reads for each kind: the noun, and the measure word for "this one". */
const KIND_WORDS: Record<MediaKind, { noun: string; one: string }> = {
  image: { noun: '照片', one: '这张' },
  audio: { noun: '录音', one: '这段' },
  video: { noun: '视频', one: '这段' },
  document: { noun: '文件', one: '这个' },
};
const DOCUMENT_WORDS = 'PDF、Word、Excel、PPT 文件';

/** "只能上传照片、录音、视频，或 PDF、Word、Excel、PPT 文件", for the kinds a purpose takes. */
function allowedSentence(kinds: readonly MediaKind[]): string {
  const media = kinds.filter((k) => k !== 'document').map((k) => KIND_WORDS[k].noun);
  const doc = kinds.includes('document');
  if (!media.length) return `只能上传 ${DOCUMENT_WORDS}`;
  return `只能上传${media.join('、')}${doc ? `，或 ${DOCUMENT_WORDS}` : ''}`;
}

/** 12.5MB, 10MB, 10.1MB: one decimal rounded up (a file just over 10MB never reads "10MB"). */
function megabytes(bytes: number): string {
  return `${Math.ceil((bytes / (1024 * 1024)) * 10) / 10}MB`;
}

/** 10分钟, 12分30秒 (audio); 60秒, 75秒 (video, counted in seconds). */
function duration(seconds: number, preferMinutes: boolean): string {
  const s = Math.ceil(seconds);
  if (s < 60 || !preferMinutes) return `${s}秒`;
  const m = Math.floor(s / 60);
  return s % 60 ? `${m}分${s % 60}秒` : `${m}分钟`;
}

/** `cloud://<env>.<bucket>/<path>` → its parts; null for anything else. */
export function parseFileId(fileId: string): ParsedFileId | null {
  if (typeof fileId !== 'string' || fileId.length > 1024) return null;
  const m = /^cloud:\/\/([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\/(.+)$/.exec(fileId);
  if (!m) return null;
  const [, env, bucket, path] = m;
  if (/[\s\\?#\u0000-\u001f\u007f]/.test(path)) return null;
  if (path.split('/').some((seg) => seg === '' || seg === '.' || seg === '..')) return null;
  return { env, bucket, path };
}

/** `orgs/<orgId>/<purpose>/<YYYY-MM Beijing>/<mediaId>.<ext>`: every file of an org under its own prefix. */
export function cloudPathFor(
  orgId: string,
  purpose: MediaPurpose,
  mediaId: string,
  ext: string,
  now: Date,
): string {
  const suffix = ext ? `.${ext.toLowerCase()}` : '';
  return `orgs/${orgId}/${purpose}/${localMonth(now)}/${mediaId}${suffix}`;
}

/** The org whose prefix a cloud path is under; null when it is under none. */
export function orgOfCloudPath(cloudPath: string): string | null {
  if (typeof cloudPath !== 'string') return null;
  const segs = cloudPath.split('/');
  if (segs.length < 3 || segs[0] !== 'orgs') return null;
  if (segs.some((seg) => seg === '' || seg === '.' || seg === '..')) return null;
  return segs[1];
}

/** The lower-case extension of a file name, without the dot ('' when none). */
export function extOf(name: string): string {
  if (typeof name !== 'string') return '';
  const base = name.trim().split(/[/\\]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  if (dot <= 0 || dot === base.length - 1) return '';
  return base.slice(dot + 1).toLowerCase();
}

/** The kind a file of this extension is, by MEDIA_LIMITS; null when no kind takes it. */
export function kindOfExt(ext: string): MediaKind | null {
  const e = String(ext).toLowerCase();
  return MEDIA_KINDS.find((k) => MEDIA_LIMITS[k].exts.includes(e)) ?? null;
}

function tooLarge(kind: MediaKind, size: number): Result<never> {
  const w = KIND_WORDS[kind];
  return fail(
    'MEDIA.TOO_LARGE',
    `${w.noun}不能超过${megabytes(MEDIA_LIMITS[kind].maxBytes)}，${w.one}有${megabytes(size)}`,
    'MTG-21',
    { maxBytes: MEDIA_LIMITS[kind].maxBytes },
  );
}

/**
 * What a member asks to upload, before any byte moves: the kind is allowed for the purpose, the
 * extension for the kind, the declared size and length within the limits. Refusals
 * `MEDIA.TYPE_NOT_ALLOWED`, `MEDIA.TOO_LARGE` (naming the limit, e.g. "照片不能超过10MB"),
 * `MEDIA.TOO_LONG` (e.g. "录音不能超过10分钟").
 */
export function checkUpload(input: {
  purpose: MediaPurpose;
  kind: MediaKind;
  name: string;
  size: number;
  durationSeconds?: number | null;
}): Result<{ ext: string }> {
  const rule = PURPOSE_RULES[input.purpose];
  const limits = MEDIA_LIMITS[input.kind];
  if (!rule || !limits)
    return fail('MEDIA.TYPE_NOT_ALLOWED', allowedSentence(MEDIA_KINDS), 'MTG-21');
  const allowed = allowedSentence(rule.kinds);
  if (!rule.kinds.includes(input.kind)) {
    return fail('MEDIA.TYPE_NOT_ALLOWED', `这里${allowed}`, 'MTG-21');
  }
  const ext = extOf(input.name);
  if (!limits.exts.includes(ext)) {
    const kindOfName = kindOfExt(ext);
    const message =
      kindOfName && rule.kinds.includes(kindOfName)
        ? `这个文件不是${KIND_WORDS[input.kind].noun}，请重新选择`
        : `这里${allowed}`;
    return fail('MEDIA.TYPE_NOT_ALLOWED', message, 'MTG-21');
  }
  if (!Number.isFinite(input.size) || input.size <= 0) {
    return fail('MEDIA.MISMATCH', '这个文件是空的，请重新选择', 'MTG-21');
  }
  if (input.size > limits.maxBytes) return tooLarge(input.kind, input.size);
  const secs = input.durationSeconds;
  if (limits.maxSeconds && typeof secs === 'number' && Number.isFinite(secs)) {
    if (secs > limits.maxSeconds) {
      const w = KIND_WORDS[input.kind];
      const minutes = input.kind === 'audio';
      return fail(
        'MEDIA.TOO_LONG',
        `${w.noun}不能超过${duration(limits.maxSeconds, minutes)}，${w.one}有${duration(secs, minutes)}`,
        'MTG-21',
        { maxSeconds: limits.maxSeconds },
      );
    }
  }
  return ok({ ext });
}

/**
 * The uploaded bytes themselves: their real type (sniff.ts) is of the declared kind (a renamed
 * file is refused: `MEDIA.MISMATCH`) and their size within the kind's limit (`MEDIA.TOO_LARGE`).
 * Answers the mime type to store. `ext` (additive, optional): the declared extension, which only
 * tells apart document formats whose bytes do not say which they are.
 */
export function checkBytes(
  kind: MediaKind,
  bytes: Uint8Array,
  ext?: string,
): Result<{ mime: string }> {
  const limits = MEDIA_LIMITS[kind];
  if (!limits) return fail('MEDIA.TYPE_NOT_ALLOWED', allowedSentence(MEDIA_KINDS), 'MTG-21');
  if (!bytes || bytes.length === 0) {
    return fail('MEDIA.MISMATCH', '这个文件是空的，请重新选择', 'MTG-21');
  }
  if (bytes.length > limits.maxBytes) return tooLarge(kind, bytes.length);
  const found = sniff(bytes, ext ? ext.toLowerCase() : '');
  if (!found || found.kind !== kind) {
    return fail(
      'MEDIA.MISMATCH',
      `这个文件不是${KIND_WORDS[kind].noun}，可能被改过名字，请重新选择`,
      'MTG-21',
    );
  }
  return ok({ mime: found.mime });
}

/** Whether WeChat's asynchronous check applies to the kind (images and audio only). */
export function checkedKind(kind: MediaKind): kind is 'image' | 'audio' {
  return kind === 'image' || kind === 'audio';
}

/**
 * The content-check state machine: `pending` moves once, to pass / review / risky, by the pushed
 * `suggest` (anything unknown is `review`). Every other move answers null (a late or repeated
 * push changes nothing).
 */
export function nextCheckState(current: CheckState, suggest: unknown): CheckState | null {
  if (current !== 'pending') return null;
  if (suggest === 'pass' || suggest === 'risky' || suggest === 'review') return suggest;
  return 'review';
}

const ASK = '如有疑问请联系支部书记';
const REASONS: Record<number, string> = {
  20001: '内容可能涉及敏感信息',
  20002: '内容可能含有不适宜公开的画面',
  20003: '内容可能含有不文明的言语',
  20006: '内容可能涉及违法的内容',
  20008: '内容可能涉及欺诈',
  20012: '内容可能不够文明得体',
  20013: '内容可能涉及他人的版权',
  10001: '内容可能含有广告',
  21000: '内容可能不适宜公开',
};

/** Why a file was held back, in words for the uploader, from the check's label (platform-notes §4). */
export function riskReason(label: number | null | undefined): string {
  const n = typeof label === 'string' ? Number(label) : label;
  const why = typeof n === 'number' ? REASONS[n] : undefined;
  return why
    ? `${why}，暂时只有您自己能看到。${ASK}`
    : `这个文件没有通过安全检测，暂时只有您自己能看到。${ASK}`;
}

/**
 * Who sees what of a file [platform-notes §4]:
 * - the uploader always sees it, with the reason when it was held back;
 * - `pass` and `none` files: everyone who may read the org;
 * - `pending` and `review`: the org's moderators (committee, superior) see it; others see that
 *   it is being checked, not the content;
 * - `risky`: hidden from everyone but the uploader;
 * - `removed`/`reserved` files: nobody.
 */
export function visibilityOf(
  file: { state: FileState; check: CheckState; uploadedBy: string },
  viewer: { memberId: string; moderator: boolean },
): 'full' | 'checking' | 'hidden' {
  if (file.state !== 'ready') return 'hidden';
  if (file.uploadedBy === viewer.memberId) return 'full';
  switch (file.check) {
    case 'pass':
    case 'none':
      return 'full';
    case 'pending':
    case 'review':
      return viewer.moderator ? 'full' : 'checking';
    default:
      return 'hidden';
  }
}

/**
 * A write's new attachment list against its old one: at most the purpose's count, no repeats,
 * and once the record is archived nothing may be taken away — a correction only adds, as an
 * amendment [MTG-20] (`MEDIA.LOCKED`). `MEDIA.TOO_MANY` names the limit.
 */
export function checkAttachmentSet(input: {
  purpose: MediaPurpose;
  previous: readonly string[];
  next: readonly string[];
  archived: boolean;
}): Result<true> {
  const rule = PURPOSE_RULES[input.purpose];
  if (!rule) return fail('INPUT.INVALID', '附件放的地方不对，请重新选择');
  if (new Set(input.next).size !== input.next.length) {
    return fail('INPUT.INVALID', '同一个附件放了两次，请去掉重复的', 'MTG-21');
  }
  if (input.next.length > rule.maxCount) {
    return fail('MEDIA.TOO_MANY', `这里最多放${rule.maxCount}个附件`, 'MTG-21', {
      maxCount: rule.maxCount,
    });
  }
  if (input.archived) {
    const kept = new Set(input.next);
    if (input.previous.some((id) => !kept.has(id))) {
      return fail(
        'MEDIA.LOCKED',
        '纪实已归档，原有的附件不能删除；如需更正，请附加更正说明',
        'MTG-20',
      );
    }
  }
  return ok(true);
}
