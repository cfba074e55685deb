import type { Backend } from './backend';

/** Meetings, motions and ballots of demo-branch for the vote rule tests. */
export function voteKit(backend: () => Backend) {
  const SEC = 'demo-secretary';
  const ORG = 'demo-branch';
  const at = (iso: string) => backend().emulator.clock.freeze(Date.parse(iso));
  /** demo-branch: 13 正式党员 (E); demo-newcomer is not bound and never signs in. */
  const FULL = [
    'demo-secretary',
    'demo-organizer',
    ...[1, 2, 3, 4, 5, 6, 7, 8].map((i) => `demo-member-${i}`),
    'demo-mobile',
    'demo-elder',
  ];

  async function meeting(
    present: string[],
    extra: { type?: 'branchAssembly' | 'themeDay' | 'committeeMeeting'; agenda?: string[] } = {},
  ): Promise<string> {
    at('2026-12-04T06:30:00Z');
    const { id } = await backend().ok(
      'activity',
      'create',
      {
        orgId: ORG,
        type: extra.type ?? 'branchAssembly',
        title: '党员大会',
        startAt: '2026-12-04T15:00:00+08:00',
        endAt: '2026-12-04T17:00:00+08:00',
        ...(extra.agenda ? { agenda: extra.agenda } : {}),
      },
      SEC,
    );
    at('2026-12-04T07:00:00Z');
    const { token } = await backend().ok('activity', 'checkinToken', { activityId: id }, SEC);
    for (const m of present) await backend().ok('activity', 'checkin', { token }, m);
    return id;
  }
  const setting = (key: string, value: boolean | string | number) =>
    backend().ok(
      'org',
      'setSetting',
      { orgId: ORG, key: key as never, value, reason: '支委会研究决定' },
      SEC,
    );
  const motion = (activityId: string, extra: object = {}) => ({
    activityId,
    motion: '购置党员活动室设备',
    yes: 7,
    no: 0,
    abstain: 0,
    ...extra,
  });
  const ballot = (activityId: string, extra: object = {}) => ({
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
    ...extra,
  });

  return { SEC, ORG, FULL, at, meeting, setting, motion, ballot };
}
