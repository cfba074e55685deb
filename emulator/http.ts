import { IncomingMessage, ServerResponse } from 'http';

/** Small HTTP helpers of the emulator's routes. */
export function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  const s = Array.isArray(v) ? v[0] : v;
  return s && s.trim() ? s.trim() : undefined;
}

export function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('error', reject);
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text ? JSON.parse(text) : {});
      } catch (e) {
        reject(e);
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
  res.writeHead(status, {
    'content-type': type,
    // The mini-program in DevTools and the console page call from other origins.
    'access-control-allow-origin': '*',
    'access-control-allow-headers': 'content-type, x-wx-openid',
  });
  res.end(body);
}

export function contentType(name: string): string {
  if (name.endsWith('.png')) return 'image/png';
  if (name.endsWith('.svg')) return 'image/svg+xml';
  if (name.endsWith('.xlsx'))
    return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return 'application/octet-stream';
}
