import type { SettingSpec } from '../shared/setting-spec';

/**
 * Branch settings of 党费 (FEE), merged into the one registry of domain/org/settings.ts.
 * Key: the catalogue's name (`td.batches`); a dotted key is stored nested under `org.settings`.
 */
export const DUES_SETTINGS = {
  'fee.cycle': {
    type: 'enum',
    values: ['monthly', 'quarterly'],
    valueLabels: { monthly: '按月交纳', quarterly: '按季度交纳（支部同意）' },
    ruleId: 'FEE-22',
    label: '党费交纳周期',
    by: 'branch',
    default: 'monthly',
  },
  'fee.deductSocialInsurance': {
    type: 'boolean',
    ruleId: 'FEE-04',
    label: '计算党费基数时扣除本人缴纳的社会保险费和住房公积金',
    by: 'branch',
    default: false,
  },
  'fee.assessmentDue': {
    type: 'int',
    min: 1,
    max: 12,
    unit: '月',
    ruleId: 'FEE-17',
    label: '每年党费核定和报送核算表的截止月份（该月月底前）',
    by: 'branch',
    default: 3,
  },
} satisfies Record<string, SettingSpec>;
