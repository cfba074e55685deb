/**
 * Who the caller is (`org.me`), asked once per app start and shared by every page: the tabs and
 * each subpackage page read this instead of calling the backend again. Forgotten when it may
 * have changed: a bind, a switch of the demo identity (local mode), or a backend answer that the
 * caller is not bound (AUTH.UNBOUND). Only an answer is kept; a failure is asked again next time.
 */
import { onIdentityChange } from '../services/dev-identity';
import { fetchMe } from '../services/org';
import type { MeOutput } from '../services/types';

let pending: Promise<MeOutput> | null = null;

/** The caller's membership, from the backend the first time and from memory after that. */
export function currentMe(): Promise<MeOutput> {
  if (!pending) {
    const asked = fetchMe();
    pending = asked;
    // Concurrent pages share one call; a refusal or a network failure is not remembered.
    asked.catch(() => {
      if (pending === asked) pending = null;
    });
  }
  return pending;
}

/** Drops what is known, so the next page asks the backend again. */
export function forgetMe(): void {
  pending = null;
}

onIdentityChange(forgetMe);
