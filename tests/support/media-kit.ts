import type { Backend } from './backend';
import { extOf, kindOfExt } from '../../cloudfunctions/_shared/domain/media/rules';
import type { MediaKind, MediaPurpose } from '../../cloudfunctions/_shared/domain/media/model';
import type { MediaView } from '../../cloudfunctions/_shared/contracts/media';

/**
 * Uploads as the mini-program does in local mode, through the real backend: `media.prepareUpload`
 * reserves the path, the bytes go to the emulator's client route (`POST /__emulator/storage/upload`,
 * multipart, `X-WX-OPENID`, like `wx.uploadFile`), then `media.confirmUpload` checks them.
 * Fails the test when any step is refused (use `b.err` on the steps to test refusals).
 */
export interface Upload {
  orgId: string;
  purpose: MediaPurpose;
  /** Defaults to the kind of the name's extension. */
  kind?: MediaKind;
  name: string;
  bytes: Buffer;
  durationSeconds?: number;
}

export async function uploadMedia(
  b: Backend,
  openid: string,
  u: Upload,
): Promise<{ mediaId: string; fileId: string; view: MediaView }> {
  const { mediaId, cloudPath } = await prepareMedia(b, openid, u);
  const uploaded = await putBytes(b, openid, cloudPath, u.bytes, u.name);
  const view = await b.ok('media', 'confirmUpload', { mediaId, fileId: uploaded }, openid);
  // The fileID to attach is the checked copy's (media.confirmUpload), not the phone's upload.
  return { mediaId, fileId: view.fileId, view };
}

/** Only the reservation (`media.prepareUpload`), for tests of what comes after. */
export function prepareMedia(b: Backend, openid: string, u: Upload) {
  const kind = u.kind ?? kindOfExt(extOf(u.name));
  if (!kind) throw new Error(`media-kit: no kind for ${u.name}`);
  return b.ok(
    'media',
    'prepareUpload',
    {
      orgId: u.orgId,
      purpose: u.purpose,
      kind,
      name: u.name,
      size: u.bytes.length,
      ...(u.durationSeconds === undefined ? {} : { durationSeconds: u.durationSeconds }),
    },
    openid,
  );
}

/** The client upload of the mini-program's local mode; answers the emulator's fileID. */
export async function putBytes(
  b: Backend,
  openid: string | undefined,
  cloudPath: string,
  bytes: Buffer,
  name = 'file.bin',
): Promise<string> {
  const res = await clientUpload(b, openid, cloudPath, bytes, name);
  const body = (await res.json().catch(() => null)) as { fileID?: string } | null;
  if (res.status !== 200 || !body?.fileID)
    throw new Error(`media-kit: upload refused: ${res.status} ${JSON.stringify(body)}`);
  return body.fileID;
}

/** The raw client upload request (to test its refusals). */
export function clientUpload(
  b: Backend,
  openid: string | undefined,
  cloudPath: string,
  bytes: Buffer,
  name = 'file.bin',
): Promise<Response> {
  return postMultipart(`${b.url}/__emulator/storage/upload`, openid, cloudPath, bytes, name);
}

let seq = 0;

/**
 * A client upload as CloudBase (or the emulator's local-mode route) takes it from a phone:
 * multipart, the member's OPENID. The body is built by hand, so it works in the page environment
 * too, where the global FormData and Blob are jsdom's and Node's fetch never sends them.
 */
export function postMultipart(
  url: string,
  openid: string | undefined,
  cloudPath: string,
  bytes: Buffer,
  name: string,
): Promise<Response> {
  const boundary = `----xfzbmedia${++seq}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="cloudPath"\r\n\r\n${cloudPath}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(name)}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
  const body = Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return fetch(url, {
    method: 'POST',
    body,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      ...(openid ? { 'X-WX-OPENID': openid } : {}),
    },
  });
}

/** The trace_id of a file's content check (never shown to pages; read from the store). */
export function traceOf(b: Backend, fileId: string): string {
  const doc = b.docs('mediaFiles').find((d) => d.fileId === fileId);
  const traceId = doc?.check?.traceId as string | undefined;
  if (!traceId) throw new Error(`media-kit: no content check was submitted for ${fileId}`);
  return traceId;
}

/**
 * WeChat's verdict on a file, pushed by the emulator as CloudBase's 消息推送 delivers it
 * (`POST /__emulator/media-check`: the `wxa_media_check` event to the media function, with no
 * OPENID). Answers what the function answered.
 */
export async function pushVerdict(
  b: Backend,
  fileId: string,
  suggest: 'pass' | 'review' | 'risky' | string,
  label?: number,
): Promise<unknown> {
  const res = await fetch(`${b.url}/__emulator/media-check`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ traceId: traceOf(b, fileId), suggest, label }),
  });
  const body = await res.json().catch(() => null);
  if (res.status !== 200)
    throw new Error(`media-kit: push refused: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

export const passCheck = (b: Backend, fileId: string) => pushVerdict(b, fileId, 'pass');

/** The stored bytes of a file, downloaded through the real SDK (as the backend reads them). */
export async function storedBytes(fileId: string): Promise<Buffer> {
  // Loaded here, once the emulator has pointed the SDK at itself.
  const { cloud } =
    require('../../cloudfunctions/_shared/repos/db') as typeof import('../../cloudfunctions/_shared/repos/db');
  const res = await cloud.downloadFile({ fileID: fileId });
  return res.fileContent as Buffer;
}
