/**
 * The committee's 民主评议党员 page [APR-02, APR-06, APR-08, APR-20]: who takes part and how far
 * each one's 个人自评 and 互评 are (in words and marks), the 测评 boxes, and which hand step is
 * next. Everything is `get`'s `democratic` part; the page only words it.
 */
import type { CampaignOut } from '../../../services/appraisal';

type Democratic = NonNullable<CampaignOut['democratic']>;

export function participantViews(d: Democratic) {
  return d.participants.map((p) => ({
    id: p.memberId,
    name: p.name,
    tag: p.status === 'probationary' ? '预备党员' : p.mobile ? '流动党员' : '',
    imported: p.imported ? '已采用流入地的评议结果' : '',
    self: p.selfDone ? '✓ 自评已交' : '○ 自评未交',
    selfDone: p.selfDone,
    mutual: p.mutualDone ? '✓ 互评已录入' : '○ 互评未录入',
    mutualDone: p.mutualDone,
  }));
}

export type ParticipantView = ReturnType<typeof participantViews>[number];

const BOX_STATUS: Record<Democratic['boxes'][number]['status'], string> = {
  open: '正在投票',
  closed: '已结束',
  void: '已作废',
};

export function boxViews(d: Democratic) {
  return d.boxes.map((b) => ({
    id: b.ballotId,
    title: `${b.groupName ?? '全体党员'}（${b.mode === 'app' ? '手机投票' : '纸质票'}）`,
    state: BOX_STATUS[b.status],
    detail: `测评${b.subjects}名正式党员，“优秀”每张票最多${b.maxBest}人`,
    group: b.group,
    open: b.status === 'open',
    paper: b.mode === 'paper' && b.status === 'open',
  }));
}

export type BoxView = ReturnType<typeof boxViews>[number];

export function progressText(d: Democratic): string {
  const all = d.participants.length;
  const self = d.participants.filter((p) => p.selfDone).length;
  const mutual = d.participants.filter((p) => p.mutualDone).length;
  return `参加评议${all}人：个人自评已交${self}人，互评已录入${mutual}人`;
}

/** The hand step offered now (学习, or closing 自评 / 互评 when someone cannot take part). */
export function handStep(c: Pick<CampaignOut, 'step' | 'can'>) {
  if (!c.can.includes('completeStep')) return null;
  if (c.step === 'study')
    return { step: 'study' as const, button: '学习已完成', ask: '写明学习了什么、在哪次会上学习' };
  if (c.step === 'selfEvaluation')
    return {
      step: 'selfEvaluation' as const,
      button: '结束个人自评',
      ask: '还有同志没有交自评时，写明原因',
    };
  if (c.step === 'mutualEvaluation')
    return {
      step: 'mutualEvaluation' as const,
      button: '结束党员互评',
      ask: '还有同志的互评没有录入时，写明原因',
    };
  return null;
}

/** Paper entry rows: 发出, 收回, and each 正式党员 graded here × each grade. */
export function tallyRows(d: Democratic, group: string | null) {
  const subjects = d.participants.filter(
    (p) => p.status !== 'probationary' && !p.imported && (group === null || p.group === group),
  );
  return [
    { key: 'issued', label: '发出票数', cls: 'issued' },
    { key: 'returned', label: '收回票数', cls: 'returned' },
    ...subjects.flatMap((s) =>
      d.grades.map((g) => ({
        key: `${s.memberId}:${g.key}`,
        label: `${s.name} · ${g.label}`,
        cls: `${s.memberId}--${g.key}`,
      })),
    ),
  ];
}
