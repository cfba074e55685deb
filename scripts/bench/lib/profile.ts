import { writeFileSync } from 'fs';
import { Session } from 'inspector';

/**
 * Runs `fn` under the V8 CPU profiler when BENCH_PROFILE names a file (open it in Chrome DevTools
 * or speedscope); otherwise just runs it. Lets a benchmark profile its measured phase only.
 */
export async function profiled<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const out = process.env.BENCH_PROFILE;
  if (!out) return fn();
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<any>((resolve, reject) =>
      session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))),
    );
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await post('Profiler.stop');
    const file = out.endsWith('.cpuprofile') ? out : `${out}.${name}.cpuprofile`;
    writeFileSync(file, JSON.stringify(profile));
    console.log(`cpu profile of ${name}: ${file}`);
    session.disconnect();
  }
}
