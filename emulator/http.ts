import { IncomingMessage, ServerResponse } from 'http';
import { MAX_BODY_BYTES } from './guard';

/** Small HTTP helpers of the emulator's routes. */
export function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  const s = Array.isArray(v) ? v[0] : v;
  return s && s.trim() ? s.trim() : undefined;
}

/** A body the emulator refuses to parse: too large (413) or not JSON (400). */
export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads a JSON body of at most MAX_BODY_BYTES (the content type was checked by guard.ts before).
 * A longer body stops being read at the limit and rejects with 413; the connection is then
 * closed by `fail` (see server.ts), so an endless body costs nothing more.
 */
export function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        req.off('data', onData);
        req.pause();
        reject(new BodyError(413, '请求内容过大（上限 1 MB）'));
      } else chunks.push(c);
    };
    req.on('data', onData);
    req.on('error', reject);
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) return;
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text ? JSON.parse(text) : {});
      } catch {
        reject(new BodyError(400, '请求内容不是合法的 JSON'));
      }
    });
  });
}

export function send(res: ServerResponse, status: number, body: unknown): void {
  sendRaw(
    res,
    status,
    'application/json; charset=utf-8',
    body === null ? '' : JSON.stringify(body),
  );
}

/** An error envelope (api.md §1) with an HTTP status. */
export function fail(res: ServerResponse, status: number, code: string, message: string): void {
  send(res, status, { ok: false, error: { code, message } });
}

export function sendRaw(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
): void {
  // No CORS headers here: server.ts adds them for a permitted origin only (guard.ts).
  res.writeHead(status, { 'content-type': type });
  res.end(body);
}

export function contentType(name: string): string {
  if (name.endsWith('.png')) return 'image/png';
  if (name.endsWith('.svg')) return 'image/svg+xml';
  if (name.endsWith('.xlsx'))
    return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return 'application/octet-stream';
}
