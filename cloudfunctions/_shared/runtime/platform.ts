import { localPorts } from '../adapters/local';
import { wxPorts } from '../adapters/wx';
import { EMULATOR_HOOKS, EmulatorHooks, Ports } from '../ports';

let cached: Ports | undefined;

/** The one place that chooses production or local implementations of the ports. */
export function ports(): Ports {
  if (!cached) {
    const hooks = (globalThis as Record<symbol, unknown>)[EMULATOR_HOOKS] as EmulatorHooks | undefined;
    cached = hooks ? localPorts(hooks) : wxPorts();
  }
  return cached;
}
