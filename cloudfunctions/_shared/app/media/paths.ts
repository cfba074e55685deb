import type { Permission } from '../../domain/org/policy';

/**
 * Where the backend keeps what it generates, per org like every upload (repos/storage-spec.ts):
 * `orgs/<orgId>/exports/<area>/…` for workbooks, `orgs/<orgId>/codes/<activityId>/…` for printed
 * mini-program codes. The path says who may have a URL for the file (`media.fileUrl`): the one
 * table below, so the check can never drift from the folder a file was stored in.
 */

/** The export folders and what reading one of their files takes: the permission of the export. */
export const EXPORT_AREAS = {
  /** 组织生活 half-year report (activity.report). */
  reports: { permission: 'activity.oversee' },
  /** 签到表 and the yearly attendance book (export.attendance …). */
  attendance: { permission: 'activity.oversee' },
  /** The superior's compliance grid of the branches below (export.dashboard). */
  oversight: { permission: 'org.oversee' },
  /** 先锋指数 workbook (export.points). */
  points: { permission: 'points.readAll' },
  /** Dues ledger and assessment sheets. */
  dues: { permission: 'dues.read' },
  /** A secretary review's 登记表: `appraisals/<subjectId>/…`, never for the subject [PRIV-21]. */
  appraisals: { permission: 'appraisal.conduct', subject: true },
  /** A 民主评议 form of the branch (the committee, the superior). */
  democratic: { permission: 'appraisal.decideMembers' },
  /** A member's own form: `mine/<memberId>/…`, for that member alone [APR-12]. */
  mine: { permission: null, subject: true },
} as const satisfies Record<string, { permission: Permission | null; subject?: true }>;
export type ExportArea = keyof typeof EXPORT_AREAS;

/** `orgs/<orgId>/exports/<area>[/<memberId>]`: the `dir` an export is rendered into. */
export function exportDir(orgId: string, area: ExportArea, memberId?: string): string {
  return `orgs/${orgId}/exports/${area}${memberId ? `/${memberId}` : ''}`;
}

/** `orgs/<orgId>/codes/<activityId>/<name>`: a printed code of one activity. */
export const codePath = (orgId: string, activityId: string, name: string): string =>
  `orgs/${orgId}/codes/${activityId}/${name}`;

const SEGMENT = /^[\w-]+$/;

/** What a generated file's path says: its org and what kind of file it is. */
export type GeneratedPath =
  | { kind: 'export'; orgId: string; area: ExportArea; subject: string | null }
  | { kind: 'code'; orgId: string; activityId: string };

/**
 * Reads a generated file's cloud path; null for anything else (an upload's path, a path of the
 * old flat layout, a segment that is not a plain name).
 */
export function generatedPathOf(cloudPath: string): GeneratedPath | null {
  const parts = cloudPath.split('/');
  if (parts.length < 4 || parts[0] !== 'orgs' || !SEGMENT.test(parts[1])) return null;
  const orgId = parts[1];
  if (parts[2] === 'codes' && parts.length >= 5 && SEGMENT.test(parts[3]))
    return { kind: 'code', orgId, activityId: parts[3] };
  if (parts[2] !== 'exports' || !Object.prototype.hasOwnProperty.call(EXPORT_AREAS, parts[3]))
    return null;
  const area = parts[3] as ExportArea;
  const bySubject = 'subject' in EXPORT_AREAS[area];
  if (!bySubject) return parts.length >= 5 ? { kind: 'export', orgId, area, subject: null } : null;
  if (parts.length < 6 || !SEGMENT.test(parts[4])) return null;
  return { kind: 'export', orgId, area, subject: parts[4] };
}

/**
 * Where a confirmed upload's checked bytes live: `orgs/<org>/media/<purpose>/<YYYY-MM>/<id>.<ext>`,
 * beside the reserved path the phone uploaded to but outside every path a client may write
 * (repos/storage-spec.ts CLIENT_UPLOAD_PATH): once checked, the phone can neither swap nor delete
 * the bytes others see [MTG-20, PRIV-12].
 */
export function storedPathOf(reservedPath: string): string {
  return reservedPath.replace(/^orgs\/([^/]+)\//, 'orgs/$1/media/');
}

/** The media id of an upload's fileID or path (`…/<mediaId>.<ext>`); null when it has none. */
export function mediaIdOfPath(path: string): string | null {
  const m = /\/([0-9a-f]{16})\.[a-z0-9]+$/.exec(path);
  return m ? m[1] : null;
}
