import { IncomingMessage, ServerResponse } from 'http';
import { randomBytes } from 'crypto';
import { fail, header, send } from './http';
import { fileIdOf, normalisePath, ObjectStorage, pathOfFileId } from './storage';
import { COS_ROUTE, OBJECT_ROUTE, StorageUrls } from './storage-urls';
import { INVOCATION_HEADER, RoundTripStats } from './stats';
import { CLIENT_UPLOAD_PATH } from '../cloudfunctions/_shared/repos/storage-spec';

/** The mini-program's local-mode upload (wx.uploadFile, multipart): CloudBase's 60 MB cap. */
export const CLIENT_UPLOAD_ROUTE = '/__emulator/storage/upload';
/**
 * The mini-program's local-mode wx.cloud.getTempFileURL: answered under the storage rule of
 * repos/storage-spec.ts — a client reads only files it uploaded itself; everything else comes
 * through the media function, which checks who asks.
 */
export const CLIENT_TEMP_URL_ROUTE = '/__emulator/storage/temp-url';
export const MAX_CLIENT_UPLOAD_BYTES = 60 * 1024 * 1024;
/** Room for the multipart framing around the file part. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;
/** A server-side PUT (uploadFile): generated files; generous, but bounded. */
const MAX_PUT_BYTES = 100 * 1024 * 1024;

export interface StorageRouteDeps {
  storage: ObjectStorage;
  urls: StorageUrls;
  stats: RoundTripStats;
  now: () => number;
}

/**
 * The storage's HTTP side: the PUT of an upload URL and the GET of a temporary URL (answered as
 * COS answers: an empty 200, or an XML `<Error>` with 403/404), and the mini-program's local-mode
 * upload route. Answers whether it handled the request.
 */
export function storageRoutes(d: StorageRouteDeps) {
  return async function handle(
    method: string,
    url: URL,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<boolean> {
    const p = url.pathname;
    if (method === 'PUT' && p.startsWith(COS_ROUTE)) await put(p.slice(COS_ROUTE.length), req, res);
    else if ((method === 'GET' || method === 'HEAD') && p.startsWith(OBJECT_ROUTE))
      await get(p.slice(OBJECT_ROUTE.length), url, method, res);
    else if (method === 'POST' && p === CLIENT_UPLOAD_ROUTE) await clientUpload(req, res);
    else if (method === 'POST' && p === CLIENT_TEMP_URL_ROUTE) await clientTempUrl(req, res);
    else return false;
    d.stats.storageRequest(header(req, INVOCATION_HEADER));
    return true;
  };

  async function put(rawPath: string, req: IncomingMessage, res: ServerResponse) {
    // The body is read first, so a refusal reaches a client that is still sending it.
    const bytes = await readBody(req, MAX_PUT_BYTES);
    if (!bytes) {
      res.setHeader('connection', 'close');
      return cosError(res, 400, 'EntityTooLarge', 'Your proposed upload is too large.', rawPath);
    }
    const cloudPath = decodedPath(rawPath);
    if (!cloudPath) return cosError(res, 403, 'AccessDenied', 'Access Denied.', rawPath);
    const ticket = d.urls.takeUpload(
      cloudPath,
      header(req, 'x-cos-security-token'),
      header(req, 'authorization'),
    );
    if (!ticket.ok) return cosError(res, 403, ticket.code, ticket.message, rawPath);
    await d.storage.put(cloudPath, bytes, { now: d.now() });
    res.writeHead(200, { 'content-length': '0', 'x-cos-request-id': requestId() });
    res.end();
  }

  async function get(rawPath: string, url: URL, method: string, res: ServerResponse) {
    const cloudPath = decodedPath(rawPath);
    const check = cloudPath
      ? d.urls.checkDownload(cloudPath, url.searchParams.get('sign'), url.searchParams.get('t'))
      : 'forbidden';
    if (check === 'expired')
      return cosError(res, 403, 'AccessDenied', 'Request has expired', rawPath);
    if (check !== 'ok') return cosError(res, 403, 'AccessDenied', 'Access Denied.', rawPath);
    const meta = d.storage.meta(cloudPath as string);
    const bytes = meta ? await d.storage.get(cloudPath as string) : undefined;
    if (!meta || !bytes)
      return cosError(res, 404, 'NoSuchKey', 'The specified key does not exist.', rawPath);
    res.writeHead(200, {
      'content-type': meta.contentType,
      'content-length': String(bytes.length),
      'x-cos-request-id': requestId(),
    });
    res.end(method === 'HEAD' ? undefined : bytes);
  }

  async function clientUpload(req: IncomingMessage, res: ServerResponse) {
    const openid = header(req, 'x-wx-openid');
    if (!openid)
      return fail(res, 401, 'AUTH.FORBIDDEN', '上传文件须带上调用者身份（请求头 X-WX-OPENID）');
    const boundary = (header(req, 'content-type') ?? '').match(/boundary=(?:"([^"]+)"|([^;\s]+))/i);
    if (!boundary) return fail(res, 400, 'INPUT.INVALID', '上传内容须为 multipart/form-data');
    const body = await readBody(req, MAX_CLIENT_UPLOAD_BYTES + MULTIPART_OVERHEAD_BYTES);
    if (!body) {
      res.setHeader('connection', 'close');
      return fail(res, 413, 'INPUT.INVALID', '文件过大（上限 60 MB）');
    }
    const parts = parseMultipart(body, boundary[1] ?? boundary[2]);
    const file = parts.find((x) => x.name === 'file' && x.filename !== undefined);
    const rawPath = parts.find((x) => x.name === 'cloudPath' && x.filename === undefined);
    if (!file || !rawPath)
      return fail(res, 400, 'INPUT.INVALID', '缺少文件（file）或存储路径（cloudPath）');
    if (file.data.length > MAX_CLIENT_UPLOAD_BYTES)
      return fail(res, 413, 'INPUT.INVALID', '文件过大（上限 60 MB）');
    let cloudPath: string;
    try {
      cloudPath = normalisePath(rawPath.data.toString('utf8'));
    } catch {
      return fail(res, 400, 'INPUT.INVALID', '存储路径不合法');
    }
    // The bucket's rule (repos/storage-spec.ts), as CloudBase applies it: a client writes only
    // under an upload path (never a generated export or code) ...
    if (!CLIENT_UPLOAD_PATH.test(cloudPath))
      return fail(res, 403, 'AUTH.FORBIDDEN', '只能上传到系统分配的位置');
    // ... and creates files; it never overwrites one (neither another's nor one the backend has
    // already checked and rewritten).
    if (d.storage.has(cloudPath))
      return fail(res, 403, 'AUTH.FORBIDDEN', '这个位置已有文件，不能覆盖');
    await d.storage.put(cloudPath, file.data, { openid, now: d.now() });
    send(res, 200, { fileID: fileIdOf(cloudPath) });
  }

  async function clientTempUrl(req: IncomingMessage, res: ServerResponse) {
    const openid = header(req, 'x-wx-openid');
    if (!openid)
      return fail(res, 401, 'AUTH.FORBIDDEN', '读取文件须带上调用者身份（请求头 X-WX-OPENID）');
    const body = await readBody(req, 64 * 1024);
    let list: unknown;
    try {
      list = (JSON.parse((body ?? Buffer.alloc(0)).toString('utf8')) as { fileList?: unknown })
        .fileList;
    } catch {
      list = undefined;
    }
    if (!Array.isArray(list) || list.length === 0 || list.length > 50)
      return fail(res, 400, 'INPUT.INVALID', 'fileList 须为 1 到 50 个文件');
    const fileList = list.map((item) => {
      const fileID = typeof item === 'string' ? item : (item as { fileID?: unknown })?.fileID;
      const asked = typeof item === 'object' ? Number((item as { maxAge?: unknown }).maxAge) : NaN;
      const maxAge = Number.isFinite(asked) && asked > 0 ? Math.min(asked, 86_400) : 86_400;
      const cloudPath = pathOfFileId(fileID);
      const meta = cloudPath ? d.storage.meta(cloudPath) : undefined;
      if (!cloudPath || !meta)
        return { fileID, tempFileURL: '', maxAge, status: -503003, errMsg: 'file not exist' };
      if (meta.openid !== openid)
        return { fileID, tempFileURL: '', maxAge, status: -503002, errMsg: 'permission denied' };
      return {
        fileID,
        tempFileURL: d.urls.download(cloudPath, maxAge),
        maxAge,
        status: 0,
        errMsg: 'ok',
      };
    });
    send(res, 200, { fileList, errMsg: 'cloud.getTempFileURL:ok' });
  }
}

/** The cloud path of a URL path (percent-decoded); null when it is not a valid one. */
function decodedPath(raw: string): string | null {
  try {
    return normalisePath(decodeURIComponent(raw));
  } catch {
    return null;
  }
}

/** The `cloud://` fileID of `GET /__emulator/files/:fileId` (debugging), as a cloud path. */
export function debugPath(fileId: string): string | null {
  return pathOfFileId(fileId);
}

function requestId(): string {
  return randomBytes(12).toString('base64');
}

function cosError(res: ServerResponse, status: number, code: string, message: string, key: string) {
  const esc = (t: string) => t.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const xml =
    `<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n\t<Code>${esc(code)}</Code>\n` +
    `\t<Message>${esc(message)}</Message>\n\t<Resource>/${esc(key)}</Resource>\n` +
    `\t<RequestId>${requestId()}</RequestId>\n\t<TraceId>${requestId()}</TraceId>\n</Error>`;
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(xml);
}

/** The whole body, or null once it passes `max` bytes (then the rest is not read). */
function readBody(req: IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > max) {
        req.off('data', onData);
        req.pause();
        resolve(null);
      } else chunks.push(c);
    };
    req.on('data', onData);
    req.on('error', reject);
    req.on('end', () => (size > max ? undefined : resolve(Buffer.concat(chunks))));
  });
}

export interface Part {
  name: string;
  filename?: string;
  data: Buffer;
}

/** A multipart/form-data body as wx.uploadFile sends it (a file part and form fields). */
export function parseMultipart(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next === -1) break;
    const chunk = body.subarray(start + 2, next - 2); // after CRLF, before CRLF--boundary
    const split = chunk.indexOf('\r\n\r\n');
    if (split !== -1) {
      const head = chunk.subarray(0, split).toString('utf8');
      const disposition = head.match(/content-disposition:[^\r\n]*/i)?.[0] ?? '';
      const name = disposition.match(/\bname="([^"]*)"/i)?.[1];
      const filename = disposition.match(/\bfilename="([^"]*)"/i)?.[1];
      if (name !== undefined)
        parts.push({
          name,
          ...(filename !== undefined ? { filename } : {}),
          data: chunk.subarray(split + 4),
        });
    }
    at = next;
  }
  return parts;
}
