/**
 * The one instant the demo seed is built from, so the demo reads the same on any day: Tuesday
 * 1 December 2026, 09:00 in Beijing. The theme day of the seed starts five minutes before it.
 * Tests freeze the emulator's and jest's clocks here (tests/setup/env.ts); `npm start` runs the
 * emulator's clock from here; `POST /__emulator/reset { now }` builds the seed around another one.
 */
export const DEMO_NOW = '2026-12-01T09:00:00+08:00';
export const DEMO_NOW_MS = Date.parse(DEMO_NOW);
