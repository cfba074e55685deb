import { randomBytes } from 'crypto';
import type { CheckedMediaType } from '../cloudfunctions/_shared/ports';

export type Suggest = 'pass' | 'review' | 'risky';
export const SUGGESTS: readonly Suggest[] = ['pass', 'review', 'risky'];
/** WeChat's labels: 100 正常, 20002 色情, 21000 其他 (the defaults of a push without one). */
const DEFAULT_LABEL: Record<Suggest, number> = { pass: 100, review: 21000, risky: 20002 };
/** Under `npm start` a file whose name contains this word is judged risky (the demo of a refusal). */
export const RISKY_DEMO_WORD = '违规';
/** The mini-program's ids in the push (the emulator has no real ones). */
const TO_USER = 'gh_000000000000';
const APPID = 'wx0000000000000000';

interface Submission {
  traceId: string;
  url: string;
  type: CheckedMediaType;
  scene: number;
  openid: string;
  submittedAt: number;
  pushed: boolean;
}

export interface MediaCheckListing {
  traceId: string;
  url: string;
  type: CheckedMediaType;
  scene: number;
  submittedAt: string;
  pushed: boolean;
}

export interface MediaCheckDeps {
  now: () => number;
  /** Delivers a push event to the `media` function (no OPENID, no action); answers its answer. */
  deliver: (event: Record<string, unknown>) => Promise<unknown>;
  /** `startEmulator({ autoMediaCheck })`: answer each submission by itself after this delay. */
  autoMs?: number;
  /** The uploaded file's name (for the risky demo), when the emulator can tell. */
  nameOf?: (traceId: string, url: string) => string | undefined;
}

/**
 * WeChat's asynchronous content check (security.mediaCheckAsync v2, platform-notes §4), played by
 * the emulator: a submission is recorded with a fresh trace_id; its verdict is pushed when a test
 * or the developer says so (`POST /__emulator/media-check`) — or by itself after `autoMs` — as
 * the `wxa_media_check` event that CloudBase's 消息推送 (云函数模式) delivers to the function.
 */
export class MediaChecks {
  private readonly submissions = new Map<string, Submission>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(private readonly d: MediaCheckDeps) {}

  submit(input: { url: string; type: CheckedMediaType; openid: string; scene: number }): string {
    const traceId = [4, 4, 4].map((n) => randomBytes(n).toString('hex')).join('-');
    this.submissions.set(traceId, {
      traceId,
      url: input.url,
      type: input.type,
      scene: input.scene,
      openid: input.openid,
      submittedAt: this.d.now(),
      pushed: false,
    });
    if (this.d.autoMs !== undefined) this.schedule(traceId, this.d.autoMs);
    return traceId;
  }

  /** The submissions, oldest first; the uploader's OPENID is not listed. */
  list(): MediaCheckListing[] {
    return [...this.submissions.values()]
      .sort((a, b) => a.submittedAt - b.submittedAt)
      .map((s) => ({
        traceId: s.traceId,
        url: s.url,
        type: s.type,
        scene: s.scene,
        submittedAt: new Date(s.submittedAt).toISOString(),
        pushed: s.pushed,
      }));
  }

  has(traceId: string): boolean {
    return this.submissions.has(traceId);
  }

  /** Pushes a verdict; `{ found: false }` for an unknown trace id. May be pushed again. */
  async push(
    traceId: string,
    suggest: Suggest,
    label?: number,
  ): Promise<{ found: false } | { found: true; answer: unknown }> {
    const s = this.submissions.get(traceId);
    if (!s) return { found: false };
    s.pushed = true;
    return { found: true, answer: await this.d.deliver(this.event(s, suggest, label)) };
  }

  /** The event exactly as WeChat pushes it (wxa_media_check, version 2). */
  event(s: Submission, suggest: Suggest, label?: number): Record<string, unknown> {
    const l = label ?? DEFAULT_LABEL[suggest];
    return {
      ToUserName: TO_USER,
      FromUserName: s.openid,
      CreateTime: Math.floor(this.d.now() / 1000),
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: APPID,
      trace_id: s.traceId,
      version: 2,
      detail: [{ strategy: 'content_model', errcode: 0, suggest, label: l, prob: 90 }],
      errcode: 0,
      errmsg: 'ok',
      result: { suggest, label: l },
    };
  }

  /** Forgets every submission and pending automatic verdict (reset). */
  clear(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.submissions.clear();
  }

  private schedule(traceId: string, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const s = this.submissions.get(traceId);
      if (!s || s.pushed) return;
      const risky = this.d.nameOf?.(traceId, s.url)?.includes(RISKY_DEMO_WORD);
      this.push(traceId, risky ? 'risky' : 'pass').catch((e) =>
        console.error('自动内容审核推送失败', e),
      );
    }, ms);
    timer.unref?.();
    this.timers.add(timer);
  }
}
