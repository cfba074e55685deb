import type { SettingSpec } from '../shared/setting-spec';
import type { OrgTraits } from '../shared/setting-spec';

/** 党课 frequency by profile and sector [MTG-04, MTG-05]. */
const lectureDefault = (o: OrgTraits) =>
  o.profile === 'hunan'
    ? 'halfYearly'
    : o.profile === 'xianning' && (o.category === 'organ' || o.category === 'institution')
      ? 'monthly'
      : 'quarterly';

const FREQ_LABELS = { monthly: '每月', quarterly: '每季度', halfYearly: '每半年' } as const;

/**
 * Branch settings of 三会一课 and records (MTG), merged into the one registry of domain/org/settings.ts.
 * Key: the catalogue's name (`td.batches`); a dotted key is stored nested under `org.settings`.
 */
export const ACTIVITY_MTG_SETTINGS = {
  'mtg.finaliseWithinDays': {
    type: 'int',
    min: 1,
    max: 15,
    unit: '天',
    ruleId: 'MTG-19',
    label: '活动结束后几天内完成纪实归档',
    by: 'superior',
    default: 3,
  },
  'mtg.group': {
    type: 'enum',
    values: ['monthly', 'quarterly'],
    valueLabels: FREQ_LABELS,
    ruleId: 'MTG-03',
    label: '党小组会召开频次',
    by: 'superior',
    default: 'monthly',
  },
  'mtg.lecture': {
    type: 'enum',
    values: ['monthly', 'quarterly', 'halfYearly'],
    valueLabels: FREQ_LABELS,
    ruleId: 'MTG-04',
    label: '党课召开频次',
    by: 'superior',
    default: lectureDefault,
  },
  'mtg.julyFirstLecture': {
    type: 'boolean',
    ruleId: 'MTG-06',
    label: '七一前后（6月15日至7月15日）讲一次党课',
    by: 'branch',
    default: true,
  },
  'mtg.reportImportantWithinDays': {
    type: 'int',
    min: 1,
    max: 30,
    unit: '天',
    ruleId: 'MTG-23',
    label: '重要事项决议几天内报上级党组织',
    by: 'superior',
    default: 7,
  },
  'mtg.minEvidence': {
    type: 'int',
    min: 0,
    max: 5,
    unit: '份',
    ruleId: 'MTG-21',
    label: '每次活动至少上传的照片或资料份数',
    by: 'superior',
    default: 0,
  },
} satisfies Record<string, SettingSpec>;
