import { z } from 'zod';
import { CheckState, MEDIA_KINDS, MEDIA_PURPOSES, MediaKind } from '../domain/media/model';
import { fileRef, id, publicText } from './common';

/**
 * The `media` function: 纪实 photos, recordings, videos and documents [MTG-10, MTG-21, CHK-15,
 * CHK-16, PTS-15, DIS]. An upload is reserved (`prepareUpload`: the limits, the org's own path),
 * made by the mini-program straight to storage, then confirmed (`confirmUpload`: the bytes are
 * checked, a photo's location data removed, the content check started). Attachments then name
 * the fileID in the area's own write. Nobody reads storage directly: every URL comes from `view`
 * or `fileUrl`, which check who asks. The `wxa_media_check` push arrives at this function too,
 * without an action (cloudfunctions/media/index.ts).
 */
export const mediaContract = {
  prepareUpload: {
    input: z
      .object({
        orgId: id,
        purpose: z.enum(MEDIA_PURPOSES),
        kind: z.enum(MEDIA_KINDS),
        /** The file's name as the member sees it (a document's own name, "照片.jpg", "录音.mp3"). */
        name: publicText(120),
        size: z
          .number()
          .int()
          .min(1)
          .max(1024 * 1024 * 1024),
        /** Audio and video: the length in seconds, as the recorder or chooseMedia reported it. */
        durationSeconds: z
          .number()
          .min(0)
          .max(24 * 3600)
          .optional(),
        /** A 纪实 photo: the activity, so that its host or recorder may upload without a committee seat. */
        activityId: id.optional(),
      })
      .strict(),
  },
  confirmUpload: { input: z.object({ mediaId: id, fileId: fileRef }).strict() },
  /** What the caller may see of these files, with temporary URLs (≤ 50 at once). */
  view: { input: z.object({ fileIds: z.array(fileRef).min(1).max(50) }).strict() },
  /** Removes a file not yet on an archived record [MTG-20]: its uploader, or the committee. */
  remove: { input: z.object({ fileId: fileRef }).strict() },
  /**
   * A temporary URL of a file the backend generated for the caller (an export, a printable
   * sign-in code), after the same access check as the action that made it.
   */
  fileUrl: { input: z.object({ fileId: fileRef }).strict() },
} as const;

type In<K extends keyof typeof mediaContract> = z.input<(typeof mediaContract)[K]['input']>;

/** One file as the caller may see it; files the caller may not see are left out of `items`. */
export type MediaView = {
  fileId: string;
  kind: MediaKind;
  name: string;
  size: number;
  durationSeconds: number | null;
  /** `full`: the content and its URL; `checking`: only that it is being checked [platform-notes §4]. */
  visibility: 'full' | 'checking';
  check: CheckState;
  /** The caller uploaded it. */
  mine: boolean;
  url: string | null;
  expiresAt: string | null;
  /** Why it is held back, for the uploader alone (risky or under review). */
  reason: string | null;
  /** The caller may remove it now (theirs or the committee's, and not on an archived record). */
  canRemove: boolean;
  uploadedAt: string;
};

export type MediaApi = {
  prepareUpload: {
    input: In<'prepareUpload'>;
    output: { mediaId: string; cloudPath: string; maxBytes: number };
  };
  confirmUpload: { input: In<'confirmUpload'>; output: MediaView };
  view: { input: In<'view'>; output: { items: MediaView[] } };
  remove: { input: In<'remove'>; output: { fileId: string; removed: true } };
  fileUrl: { input: In<'fileUrl'>; output: { url: string; expiresAt: string } };
};
