import { IncomingMessage } from 'http';

/**
 * Who may talk to the emulator. It is a developer tool on a laptop: it holds every member's data,
 * runs any function as any OPENID and resets everything, so it must not answer the web pages the
 * developer happens to visit.
 *
 * - Non-browser clients (curl, wx-server-sdk, WeChat DevTools' `wx.request`, which is not a
 *   browser request and sends no CORS `Origin`) carry no `Origin` header: allowed.
 * - A browser page is allowed only from the console page itself (same origin), from a loopback
 *   origin (`http://127.0.0.1:<port>`, `http://localhost:<port>`, `http://[::1]:<port>`: pages the
 *   developer serves on this machine, DevTools' own simulator pages among them), from
 *   `https://servicewechat.com` (the mini-program's origin inside WeChat), or from an origin listed
 *   in `EMULATOR_ALLOW_ORIGINS` (comma-separated). Those get their own origin back in
 *   `Access-Control-Allow-Origin`, never `*`; every other origin gets 403 and nothing runs.
 * - The `Host` header must be `localhost` or an IP address (or listed in `EMULATOR_ALLOW_HOSTS`):
 *   a DNS-rebinding page (`evil.example` resolving to 127.0.0.1) is same-origin to the browser,
 *   but its Host is its own name.
 * - Bodies are `application/json` only (415), at most `MAX_BODY_BYTES` (413): a cross-site form
 *   or `text/plain` post — the kinds a browser sends without asking — is refused. The one
 *   exception is the mini-program's local-mode upload (`POST /__emulator/storage/upload`, what
 *   `wx.uploadFile` sends): `multipart/form-data` up to 60 MB; a browser page can still not use
 *   it (its Origin is checked as above, and the route requires an `X-WX-OPENID` header, which a
 *   form cannot set). Storage PUTs (signed upload URLs) carry their own single-use signature.
 */
export const MAX_BODY_BYTES = 1024 * 1024;
/** The client upload route and its cap (a 60 MB file plus the multipart framing). */
const UPLOAD_PATH = '/__emulator/storage/upload';
const MAX_UPLOAD_BODY_BYTES = 60 * 1024 * 1024 + 64 * 1024;

export interface Refusal {
  status: number;
  code: 'AUTH.FORBIDDEN' | 'INPUT.INVALID';
  message: string;
}

export interface Admission {
  /** The origin to echo in Access-Control-Allow-Origin (a permitted cross-origin caller). */
  corsOrigin?: string;
}

const LOOPBACK_ORIGIN = /^https?:\/\/(localhost|127(?:\.\d{1,3}){3}|\[::1\])(:\d{1,5})?$/i;
const WECHAT_ORIGINS = ['https://servicewechat.com'];
const IP_OR_LOCALHOST = /^(localhost|\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:.]+\])(:\d{1,5})?$/i;

function listFromEnv(name: string): string[] {
  return (process.env[name] ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

function one(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export function hostAllowed(host: string | undefined): boolean {
  if (!host) return true; // HTTP/1.0 clients; a browser always sends Host
  const h = host.trim().toLowerCase();
  if (IP_OR_LOCALHOST.test(h)) return true;
  const name = h.replace(/:\d{1,5}$/, '');
  return listFromEnv('EMULATOR_ALLOW_HOSTS').some((a) => a === h || a === name);
}

export function originAllowed(origin: string, host: string | undefined): boolean {
  const o = origin.trim().toLowerCase();
  if (host && o === `http://${host.trim().toLowerCase()}`) return true; // the console page
  if (LOOPBACK_ORIGIN.test(o) || WECHAT_ORIGINS.includes(o)) return true;
  return listFromEnv('EMULATOR_ALLOW_ORIGINS').includes(o);
}

/** Decides, from the headers alone, whether a request may run (before its body is read). */
export function admit(req: IncomingMessage): Admission | Refusal {
  const host = one(req, 'host');
  if (!hostAllowed(host)) {
    return {
      status: 403,
      code: 'AUTH.FORBIDDEN',
      message: '本地模拟器只接受本机地址的访问',
    };
  }
  const origin = one(req, 'origin');
  if (origin !== undefined) {
    if (!originAllowed(origin, host)) {
      return { status: 403, code: 'AUTH.FORBIDDEN', message: '这个网页无权访问本地模拟器' };
    }
  }
  if (req.method === 'POST' && hasBody(req)) {
    const type = (one(req, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
    const length = Number(one(req, 'content-length') ?? 0);
    if ((req.url ?? '').split('?')[0] === UPLOAD_PATH) {
      if (type !== 'multipart/form-data')
        return { status: 415, code: 'INPUT.INVALID', message: '上传内容须为 multipart/form-data' };
      if (length > MAX_UPLOAD_BODY_BYTES)
        return { status: 413, code: 'INPUT.INVALID', message: '文件过大（上限 60 MB）' };
      return corsFor(origin, host);
    }
    if (type !== 'application/json') {
      return { status: 415, code: 'INPUT.INVALID', message: '请求内容须为 JSON 格式' };
    }
    if (length > MAX_BODY_BYTES) return tooLarge();
  }
  return corsFor(origin, host);
}

function corsFor(origin: string | undefined, host: string | undefined): Admission {
  const sameOrigin = origin !== undefined && host && origin.toLowerCase() === `http://${host}`;
  return origin !== undefined && !sameOrigin ? { corsOrigin: origin } : {};
}

export function tooLarge(): Refusal {
  return { status: 413, code: 'INPUT.INVALID', message: '请求内容过大（上限 1 MB）' };
}

export function isRefusal(a: Admission | Refusal): a is Refusal {
  return 'status' in a;
}

function hasBody(req: IncomingMessage): boolean {
  if (one(req, 'transfer-encoding')) return true;
  return Number(one(req, 'content-length') ?? 0) > 0;
}

/** The CORS headers of a permitted cross-origin caller (never a wildcard). */
export function corsHeaders(origin: string): Record<string, string> {
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': 'content-type, x-wx-openid',
    'access-control-max-age': '600',
    vary: 'Origin',
  };
}
