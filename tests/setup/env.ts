import { DEMO_NOW_MS } from '../../emulator/demo-instant';

// Keep SDK logs quiet in tests; the real SDK still runs every request.
process.env.SILENCE = 'true';

/**
 * Every test runs at the demo seed's instant, whatever the machine's clock says: jest's Date starts
 * there and moves at real speed (so timeouts and waits still work); timers stay real. The emulator's
 * clock is frozen at the same instant by tests/support/backend.ts. A test that fakes timers for itself
 * calls `useDemoClock()` afterwards.
 */
export function useDemoClock(): void {
  jest.useFakeTimers({ now: DEMO_NOW_MS, advanceTimers: true, doNotFake: REAL_TIMERS });
}

/** Every timer API jest could fake: they stay real, only Date is faked. */
export const REAL_TIMERS: FakeableAPI[] = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
];
type FakeableAPI =
  NonNullable<Parameters<typeof jest.useFakeTimers>[0]> extends infer C
    ? C extends { doNotFake?: readonly (infer A)[] }
      ? A
      : never
    : never;

useDemoClock();
