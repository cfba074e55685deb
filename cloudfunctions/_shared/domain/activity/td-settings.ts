import type { SettingSpec } from '../shared/setting-spec';

/**
 * Branch settings of theme days and sign-in (TD, CHK), merged into the one registry of domain/org/settings.ts.
 * Key: the catalogue's name (`td.batches`); a dotted key is stored nested under `org.settings`.
 */
export const ACTIVITY_TD_SETTINGS = {
  'td.scheduleLockedBySuperior': {
    type: 'boolean',
    ruleId: 'TD-05',
    label: '主题党日固定日期由上级统一安排，支部不能自行更改',
    by: 'superior',
    default: false,
  },
  'td.template': {
    type: 'enum',
    values: ['profile', 'retired'],
    valueLabels: {
      profile: '按本地规范的主题党日内容',
      retired: '离退休支部简化内容（学习讨论、交纳党费）',
    },
    ruleId: 'TD-13',
    label: '主题党日内容模板',
    by: 'branch',
    default: 'profile',
  },
  'td.batches': {
    type: 'int',
    min: 1,
    max: 6,
    unit: '批',
    ruleId: 'TD-12',
    label: '主题党日分几批举行（每名党员参加其中一批）',
    by: 'branch',
    default: 1,
  },
  'td.absenceRemovesHonours': {
    type: 'boolean',
    ruleId: 'TD-26',
    label: '无故缺席主题党日的党员，当年不参加评先评优',
    by: 'branch',
    default: false,
  },
  'chk.inflationSessionPct': {
    type: 'int',
    min: 1,
    max: 100,
    unit: '%',
    ruleId: 'CHK-14',
    label: '一次活动中代签、改签超过到会人数的多少时提醒上级',
    by: 'superior',
    default: 30,
  },
  'chk.inflationQuarterPct': {
    type: 'int',
    min: 1,
    max: 100,
    unit: '%',
    ruleId: 'CHK-14',
    label: '一名管理员一个季度更改考勤超过支部考勤记录的多少时提醒上级',
    by: 'superior',
    default: 20,
  },
  'priv.guestRetentionMonths': {
    type: 'int',
    min: 1,
    max: 36,
    unit: '个月',
    ruleId: 'PRIV-19',
    label: '列席人员姓名保存几个月后删除',
    by: 'superior',
    default: 12,
  },
} satisfies Record<string, SettingSpec>;
