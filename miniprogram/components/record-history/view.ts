/** The 纪实 as a member reads it: the original, then each correction (who, when, why) [MTG-20]. */
import type { ActivityDetail } from '../../services/types';
import { clockText, dayText } from '../../utils/activity-view';

type SavedRecord = NonNullable<ActivityDetail['record']>;
type Version = NonNullable<SavedRecord['history']>['original'];

export interface VersionView {
  key: string;
  title: string;
  byline: string;
  reason: string;
  minutes: string;
  resolutions: string[];
  summary: string;
}

function versionView(v: Version, title: string, key: string, verb: string): VersionView {
  const who = v.by ?? '';
  return {
    key,
    title,
    byline: `${who ? `${who} ` : ''}${dayText(v.at)} ${clockText(v.at)} ${verb}`,
    reason: v.reason ? `更正理由：${v.reason}` : '',
    minutes: v.minutes,
    resolutions: v.resolutions,
    summary: v.summary ?? '',
  };
}

/** Original first, then the corrections in order; nothing when there is no archived record. */
export function toHistoryView(record: SavedRecord | null): VersionView[] {
  if (!record) return [];
  const h = record.history;
  if (!h) {
    return [
      {
        key: 'current',
        title: '会议纪实',
        byline: '',
        reason: '',
        minutes: record.minutes,
        resolutions: record.resolutions,
        summary: record.summary ?? '',
      },
    ];
  }
  const single = h.amendments.length === 0;
  return [
    versionView(h.original, single ? '会议纪实' : '原始记录', 'original', '记录'),
    ...h.amendments.map((a, i) => versionView(a, `第 ${i + 1} 次更正`, `amend-${i}`, '更正')),
  ];
}
