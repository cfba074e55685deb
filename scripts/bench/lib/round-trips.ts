import type { Emulator } from '../../../emulator/server';

/** Database round trips per call of `"<fn>.<action>"` since the emulator's stats were last reset. */
export function perCall(emu: Emulator, key: string): string {
  const s = emu.stats().actions[key];
  if (!s || s.calls === 0) return '–';
  const n = s.dbRoundTrips / s.calls;
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

/** `"<n> round trips/call"` for one action, resetting the counters afterwards. */
export function tripsNote(emu: Emulator, key: string): string {
  const note = `${perCall(emu, key)} round trips/call`;
  emu.resetStats();
  return note;
}
