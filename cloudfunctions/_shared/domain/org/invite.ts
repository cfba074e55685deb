import { fail, ok, Result } from '../shared/result';

export interface Invite {
  code: string;
  memberId: string;
  expiresAt: Date;
  usedAt?: Date | null;
}

export const INVITE_TTL_DAYS = 7;
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I/L: read aloud and typed by hand

/** A short, unambiguous single-use code, from caller-supplied randomness (the domain has no I/O). */
export function inviteCode(random: Uint8Array): string {
  return Array.from(random.slice(0, 8), (b) => ALPHABET[b % ALPHABET.length]).join('');
}

export function normaliseCode(code: string): string {
  return code.trim().toUpperCase();
}

export function checkInvite(invite: Invite | null, now: Date): Result<Invite> {
  if (!invite) return fail('INVITE.INVALID', '邀请码无效，请核对后重新输入');
  if (invite.usedAt) return fail('INVITE.USED', '该邀请码已被使用，请向支部书记重新申请');
  if (+invite.expiresAt <= +now)
    return fail('INVITE.EXPIRED', '邀请码已过期，请向支部书记重新申请');
  return ok(invite);
}
