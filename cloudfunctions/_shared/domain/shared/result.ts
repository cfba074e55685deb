import type { ErrorCode } from '../../contracts/errors';

/** Expected failures are values, not exceptions: the edge maps them to the error envelope. */
export type Failure = {
  ok: false;
  code: ErrorCode;
  message: string;
  ruleId?: string;
  details?: object;
};
export type Result<T> = { ok: true; value: T } | Failure;

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (
  code: ErrorCode,
  message: string,
  ruleId?: string,
  details?: object,
): Failure => ({
  ok: false,
  code,
  message,
  ...(ruleId ? { ruleId } : {}),
  ...(details ? { details } : {}),
});

/** A soft rule's outcome: never refuses, tells someone. */
export interface Alert {
  ruleId: string;
  level: 'info' | 'warning' | 'alert';
  message: string;
}
