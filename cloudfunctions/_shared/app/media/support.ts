import type { MediaView } from '../../contracts/media';
import type { MediaPurpose } from '../../domain/media/model';
import { riskReason, visibilityOf } from '../../domain/media/rules';
import type { Permission } from '../../domain/org/policy';
import type { MediaFileDoc } from '../../repos/media';
import { findOrg, OrgDoc } from '../../repos/orgs';
import type { Ctx } from '../../runtime/context';

/** Who may upload for a purpose, on the org the file goes to. */
export const UPLOAD_PERMISSION: Readonly<Record<MediaPurpose, Permission>> = {
  record: 'activity.manage',
  notice: 'notice.publish',
  declaration: 'org.read',
  remoteEvidence: 'org.read',
  inflowProof: 'org.read',
};

/** A member's own evidence: only its uploader attaches it (app/media/attach.ts). */
export const PERSONAL_PURPOSES: readonly MediaPurpose[] = [
  'declaration',
  'remoteEvidence',
  'inflowProof',
];

/** How long a URL handed to a page stays valid (CloudBase's temporary URL; seconds). */
export const VIEW_URL_SECONDS = 600;
/** The content check fetches the file later: its URL lives an hour (platform-notes §4). */
export const CHECK_URL_SECONDS = 3600;

/** What the caller is to the files of one org: may read it, moderates it. */
export interface Standing {
  read: boolean;
  moderator: boolean;
}

/**
 * The caller's standing on each org of these files, each org loaded once: `org.read` to see a
 * file at all, `media.moderate` to see what is being checked and remove others' files.
 */
export async function standings(
  ctx: Ctx,
  orgIds: readonly string[],
): Promise<Map<string, Standing>> {
  const out = new Map<string, Standing>();
  for (const orgId of new Set(orgIds)) {
    const org: OrgDoc | null = await findOrg(orgId);
    if (!org) out.set(orgId, { read: false, moderator: false });
    else
      out.set(orgId, {
        read: await ctx.may('org.read', org),
        moderator: await ctx.may('media.moderate', org),
      });
  }
  return out;
}

/**
 * One file as this caller may see it, or null when they may not see it at all (removed, risky
 * for others, another org). `urls`: the temporary URLs fetched for the `full` ones.
 */
export function viewOf(
  doc: MediaFileDoc,
  viewer: { memberId: string; standing: Standing },
  urls: { url: string | null; expiresAt: string | null } | null,
): MediaView | null {
  if (!doc.fileId) return null;
  const mine = doc.uploadedBy === viewer.memberId;
  if (!mine && !viewer.standing.read) return null;
  const file = { state: doc.state, check: doc.check.state, uploadedBy: doc.uploadedBy };
  const visibility = visibilityOf(file, {
    memberId: viewer.memberId,
    moderator: viewer.standing.moderator,
  });
  if (visibility === 'hidden') return null;
  const held = doc.check.state === 'risky' || doc.check.state === 'review';
  return {
    fileId: doc.fileId,
    kind: doc.kind,
    name: doc.name,
    size: doc.size,
    durationSeconds: doc.durationSeconds,
    visibility,
    check: doc.check.state,
    mine,
    url: visibility === 'full' ? (urls?.url ?? null) : null,
    expiresAt: visibility === 'full' ? (urls?.expiresAt ?? null) : null,
    reason: mine && held ? riskReason(doc.check.label) : null,
    canRemove: (mine || viewer.standing.moderator) && !doc.locked && !doc.attachedTo,
    uploadedAt: new Date(doc.confirmedAt ?? doc.createdAt).toISOString(),
  };
}

/** Temporary URLs of these files for a page, with the instant they expire. */
export async function pageUrls(
  ctx: Ctx,
  fileIds: readonly string[],
): Promise<{ urls: Record<string, string>; expiresAt: string }> {
  const urls = fileIds.length ? await ctx.ports.files.tempUrls(fileIds, VIEW_URL_SECONDS) : {};
  return { urls, expiresAt: new Date(+ctx.now + VIEW_URL_SECONDS * 1000).toISOString() };
}
