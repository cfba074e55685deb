/** The emulator's clock: real time, or frozen at an instant and moved by hand (tests, demos). */
export class EmulatorClock {
  private frozenAt: number | null = null;

  now(): number {
    return this.frozenAt ?? Date.now();
  }

  get frozen(): boolean {
    return this.frozenAt !== null;
  }

  freeze(at: number | null): void {
    this.frozenAt = at;
  }

  advance(ms: number): void {
    if (this.frozenAt === null) throw new Error('clock is not frozen');
    this.frozenAt += ms;
  }
}
