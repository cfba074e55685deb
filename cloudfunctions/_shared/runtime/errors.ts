import { ERRORS, ErrorCode } from '../contracts/errors';
import { Failure } from '../domain/shared/result';

/** The catalogue's Chinese message for each code (what a member sees by default). */
export const MESSAGES: Readonly<Record<ErrorCode, string>> = ERRORS;

/** An expected refusal, thrown by a use case and turned into the error envelope at the edge. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
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

/** What was loaded, or NOT_FOUND naming it in words (`orNotFound(await findNotice(id), '公开事项')`). */
export function orNotFound<T>(loaded: T | null | undefined, what: string): T {
  if (loaded === null || loaded === undefined) throw notFound(what);
  return loaded;
}

/** Unwraps a domain result or throws its failure as an AppError. */
export function orThrow<T>(r: { ok: true; value: T } | Failure): T {
  if (!r.ok) throw AppError.from(r);
  return r.value;
}

export type Envelope<T = unknown> =
  | { ok: true; data: T }
  | { ok: false; error: { code: ErrorCode; message: string; details?: object } };
