import type { Backend } from './backend';

/**
 * The 换届选举请示 an election meeting needs [ORG-20]: the branch's secretary files it, the
 * superior approves it. demo-branch's term ends 2027-06-01 (termStart 2024-06-01, 3 years).
 */
export async function approvedElection(
  b: Backend,
  opts: {
    orgId?: string;
    by?: string;
    superior?: string;
    plannedDate?: string;
    seats?: number;
  } = {},
): Promise<string> {
  const request = await b.ok(
    'org',
    'requestElection',
    {
      orgId: opts.orgId ?? 'demo-branch',
      plannedDate: opts.plannedDate ?? '2027-06-01',
      seats: opts.seats ?? 5,
      reason: '本届支部委员会任期将满，申请按期换届',
    },
    opts.by ?? 'demo-secretary',
  );
  await b.ok(
    'org',
    'decideElection',
    { id: request.id, approve: true, note: '同意按期换届' },
    opts.superior ?? 'demo-superior',
  );
  return request.id;
}

const PRESENT = [
  'demo-secretary',
  'demo-organizer',
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((i) => `demo-member-${i}`),
  'demo-elder',
];

/** A 党员大会 of demo-branch on `day` with 11 of its 13 正式党员 signed in. */
export async function electionAssembly(b: Backend, day = '2026-12-04'): Promise<string> {
  const at = (iso: string) => b.emulator.clock.freeze(Date.parse(iso));
  const [ORG, SEC] = ['demo-branch', 'demo-secretary'];
  at(`${day}T06:30:00Z`);
  const { id } = await b.ok(
    'activity',
    'create',
    {
      orgId: ORG,
      type: 'branchAssembly',
      title: '换届选举党员大会',
      startAt: `${day}T15:00:00+08:00`,
      endAt: `${day}T17:00:00+08:00`,
    },
    SEC,
  );
  at(`${day}T07:00:00Z`);
  const { token } = await b.ok('activity', 'checkinToken', { activityId: id }, SEC);
  for (const m of PRESENT) await b.ok('activity', 'checkin', { token }, m);
  return id;
}
/** 李红, 张伟 and 陈明 elected; 刘洋 not. */
export const ballot = (activityId: string) => ({
  activityId,
  office: '支部委员会委员',
  seats: 3,
  candidates: [
    { name: '李红', votes: 10 },
    { name: '张伟', votes: 9 },
    { name: '陈明', votes: 8 },
    { name: '刘洋', votes: 3 },
  ],
  ballotsIssued: 11,
  ballotsReturned: 11,
});
