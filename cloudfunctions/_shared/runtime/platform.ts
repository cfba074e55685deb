import { localPorts } from '../adapters/local';
import { wxPorts } from '../adapters/wx';
import { EMULATOR_HOOKS, EmulatorHooks, Ports } from '../ports';

let cached: { hooks: EmulatorHooks | undefined; ports: Ports } | undefined;

/** The one place that chooses production or local implementations of the ports. */
export function ports(): Ports {
  const hooks = (globalThis as Record<symbol, unknown>)[EMULATOR_HOOKS] as
    EmulatorHooks | undefined;
  // Rebuilt when an emulator (re)installs its hooks, e.g. a restart within one test process.
  if (!cached || cached.hooks !== hooks)
    cached = { hooks, ports: hooks ? localPorts(hooks) : wxPorts() };
  return cached.ports;
}
