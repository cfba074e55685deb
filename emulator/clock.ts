/**
 * The emulator's clock: real time; frozen at an instant and moved by hand (tests); or running at
 * real speed from a chosen instant (`npm start` runs it from the demo seed's instant).
 */
export class EmulatorClock {
  private frozenAt: number | null = null;
  private offsetMs = 0;

  now(): number {
    return this.frozenAt ?? Date.now() + this.offsetMs;
  }

  get frozen(): boolean {
    return this.frozenAt !== null;
  }

  /** Freezes the clock at an instant; `null` goes back to real time. */
  freeze(at: number | null): void {
    this.frozenAt = at;
    this.offsetMs = 0;
  }

  /** Lets the clock run at real speed from `at`. */
  runFrom(at: number): void {
    this.frozenAt = null;
    this.offsetMs = at - Date.now();
  }

  advance(ms: number): void {
    if (this.frozenAt === null) throw new Error('clock is not frozen');
    this.frozenAt += ms;
  }
}
