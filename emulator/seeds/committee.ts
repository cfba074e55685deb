import type { MemberDoc } from '../../cloudfunctions/_shared/repos/members';
import type { Doc } from '../store';
import { branchDues, branchFiveStandards, branchNotices } from './committee-dues';
import { branchMembers, committeeOrgs } from './committee-members';
import { CommitteePlan, committeePlan, CommitteeSize } from './committee-plan';
import { rng } from './committee-random';
import { branchRecords } from './committee-records';
import type { SeedData } from './index';

export { committeePlan } from './committee-plan';
export type { BranchPlan, CommitteePlan, CommitteeSize } from './committee-plan';

/**
 * The seeds `committee` (12 generated branches of 16–24 members) and `committee-large` (100 × 50
 * = 5,000 members): the demo seed untouched, plus generated branches under `demo-committee` (some
 * under the two 党总支), each with a year of records up to the seed's instant built from `now`
 * alone and a seeded PRNG, and the deliberate gaps of `committeePlan` (committee-plan.ts).
 * Returns the plan it followed.
 */
export function seedCommittee(
  data: SeedData,
  now: Date,
  size: CommitteeSize,
  members: MemberDoc[],
): CommitteePlan {
  const plan = committeePlan(size, now);
  data.orgs.push(...(committeeOrgs(plan, now) as unknown as Doc[]));
  const push = (name: string, docs: readonly object[]) => {
    const target = data[name];
    for (const d of docs) target.push(d as Doc);
  };
  plan.branches.forEach((b, i) => {
    const k = i + 1;
    const r = rng(`${size}:${plan.now}:${b.orgId}`);
    const roster = branchMembers(b, now, r);
    const recorder = b.hasCommittee ? roster[1] : roster[0];
    const dues = branchDues(plan, b, k, roster, recorder._id, r);
    const records = branchRecords(plan, b, k, roster, dues.paidInFull, r);
    const notices = branchNotices(plan, b, roster[0]._id, r);
    const five = branchFiveStandards(b, now);
    members.push(...roster);
    push('duesBases', dues.bases);
    push('duesPayments', dues.payments);
    push('activities', records.activities);
    push('attendance', records.attendance);
    push('leaveRequests', records.leaves);
    push('notices', notices.notices);
    push('noticeVersions', notices.versions);
    if (five) push('fiveStandards', [five]);
  });
  return plan;
}
