import { Failure } from '../domain/shared/result';

/** Stable error codes and the Chinese message a member sees when nothing more specific is said. */
export const MESSAGES: Record<string, string> = {
  'INPUT.INVALID': '输入内容有误，请检查后重试',
  'INPUT.UNKNOWN_ACTION': '不支持的操作',
  'AUTH.UNBOUND': '尚未绑定党员身份，请先使用邀请码绑定',
  'AUTH.ALREADY_BOUND': '当前微信已绑定党员身份',
  'AUTH.FORBIDDEN': '没有权限进行此操作',
  NOT_FOUND: '要找的内容不存在',
  CONFLICT: '操作与现有数据冲突',
  INTERNAL: '系统繁忙，请稍后重试',
};

/** An expected refusal, thrown by a use case and turned into the error envelope at the edge. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message?: string,
    readonly details?: object,
  ) {
    super(message ?? MESSAGES[code] ?? MESSAGES.INTERNAL);
  }

  static from(f: Failure): AppError {
    const details = { ...(f.details ?? {}), ...(f.ruleId ? { ruleId: f.ruleId } : {}) };
    return new AppError(f.code, f.message, Object.keys(details).length ? details : undefined);
  }
}

export const forbidden = (message?: string) => new AppError('AUTH.FORBIDDEN', message);
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what}不存在`);

/** Unwraps a domain result or throws its failure as an AppError. */
export function orThrow<T>(r: { ok: true; value: T } | Failure): T {
  if (!r.ok) throw AppError.from(r);
  return r.value;
}

export type Envelope<T = unknown> =
  { ok: true; data: T } | { ok: false; error: { code: string; message: string; details?: object } };
