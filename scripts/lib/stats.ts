/** Latency summary of a list of durations in ms. */
export function summary(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))].toFixed(1);
  return `n=${s.length} p50=${q(0.5)}ms p99=${q(0.99)}ms max=${s[s.length - 1].toFixed(1)}ms`;
}

export async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const v = await fn();
  return [v, performance.now() - t0];
}
