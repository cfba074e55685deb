import { createHash, randomBytes } from 'crypto';
import { recordSent } from '../repos/outbox';
import { EmulatorHooks, Ports } from '../ports';
import { sdkFiles } from './sdk-files';

/**
 * Local ports for the emulator: identity and clock from the emulator host, subscription messages
 * recorded in the `outbox` collection (through the same SDK), content checked by a word list,
 * files in the emulator's storage through the same SDK as in CloudBase, media checks recorded by
 * the emulator (which pushes their verdicts to the media function).
 */
export function localPorts(hooks: EmulatorHooks): Ports {
  return {
    clock: { now: () => new Date(hooks.now()) },
    identity: { openid: () => hooks.openid(), source: () => hooks.source() },
    messenger: {
      async send(m) {
        hooks.beforeSend?.(m);
        await recordSent(m, new Date(hooks.now()));
      },
    },
    contentCheck: {
      async check(text) {
        const hit = hooks.bannedWords.find((w) => text.includes(w));
        return hit ? { pass: false, reason: `含有违规内容“${hit}”` } : { pass: true };
      },
    },
    codeImages: {
      // No WeChat servers here: an SVG in the look of a mini-program code (rays that change with
      // the scene), naming what the real code would encode.
      unlimited: async (scene, page) => Buffer.from(localCodeSvg(scene, page)),
    },
    files: sdkFiles(),
    mediaCheck: { submit: (input) => hooks.mediaCheck(input) },
    random: (n) => randomBytes(n),
    secret: (name) => hooks.secrets[name],
    templateId: (key) => `local-${key}`,
  };
}

/** The emulator's stand-in for a mini-program code: round, with rays drawn from the scene. */
export function localCodeSvg(scene: string, page: string): string {
  const rays: string[] = [];
  const bits = [...createHash('sha256').update(`${page}?${scene}`).digest()];
  for (let i = 0; i < 72; i += 1) {
    const a = (i / 72) * 2 * Math.PI;
    const len = 28 + (bits[i % 32] % 5) * 14;
    const [x1, y1] = [140 + 60 * Math.cos(a), 140 + 60 * Math.sin(a)];
    const [x2, y2] = [140 + (60 + len) * Math.cos(a), 140 + (60 + len) * Math.sin(a)];
    rays.push(
      `<line x1="${x1.toFixed(1)}" y1="${y1.toFixed(1)}" x2="${x2.toFixed(1)}" y2="${y2.toFixed(1)}"/>`,
    );
  }
  const esc = (t: string) => t.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="280" height="280" viewBox="0 0 280 280"><rect width="280" height="280" fill="#fff"/><g stroke="#111" stroke-width="4" stroke-linecap="round">${rays.join('')}</g><circle cx="140" cy="140" r="52" fill="#C8161D"/><text x="140" y="146" fill="#fff" text-anchor="middle" font-size="18">签到</text><desc>${esc(page)}?scene=${esc(scene)}</desc></svg>`;
}
