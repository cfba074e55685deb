/**
 * Who must act on a 焦作评组织 now, and what to tell them [FORT-20]: the 基层党委 (its superior
 * administrators) at each step — 集中学习, 工作述职 and 民主测评 to finish, 组织评定, 通报奖惩 —
 * and each branch committee while its 测评 (党员 or 群众代表 box) is still to be held. One
 * reminder per step and recipient, keyed so the scheduler sends each once [PRIV-10]. Pure.
 */
import type { BranchStep } from './branch-grading';

/** What a reminder reads of a box: its status (`open`, `closed`, `void`). */
interface BoxStatus {
  status: string;
}

export interface RemindedBranchAppraisal {
  _id: string;
  step: BranchStep | 'done';
  branches: { orgId: string; name: string }[];
  boxes: Record<string, { assembly?: BoxStatus; masses?: BoxStatus }>;
}

export type BranchReminderTo = { kind: 'superior' } | { kind: 'branch'; orgId: string };

export interface BranchReminder {
  key: string;
  to: BranchReminderTo;
  /** 提醒事项 (at most 20 characters). */
  what: string;
  /** 温馨提示 (at most 20 characters). */
  hint: string;
  ruleId: string;
}

const SUPERIOR: Record<BranchStep, { what: string; hint: string }> = {
  study: { what: '请组织评组织集中学习', hint: '学习完成后在评议页确认' },
  report: { what: '请组织支部书记工作述职', hint: '各支部述职后在评议页确认' },
  ballot: { what: '请完成评组织民主测评', hint: '党员和群众代表测评都要完成' },
  decision: { what: '请进行评组织组织评定', hint: '测评结果只作参考，逐个评定' },
  publish: { what: '请通报评组织结果', hint: '年中备案，年底公示并上报' },
};

/** A box still to be held: none yet, open, or void (to hold again). */
const toHold = (box: BoxStatus | undefined) => box?.status !== 'closed';

export function branchReminders(c: RemindedBranchAppraisal): BranchReminder[] {
  if (c.step === 'done') return [];
  const out: BranchReminder[] = [
    { key: c.step, to: { kind: 'superior' }, ...SUPERIOR[c.step], ruleId: 'FORT-20' },
  ];
  if (c.step === 'ballot')
    for (const { orgId } of [...c.branches].sort((x, y) => x.orgId.localeCompare(y.orgId))) {
      const boxes = c.boxes[orgId] ?? {};
      if (toHold(boxes.assembly) || toHold(boxes.masses))
        out.push({
          key: `box:${orgId}`,
          to: { kind: 'branch', orgId },
          what: '请组织本支部评组织测评',
          hint: '党员和群众代表无记名测评',
          ruleId: 'FORT-20',
        });
    }
  return out;
}
