import { randomBytes } from 'crypto';

/** An error CloudBase answers with `{ code, message }` (HTTP 200). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function duplicate(name: string, id: string): ApiError {
  // The shape CloudBase returns for a second document with the same _id (a MongoDB E11000).
  return new ApiError(
    'DATABASE_REQUEST_FAILED',
    `[FailedOperation] E11000 duplicate key error collection: ${name} index: _id_ dup key: { _id: "${id}" }`,
  );
}

export function newId(): string {
  return randomBytes(16).toString('hex');
}
