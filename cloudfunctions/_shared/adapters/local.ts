import { randomBytes } from 'crypto';
import { recordSent } from '../repos/outbox';
import { EmulatorHooks, Ports } from '../ports';

/**
 * Local ports for the emulator: identity and clock from the emulator host, subscription messages
 * recorded in the `outbox` collection (through the same SDK), content checked by a word list.
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
      async unlimited(scene, page) {
        // No WeChat servers here: a small SVG that names what the real code would encode.
        const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="280" height="280"><rect width="280" height="280" fill="#fff"/><text x="140" y="130" text-anchor="middle" font-size="14">${page}</text><text x="140" y="160" text-anchor="middle" font-size="14">scene=${scene}</text></svg>`;
        return Buffer.from(svg);
      },
    },
    files: { put: hooks.putFile, get: hooks.getFile },
    random: (n) => randomBytes(n),
    secret: (name) => hooks.secrets[name],
    templateId: (key) => `local-${key}`,
  };
}
