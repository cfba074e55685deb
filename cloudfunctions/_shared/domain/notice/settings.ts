import type { SettingSpec } from '../shared/setting-spec';

/**
 * Branch settings of 党务公开 (DIS), merged into the one registry of domain/org/settings.ts.
 * Key: the catalogue's name (`td.batches`); a dotted key is stored nested under `org.settings`.
 */
export const NOTICE_SETTINGS = {
  'dis.fiveStageTypes': {
    type: 'enum',
    values: ['core', 'decisions'],
    valueLabels: {
      core: '民主议事和“三重一大”事项',
      decisions: '民主议事、“三重一大”以及重大决策、财务收支、一事一议事项',
    },
    ruleId: 'DIS-04',
    label: '须按五个阶段公开的事项',
    by: 'branch',
    default: 'core',
  },
  'dis.devNoticeWorkdays': {
    type: 'int',
    min: 5,
    max: 30,
    unit: '个工作日',
    ruleId: 'DIS-10',
    label: '发展党员公示期',
    by: 'branch',
    default: 5,
  },
  'dis.scope': {
    type: 'enum',
    values: ['branch', 'unit', 'public'],
    valueLabels: { branch: '本支部党员', unit: '本单位', public: '社会公开' },
    ruleId: 'DIS-12',
    label: '党务公开默认的公开范围',
    by: 'branch',
    default: 'branch',
  },
  'dis.postMeetingRecords': {
    type: 'boolean',
    ruleId: 'DIS-16',
    label: '在党务公开栏公开“三会一课”记录',
    by: 'branch',
    default: false,
  },
} satisfies Record<string, SettingSpec>;
