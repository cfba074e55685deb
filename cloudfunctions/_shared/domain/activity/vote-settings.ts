import type { SettingSpec } from '../shared/setting-spec';

/**
 * Branch settings of votes, 组织生活会 and 谈心谈话 (VOTE, MTG-30…36), merged into the one registry of domain/org/settings.ts.
 * Key: the catalogue's name (`td.batches`); a dotted key is stored nested under `org.settings`.
 */
export const VOTE_SETTINGS = {
  'vote.exclusionsForVotes': {
    type: 'boolean',
    ruleId: 'VOTE-04',
    label: '经批准不列入应到会人数的党员，在一般表决中也不计入',
    by: 'branch',
    default: true,
  },
  'vote.method': {
    type: 'enum',
    values: ['showOfHands', 'secretBallot'],
    valueLabels: { showOfHands: '举手表决', secretBallot: '无记名投票' },
    ruleId: 'VOTE-17',
    label: '一般事项的表决方式',
    by: 'branch',
    default: 'showOfHands',
  },
  'vote.requireDeliberation': {
    type: 'boolean',
    ruleId: 'VOTE-18',
    label: '重大事项决定前须经民主议事',
    by: 'branch',
    default: true,
  },
  'vote.secretaryLast': {
    type: 'boolean',
    ruleId: 'VOTE-19',
    label: '讨论时书记最后表态',
    by: 'branch',
    default: true,
  },
  'talk.perPairCategory': {
    type: 'int',
    min: 1,
    max: 12,
    unit: '次',
    ruleId: 'MTG-32',
    label: '每类谈心谈话每人每年至少几次',
    by: 'branch',
    default: 1,
  },
  'talk.beforeThemeDays': {
    type: 'boolean',
    ruleId: 'MTG-33',
    label: '6月和12月主题党日前，书记与每名支委谈心谈话',
    by: 'branch',
    default: (o) => o.profile === 'xianning',
  },
} satisfies Record<string, SettingSpec>;
