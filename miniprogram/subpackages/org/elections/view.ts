/** View helpers of 换届: each 请示 with its step in words, and the new committee being picked. */
import type { ElectionRow, ElectionStep } from '../../../services/oversight';
import type { ActionInput, MemberListItem, RoleKey } from '../../../services/types';
import { committeePosts, roleLabels } from '../../../utils/member-view';

/** The posts of a branch committee (支部委员会) the election fills, with their titles. */
export const COMMITTEE_ROLES = committeePosts.map((role) => ({ role, text: roleLabels[role] }));
export type CommitteeRole = Extract<
  RoleKey,
  ActionInput<'org', 'recordCommittee'>['committee'][number]['role']
>;

const STEPS = ['提交请示', '上级批复', '召开选举大会', '登记新一届支委'];

/** How far each step has got: the index of the step now being worked on (4 = all done). */
const REACHED: Record<ElectionStep, number> = {
  requested: 1,
  approved: 2,
  rejected: 1,
  elected: 3,
  recorded: 4,
};

const NEXT: Record<ElectionStep, string> = {
  requested: '已提交请示，等待上级党组织批复',
  approved: '上级党组织已同意，支部可以召开党员大会进行选举',
  rejected: '上级党组织已退回，请按意见修改后重新提交',
  elected: '选举大会已开过，等待上级党组织登记新一届支委',
  recorded: '新一届支委已登记，任期从选举之日起重新计算',
};

/** 2027-01-10 → 2027年1月10日. */
export function dateText(date: string | null): string {
  if (!date) return '';
  const [y, m, d] = date.slice(0, 10).split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** An id as a class name (ids may hold `:`), for finding a row. */
export const classKey = (id: string) => id.replace(/[^\w-]/g, '-');

export interface ElectionView {
  id: string;
  key: string;
  orgId: string;
  orgName: string;
  stepText: string;
  electedOn: string | null;
  tone: 'ok' | 'bad' | 'wait';
  next: string;
  track: { key: number; text: string; done: boolean; now: boolean }[];
  lines: string[];
  note: string;
  open: boolean;
  mayDecide: boolean;
  mayRecord: boolean;
  /** Approved but no election recorded yet: why the committee cannot be entered. */
  waitElection: boolean;
}

export function electionView(
  r: ElectionRow,
  mayAdminister: (orgId: string) => boolean,
): ElectionView {
  const reached = REACHED[r.step] ?? 0;
  const admin = mayAdminister(r.orgId);
  return {
    id: r.id,
    key: classKey(r.id),
    orgId: r.orgId,
    orgName: r.orgName,
    stepText: r.stepLabel,
    electedOn: r.electedOn,
    tone: r.step === 'recorded' ? 'ok' : r.step === 'rejected' ? 'bad' : 'wait',
    next: NEXT[r.step] ?? '',
    track: STEPS.map((text, i) => ({
      key: i,
      text: `${i < reached ? '✓' : i === reached ? '→' : '○'} ${i + 1}. ${text}`,
      done: i < reached,
      now: i === reached && r.step !== 'rejected',
    })),
    lines: [
      `计划选举日期：${dateText(r.plannedDate)}`,
      `应选支委：${r.seats}名`,
      r.termEnd ? `本届任期到：${dateText(r.termEnd)}` : '',
      `请示内容：${r.reason}`,
      `${dateText(r.requestedOn)}提交${r.decidedOn ? `，${dateText(r.decidedOn)}批复` : ''}`,
      r.electedOn ? `${dateText(r.electedOn)}选举` : '',
    ].filter(Boolean),
    note: r.note ? `上级意见：${r.note}` : '',
    open: ['requested', 'approved', 'elected'].includes(r.step),
    mayDecide: admin && r.step === 'requested',
    mayRecord: admin && ['approved', 'elected'].includes(r.step) && !!r.electionActivityId,
    waitElection: admin && r.step === 'approved' && !r.electionActivityId,
  };
}

export interface PickRow {
  id: string;
  name: string;
  statusText: string;
  role: CommitteeRole | '';
  roleText: string;
}

/** The branch's full members (only they may be elected) with the post picked for each. */
export function pickRows(
  members: MemberListItem[],
  picks: Record<string, CommitteeRole | ''>,
): PickRow[] {
  return members
    .filter((m) => m.status === 'full')
    .map((m) => {
      const role = picks[m.id] ?? '';
      const text = COMMITTEE_ROLES.find((r) => r.role === role)?.text ?? '';
      return {
        id: m.id,
        name: m.name,
        statusText: '正式党员',
        role,
        roleText: role ? `✓ ${text}` : '不任职',
      };
    });
}

/** The committee to send: the members with a post, in the posts' order. */
export function committeeOf(picks: Record<string, CommitteeRole | ''>) {
  const order = COMMITTEE_ROLES.map((r) => r.role as string);
  return Object.entries(picks)
    .filter((e): e is [string, CommitteeRole] => !!e[1])
    .map(([memberId, role]) => ({ memberId, role }))
    .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
}
