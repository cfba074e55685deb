/**
 * One user action at a time. `run(action, onFailure)` sets `busy` while the action runs (buttons
 * bind `loading="{{busy}}"`, and a second tap meanwhile is ignored) and turns a failure into the
 * backend's Chinese message: into a data field (cleared when the action starts), to a handler, or
 * by default in a toast. Every page has it through definePage(); a form component mixes it in.
 */
import { codeOf, messageOf } from '../services/cloud';
import { UNBOUND } from '../services/org';
import { forgetMe } from '../stores/me';
import { toast } from '../utils/platform';

/** Where a failed action's message goes: the name of a data field, or a handler. */
export type OnFailure = string | ((message: string, code: string | undefined) => void);

export const busyBehavior = Behavior({
  data: { busy: false },
  methods: {
    /** Runs `action` unless one is running; resolves true when it succeeded. */
    async run(action: () => Promise<unknown>, onFailure?: OnFailure): Promise<boolean> {
      if (this.data.busy) return false;
      const field = typeof onFailure === 'string' ? { [onFailure]: '' } : {};
      this.setData({ busy: true, ...field });
      try {
        await action();
        return true;
      } catch (err) {
        const code = codeOf(err);
        if (code === UNBOUND) forgetMe();
        const message = messageOf(err);
        if (typeof onFailure === 'string') this.setData({ [onFailure]: message });
        else if (onFailure) onFailure(message, code);
        else toast(message);
        return false;
      } finally {
        this.setData({ busy: false });
      }
    },
  },
});
