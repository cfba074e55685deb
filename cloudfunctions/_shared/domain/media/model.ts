/**
 * 纪实 media: photos, audio, video and documents attached where the record happens [MTG-10,
 * MTG-21, PRIV-12]. The vocabulary every layer shares; the rules are in rules.ts, the metadata
 * stripping in metadata.ts, the byte sniffing in sniff.ts. Pure: no I/O.
 */

export const MEDIA_KINDS = ['image', 'audio', 'video', 'document'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** Where an attachment goes: each purpose has its own kinds, count and who may upload for it. */
export const MEDIA_PURPOSES = [
  /** The 纪实 record of an activity [MTG-10, MTG-21]. */
  'record',
  /** A 党务公开 notice [DIS]. */
  'notice',
  /** Evidence for a point declaration [PTS-15]. */
  'declaration',
  /** Evidence for remote participation: a screenshot or photo [CHK-15]. */
  'remoteEvidence',
  /** The 流入地 organisation's proof [CHK-16]. */
  'inflowProof',
] as const;
export type MediaPurpose = (typeof MEDIA_PURPOSES)[number];

/**
 * The content check of a file [platform-notes §4]: `none` where WeChat has no check for the kind
 * (video, documents), `pending` until the `wxa_media_check` push arrives, then its `suggest`.
 */
export const CHECK_STATES = ['none', 'pending', 'pass', 'review', 'risky'] as const;
export type CheckState = (typeof CHECK_STATES)[number];

/** A media file's life: a slot reserved for an upload, the confirmed file, a removed one. */
export const FILE_STATES = ['reserved', 'ready', 'removed'] as const;
export type FileState = (typeof FILE_STATES)[number];

export interface KindLimits {
  /** Lower-case extensions without the dot, e.g. `jpg`. */
  readonly exts: readonly string[];
  readonly maxBytes: number;
  /** Audio and video: the longest recording accepted, in seconds. */
  readonly maxSeconds?: number;
}

const MB = 1024 * 1024;

/**
 * Type and size limits. Images and audio stay within mediaCheckAsync's 10 MB; video within what
 * chooseMedia records (≤ 60 s, compressed); documents are what wx.openDocument can open.
 */
export const MEDIA_LIMITS: Readonly<Record<MediaKind, KindLimits>> = {
  image: { exts: ['jpg', 'jpeg', 'png', 'webp'], maxBytes: 10 * MB },
  audio: { exts: ['mp3', 'aac', 'm4a', 'wav'], maxBytes: 10 * MB, maxSeconds: 600 },
  video: { exts: ['mp4', 'mov'], maxBytes: 50 * MB, maxSeconds: 60 },
  document: {
    exts: ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx'],
    maxBytes: 20 * MB,
  },
};

export interface PurposeRule {
  readonly kinds: readonly MediaKind[];
  /** At most this many attachments on one record, notice, declaration or sign-in. */
  readonly maxCount: number;
}

export const PURPOSE_RULES: Readonly<Record<MediaPurpose, PurposeRule>> = {
  record: { kinds: ['image', 'audio', 'video', 'document'], maxCount: 30 },
  notice: { kinds: ['image', 'document', 'video'], maxCount: 10 },
  declaration: { kinds: ['image', 'document'], maxCount: 9 },
  remoteEvidence: { kinds: ['image', 'document'], maxCount: 3 },
  inflowProof: { kinds: ['image', 'document'], maxCount: 3 },
};

/** What an attachment is attached to, once a write accepted it. */
export interface AttachedTo {
  readonly kind: 'activityRecord' | 'notice' | 'pointDeclaration' | 'attendance';
  readonly id: string;
}

/** A parsed `cloud://<env>.<bucket>/<path>` fileID. */
export interface ParsedFileId {
  readonly env: string;
  readonly bucket: string;
  readonly path: string;
}
