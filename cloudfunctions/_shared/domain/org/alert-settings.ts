import type { SettingSpec } from '../shared/setting-spec';

/**
 * Branch settings of alerts sent by the scheduler (TD-22…24, FORT-22, DIS-07, FEE-23), merged into the one registry of domain/org/settings.ts.
 * Key: the catalogue's name (`td.batches`); a dotted key is stored nested under `org.settings`.
 */
export const ALERT_SETTINGS = {
  'td.excusedBreaksStreak': {
    type: 'boolean',
    ruleId: 'TD-24',
    label: '请假缺席主题党日时，连续未参加的次数重新计算',
    by: 'branch',
    default: false,
  },
  'td.absenceYear': {
    type: 'enum',
    values: ['calendar', 'rolling12'],
    valueLabels: { calendar: '按自然年（1月至12月）', rolling12: '按最近12个月' },
    ruleId: 'TD-24',
    label: '统计未参加主题党日次数的年度',
    by: 'branch',
    default: 'calendar',
  },
  'fort.inactiveDays': {
    type: 'int',
    min: 15,
    max: 90,
    unit: '天',
    ruleId: 'FORT-22',
    label: '多少天没有组织生活记录即提醒上级',
    by: 'superior',
    default: 30,
  },
} satisfies Record<string, SettingSpec>;
