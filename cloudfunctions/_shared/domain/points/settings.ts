import type { SettingSpec } from '../shared/setting-spec';

/**
 * Branch settings of points and the 堡垒指数 (PTS, FORT), merged into the one registry of domain/org/settings.ts.
 * Key: the catalogue's name (`td.batches`); a dotted key is stored nested under `org.settings`.
 */
export const POINTS_SETTINGS = {
  'pts.standardDueDay': {
    type: 'int',
    min: 1,
    max: 90,
    unit: '天',
    ruleId: 'PTS-10',
    label: '每年1月1日起几天内公布本年度积分标准',
    by: 'branch',
    default: 31,
  },
  'fort.gradeAdvice': {
    type: 'boolean',
    ruleId: 'FORT-21',
    label: '堡垒指数按星级给出评定等次的参考意见（由上级党组织决定）',
    by: 'superior',
    default: true,
  },
} satisfies Record<string, SettingSpec>;
