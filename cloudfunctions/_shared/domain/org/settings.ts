import type { Default, OrgTraits, SettingSpec } from '../shared/setting-spec';
import { ACTIVITY_TD_SETTINGS } from '../activity/td-settings';
import { ACTIVITY_MTG_SETTINGS } from '../activity/mtg-settings';
import { VOTE_SETTINGS } from '../activity/vote-settings';
import { ALERT_SETTINGS } from './alert-settings';
import { POINTS_SETTINGS } from '../points/settings';
import { NOTICE_SETTINGS } from '../notice/settings';
import { DUES_SETTINGS } from '../dues/settings';
import { APPRAISAL_SETTINGS } from '../appraisal/settings';
import { DEMOCRATIC_SETTINGS } from '../appraisal/democratic-model';

export type { OrgTraits, SettingSpec } from '../shared/setting-spec';

/**
 * The branch settings of the rules catalogue ("config" rows, and the overridable "default" rows):
 * one registry, so every setting has its rule, its Chinese name, its limits and its default in one
 * place, `org.settings` lists them for pages, and `org.setSetting` changes one with the reason
 * stored in the audit log ("each override is stored with who, when and why", rules.md).
 *
 * A key is stored at `org.settings.<key>`; a dotted key nests (`settings.td.excusedBreaksStreak`).
 * Unset means the default, which may depend on the org's kind, sector and profile.
 */
const communityLike = (o: OrgTraits) => o.category === 'village' || o.category === 'community';

export const SETTINGS = {
  pointsEnabled: {
    type: 'boolean',
    ruleId: 'PTS-01',
    label: '党员积分管理',
    by: 'branch',
    default: communityLike,
  },
  membersSeeRanking: {
    type: 'boolean',
    ruleId: 'PTS-22',
    label: '党员可以看到积分排名',
    by: 'branch',
    default: false,
  },
  'org.vacancyAlertDays': {
    type: 'int',
    min: 1,
    max: 365,
    unit: '天',
    ruleId: 'ORG-16',
    label: '支委空缺多少天后提醒尽快补选',
    by: 'branch',
    default: 90,
  },
  'org.generalBranchSizeApproved': {
    type: 'boolean',
    ruleId: 'ORG-05',
    label: '上级已批准党员人数不足50名的党总支',
    by: 'superior',
    default: false,
  },
  'org.committeeSizeApproved': {
    type: 'boolean',
    ruleId: 'ORG-06',
    label: '上级已批准党员人数不足100名的基层党委',
    by: 'superior',
    default: false,
  },
  'org.delegateCongress': {
    type: 'boolean',
    ruleId: 'ORG-07',
    label: '经上级批准，换届选举召开党员代表大会',
    by: 'superior',
    default: false,
  },
  'org.spotCheckLevel': {
    type: 'enum',
    values: ['baseCommittee', 'county', 'city'],
    valueLabels: {
      baseCommittee: '基层党委：每季度至少抽查1个支部，一年内每个支部都抽查到',
      county: '县级党委：每年至少抽查10%的支部',
      city: '市级或行业党委：每年至少抽查2%的支部',
    },
    ruleId: 'MTG-37',
    label: '抽查各支部时按哪一级党委的要求',
    by: 'superior',
    default: 'baseCommittee',
  },
  ...ACTIVITY_TD_SETTINGS,
  ...ACTIVITY_MTG_SETTINGS,
  ...VOTE_SETTINGS,
  ...ALERT_SETTINGS,
  ...POINTS_SETTINGS,
  ...NOTICE_SETTINGS,
  ...DUES_SETTINGS,
  ...APPRAISAL_SETTINGS,
  ...DEMOCRATIC_SETTINGS,
} satisfies Record<string, SettingSpec>;

export type SettingKey = keyof typeof SETTINGS;
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

type ValueOfSpec<S> = S extends { type: 'boolean' }
  ? boolean
  : S extends { type: 'int' }
    ? number
    : string;
export type SettingValue<K extends SettingKey> = ValueOfSpec<(typeof SETTINGS)[K]>;

export interface Configurable extends OrgTraits {
  settings?: Record<string, unknown>;
}

const specOf = (key: SettingKey): SettingSpec => SETTINGS[key] as SettingSpec;

/** The stored value at a (possibly dotted) key, or undefined. */
export function storedSetting(org: Configurable, key: string): unknown {
  let v: unknown = org.settings;
  for (const part of key.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

export function defaultSetting<K extends SettingKey>(org: OrgTraits, key: K): SettingValue<K> {
  const d = specOf(key).default as Default<unknown>;
  return (typeof d === 'function' ? d(org) : d) as SettingValue<K>;
}

/** The value in force: the branch's own, where it set one that is still valid, else the default. */
export function settingOf<K extends SettingKey>(org: Configurable, key: K): SettingValue<K> {
  const v = storedSetting(org, key);
  return v !== undefined && checkSetting(key, v) === null
    ? (v as SettingValue<K>)
    : defaultSetting(org, key);
}

export const isSettingKey = (key: string): key is SettingKey =>
  Object.prototype.hasOwnProperty.call(SETTINGS, key);

/** Why a value is not allowed for the setting (Chinese), or null when it is. */
export function checkSetting(key: SettingKey, value: unknown): string | null {
  const s = specOf(key);
  if (s.type === 'boolean') return typeof value === 'boolean' ? null : `请选择开启或关闭`;
  if (s.type === 'int')
    return Number.isInteger(value) && (value as number) >= s.min && (value as number) <= s.max
      ? null
      : `请填写${s.min}到${s.max}之间的整数${s.unit ?? ''}`;
  return typeof value === 'string' && s.values.includes(value)
    ? null
    : `请从${s.values.map((v) => s.valueLabels[v] ?? v).join('、')}中选择`;
}

export interface SettingRow {
  key: SettingKey;
  label: string;
  ruleId: string;
  by: 'branch' | 'superior';
  type: SettingSpec['type'];
  value: unknown;
  default: unknown;
  isDefault: boolean;
  min?: number;
  max?: number;
  unit?: string;
  values?: { value: string; label: string }[];
}

/** Every setting of an org with its value in force, for the settings page. */
export function settingRows(org: Configurable): SettingRow[] {
  return SETTING_KEYS.map((key) => {
    const s = specOf(key);
    const value = settingOf(org, key);
    const def = defaultSetting(org, key);
    return {
      key,
      label: s.label,
      ruleId: s.ruleId,
      by: s.by,
      type: s.type,
      value,
      default: def,
      isDefault: storedSetting(org, key) === undefined,
      ...(s.type === 'int' ? { min: s.min, max: s.max, ...(s.unit ? { unit: s.unit } : {}) } : {}),
      ...(s.type === 'enum'
        ? { values: s.values.map((v) => ({ value: v, label: s.valueLabels[v] ?? v })) }
        : {}),
    };
  });
}
