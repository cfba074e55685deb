import { MEDIA_PURPOSES } from '../domain/media/model';

/**
 * Cloud storage, declared next to the collections (collections.ts): every file lives under its
 * org's own prefix, and the bucket's security rule lets the mini-program upload, and read back only
 * its own uploads — never list, read another's, or delete. Every URL a page gets comes from the `media` function (`view`,
 * `fileUrl`), which checks who asks [issue 15 §5]. scripts/deploy-db.ts prints the rule to apply
 * (云开发控制台 → 存储 → 权限设置 → 自定义安全规则).
 */
export interface StorageFolder {
  /** The path pattern, `<…>` for the parts that vary. */
  readonly path: string;
  /** Who writes the files: the mini-program (after `media.prepareUpload`) or a cloud function. */
  readonly writer: 'client' | 'function';
  readonly what: string;
  /** How a page gets a temporary URL of one (always through a function that checks access). */
  readonly url: string;
}

export const STORAGE_FOLDERS: readonly StorageFolder[] = [
  {
    path: `orgs/<orgId>/<${MEDIA_PURPOSES.join('|')}>/<YYYY-MM>/<mediaId>.<ext>`,
    writer: 'client',
    what: '纪实、党务公开、积分申报、线上参加和流入地证明的照片、录音、视频和文件',
    url: 'media.view（附件）/ media.fileUrl',
  },
  {
    path: `orgs/<orgId>/media/<${MEDIA_PURPOSES.join('|')}>/<YYYY-MM>/<mediaId>.<ext>`,
    writer: 'function',
    what: '确认后的附件：检查过类型和大小、去掉了照片里的位置等信息的副本（手机上传的原件随即删除）',
    url: 'media.view（附件）/ media.fileUrl',
  },
  {
    path: 'orgs/<orgId>/exports/<area>[/<memberId>]/<time-random>/<文件名>.xlsx',
    writer: 'function',
    what: '导出的台账、报表和登记表（app/media/paths.ts 的 EXPORT_AREAS）',
    url: 'media.fileUrl（按导出时的权限）',
  },
  {
    path: 'orgs/<orgId>/codes/<activityId>/<name>',
    writer: 'function',
    what: '活动的小程序码和轮换签到码',
    url: 'media.fileUrl（主持人、记录人或支委）',
  },
];

/** The only paths a client may upload to: a reserved upload's path, nothing else. */
export const CLIENT_UPLOAD_PATH = new RegExp(
  `^orgs/[A-Za-z0-9_-]+/(${MEDIA_PURPOSES.join('|')})/[0-9]{4}-[0-9]{2}/[0-9a-f]{16}\\.[a-z0-9]+$`,
);

/**
 * The bucket's security rule (CloudBase 云存储安全规则: `read`/`write` expressions over `auth`
 * and `resource`; `write` covers upload, overwrite and delete; cloud functions and the console
 * are never bound by it). Clients read only what they uploaded themselves (`wx.cloud.
 * getTempFileURL` of their own upload — nobody else's, so no other member's and no other org's
 * file; every page's URL of anyone else's file is a function's signed temporary URL, after its
 * access check); write only as a WeChat user, only their own object (a new upload is theirs;
 * nobody overwrites or deletes another's), and only under an upload path. A regex in a rule must
 * be compared with `== true`; JSON.stringify of this object gives the text to paste, its
 * backslashes escaped for JSON.
 */
export const STORAGE_SECURITY_RULE = {
  read: 'auth != null && auth.openid != null && resource.openid == auth.openid',
  write: `auth != null && auth.openid != null && resource.openid == auth.openid && /${CLIENT_UPLOAD_PATH.source}/.test(resource.path) == true`,
} as const;
