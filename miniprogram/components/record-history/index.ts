/**
 * 纪实 of a finished activity, read-only: the minutes, resolutions and summary of the archived
 * original and of each correction appended after it, with who, when and why [MTG-20].
 * Used by the activity page (members) and the host page (above the correction form).
 */
import type { ActivityDetail } from '../../services/types';
import { toHistoryView } from './view';

Component({
  options: { addGlobalClass: true },
  properties: {
    record: { type: Object, optionalTypes: [null], value: null },
  },
  data: { versions: [] as ReturnType<typeof toHistoryView> },
  observers: {
    record(record: ActivityDetail['record']) {
      this.setData({ versions: toHistoryView(record) });
    },
  },
});
