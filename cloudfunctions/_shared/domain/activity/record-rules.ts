import type { ActivityType, DecisionType, RecordItem } from '../../contracts/activity';
import type { Profile } from '../org/model';
import type { CheckState } from '../media/model';
import { Alert, fail, ok, Result } from '../shared/result';
import { RETIRED_TEMPLATE, themeDayAgenda } from './schedule';
import { ASSEMBLY_ONLY } from './decisions';

/**
 * The rules of a 纪实 record beyond the common fields (MTG-10): what only the assembly decides,
 * the assembly's count and tallies, the committee's division of labour, important matters, the
 * theme-day template, evidence. Pure: every fact is a parameter.
 */

export const DECISION_LABELS: Record<DecisionType, string> = {
  admitProbationary: '接收预备党员',
  fullMembership: '预备党员转正',
  extendProbation: '延长预备期',
  cancelProbation: '取消预备党员资格',
  election: '选举',
  delegateNomination: '推荐代表候选人',
  commendation: '表彰',
  disposal: '处置不合格党员',
  discipline: '纪律处分',
  acceptCommitteeReport: '审议支委会工作报告',
  majorMatter: '“三重一大”事项',
  other: '其他事项',
};

/** An important matter, reported to the superior promptly [MTG-23]. */
export const isImportant = (i: RecordItem): boolean =>
  !!i.major || (!!i.decision && i.decision !== 'other');

/** The assembly's attendance count and validity statement, before any vote [MTG-11, VOTE-05]. */
export function assemblyStatement(eligible: number, present: number) {
  const valid = 2 * present > eligible;
  return {
    expected: eligible,
    attended: present,
    valid,
    statement: `应到会有表决权的党员${eligible}名，实到${present}名，${
      valid ? '超过半数，会议有效' : '未超过半数，不能进行表决'
    }`,
  };
}

/**
 * The refusals of a record's items: a 支委会 never records what only the assembly decides
 * [MTG-26]; an assembly decision carries its resolution and tally, and the tally never exceeds
 * the voting members present [MTG-11].
 */
export function checkRecordItems(
  type: ActivityType,
  items: readonly RecordItem[],
  assembly: { eligiblePresent: number } | null,
): Result<true> {
  for (const i of items) {
    if (type !== 'branchAssembly' && i.decision && ASSEMBLY_ONLY.includes(i.decision))
      return fail(
        'RECORD.ASSEMBLY_ONLY',
        `“${DECISION_LABELS[i.decision]}”须由支部党员大会讨论决定，${
          type === 'committeeMeeting' ? '支委会' : '本次会议'
        }不能作出这项决定`,
        'MTG-26',
        { item: i.title },
      );
    if (type === 'branchAssembly' && i.decision) {
      if (!i.resolution || !i.tally)
        return fail(
          'RECORD.INCOMPLETE',
          `议题“${i.title}”须写明决议内容和表决结果（赞成、反对、弃权各多少票）`,
          'MTG-11',
          { item: i.title },
        );
      const cast = i.tally.yes + i.tally.no + i.tally.abstain;
      if (assembly && cast > assembly.eligiblePresent)
        return fail(
          'RECORD.INCOMPLETE',
          `议题“${i.title}”的票数${cast}票，多于到会有表决权的党员${assembly.eligiblePresent}名，请核对`,
          'MTG-11',
          { item: i.title },
        );
    }
  }
  return ok(true);
}

export interface RecordFacts {
  type: ActivityType;
  profile: Profile;
  /** The branch's theme-day template (`td.template`): the profile's, or the 离退休 one [TD-13]. */
  template?: 'profile' | 'retired';
  items: readonly RecordItem[];
  itemsDone: readonly string[];
  /** Committee members of the branch (ids) [MTG-12]. */
  committee: ReadonlySet<string>;
  /** The linked committee meetings that exist, were held by this branch, and came earlier [MTG-25]. */
  priorCommittee: ReadonlySet<string>;
  archiving: boolean;
  reportWithinDays: number;
}

/** The required items of the branch's template not done [TD-17, TD-13]. */
export const missingTemplateItems = (
  profile: Profile,
  done: readonly string[],
  template: 'profile' | 'retired' = 'profile',
): string[] =>
  (template === 'retired' ? RETIRED_TEMPLATE : themeDayAgenda(profile)).filter(
    (x) => !done.includes(x),
  );

/** The soft alerts of a record: the record is saved whatever they say [MTG-12, MTG-25, TD-17, MTG-23]. */
export function recordAlerts(f: RecordFacts): Alert[] {
  const alerts: Alert[] = [];
  if (f.type === 'committeeMeeting') {
    const unowned = f.items.filter(
      (i) => i.resolution && (!i.responsibleId || !f.committee.has(i.responsibleId)),
    );
    if (unowned.length)
      alerts.push({
        ruleId: 'MTG-12',
        level: 'warning',
        message: `支委会决议须明确分工，以下事项尚未落实到支委：${unowned.map((i) => i.title).join('、')}`,
      });
  }
  if (f.type === 'branchAssembly') {
    const undiscussed = f.items.filter(
      (i) =>
        (i.major || i.decision === 'majorMatter') &&
        (!i.committeeMeetingId || !f.priorCommittee.has(i.committeeMeetingId)),
    );
    if (undiscussed.length)
      alerts.push({
        ruleId: 'MTG-25',
        level: 'warning',
        message: `重要事项应先经支委会研究，再提交党员大会：${undiscussed.map((i) => i.title).join('、')}未关联之前的支委会`,
      });
  }
  if (f.archiving && f.type === 'themeDay') {
    const missing = missingTemplateItems(f.profile, f.itemsDone, f.template);
    if (missing.length)
      alerts.push({
        ruleId: 'TD-17',
        level: 'warning',
        message: `主题党日规定内容未完成：${missing.join('、')}。纪实已保存`,
      });
  }
  if (f.archiving && f.items.some(isImportant))
    alerts.push({
      ruleId: 'MTG-23',
      level: 'info',
      message: `本次会议有重要事项决议，请在${f.reportWithinDays}天内报上级党组织`,
    });
  return alerts;
}

/** Evidence is optional unless the superior asks for a minimum [PRIV-12, MTG-21]. */
export function checkEvidence(attachments: number, min: number): Result<true> {
  if (attachments >= min) return ok(true);
  return fail(
    'RECORD.EVIDENCE_REQUIRED',
    `上级党组织要求每次活动至少上传${min}份照片或资料，现在有${attachments}份`,
    'MTG-21',
  );
}

/** The 纪实's evidence as the half-year report shows it [MTG-10]. */
export interface RecordEvidence {
  level: 'media' | 'text' | 'none';
  /** Files that passed the content check, or need none (video, documents). */
  files: number;
  /** Files still being checked (pending or under review): they count once passed. */
  checking: number;
}

/**
 * "全程记实" (seed 000): a record with at least one attached file that passed the content check,
 * or needs none, is complete evidence (`media`); a record without one is `text`; no record is
 * `none`. A file held back (risky), removed or unknown counts nowhere [MTG-10, MTG-21].
 */
export function recordEvidence(
  record: { minutes: string; attachments: readonly string[] } | null | undefined,
  checkOf: (fileId: string) => CheckState | undefined,
): RecordEvidence {
  if (!record) return { level: 'none', files: 0, checking: 0 };
  let files = 0;
  let checking = 0;
  for (const f of new Set(record.attachments)) {
    const c = checkOf(f);
    if (c === 'pass' || c === 'none') files += 1;
    else if (c === 'pending' || c === 'review') checking += 1;
  }
  return { level: files > 0 ? 'media' : 'text', files, checking };
}

const LIAISON_WORDS: [RegExp, string][] = [
  [/发展党员|接收预备党员|转正|入党/, '发展党员'],
  [/选举|换届|补选/, '党内选举'],
  [/组织生活会/, '组织生活会'],
  [/民主评议/, '民主评议'],
  [/不合格党员|组织处置/, '处置不合格党员'],
];

/**
 * The topics of an agenda the superior liaison is told of at scheduling time, so it can send
 * someone (视情派人列席) [MTG-24].
 */
export function liaisonTopicsOf(type: ActivityType, title: string, agenda: readonly string[]) {
  const text = [title, ...agenda].join(' ');
  const topics = LIAISON_WORDS.filter(([re]) => re.test(text)).map(([, t]) => t);
  if (type === 'orgLifeMeeting' && !topics.includes('组织生活会')) topics.push('组织生活会');
  if (type === 'democraticAppraisal' && !topics.includes('民主评议')) topics.push('民主评议');
  return topics;
}

/**
 * Who may host [MTG-15]: the 书记 hosts the 党员大会 and the 支委会; another 支委 only by recorded
 * delegation (a reason). The 党小组会 is the group leader's (soft, MTG-14).
 */
export function checkHost(
  type: ActivityType,
  host: { isSecretary: boolean; onCommittee: boolean },
  delegationReason: string | undefined,
): Result<true> {
  if (type !== 'branchAssembly' && type !== 'committeeMeeting') return ok(true);
  if (host.isSecretary) return ok(true);
  if (!host.onCommittee)
    return fail(
      'ACTIVITY.HOST_NOT_ALLOWED',
      '党员大会和支委会由书记主持；书记不能到会时，只能委托副书记或支委主持',
      'MTG-15',
    );
  if (!delegationReason)
    return fail(
      'ACTIVITY.HOST_NOT_ALLOWED',
      '由副书记或支委主持时，请写明书记委托的原因',
      'MTG-15',
      { fields: ['delegationReason'] },
    );
  return ok(true);
}

/** The 党小组会's soft checks: the topic agreed with the 书记 or a 支委, notice given in advance [MTG-14]. */
export function groupMeetingAlerts(f: {
  topicAgreedWithCommittee: boolean;
  noticeHours: number;
}): Alert[] {
  const alerts: Alert[] = [];
  if (!f.topicAgreedWithCommittee)
    alerts.push({
      ruleId: 'MTG-14',
      level: 'warning',
      message: '党小组会的议题应先与书记或支委商定，请注明与谁商定',
    });
  if (f.noticeHours < 24)
    alerts.push({
      ruleId: 'MTG-14',
      level: 'info',
      message: '党小组会的主题、时间和地点应提前通知党员，距开会已不足一天',
    });
  return alerts;
}
