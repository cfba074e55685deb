import { pioneerIndex, rank } from '../../cloudfunctions/_shared/domain/points/pioneer';
import { DEFAULT_ITEMS } from '../../cloudfunctions/_shared/domain/points/standard';
import type { MemberFacts } from '../../cloudfunctions/_shared/domain/points/pioneer';
import { startEmulator } from '../../emulator/server';
import { summary, timed } from '../lib/stats';
import { tripsNote } from './lib/round-trips';

const MEMBERS = 5000;
const ENTRIES = 100;
const codes = [
  'volunteer',
  'lecture',
  'urgentTask',
  'commendation',
  'criticism',
  'promiseUnfulfilled',
];

/**
 * Year-end 先锋指数 and ranking for 5,000 members × 100 entries (the pure computation), and one
 * member's index through the function and the emulator with the same volume of ledger data.
 */
export async function run(): Promise<void> {
  const facts: MemberFacts[] = Array.from({ length: MEMBERS }, (_, m) => ({
    memberId: `m${m}`,
    exempt: m % 97 === 0,
    simplified: m % 13 === 0,
    committee: m % 50 === 0,
    sessions: Array.from({ length: 24 }, (_x, s) => ({
      activityId: `a${s}`,
      month: `2026-${String(1 + (s % 12)).padStart(2, '0')}`,
      status: (['present', 'late', 'absent', 'remote', 'excused'] as const)[(m + s) % 5],
    })),
    studyHoursTenths: (m * 7) % 400,
    dues: { monthsPaid: 12 - (m % 3), monthsDue: 12 },
    noticeReads: [],
    ledger: Array.from({ length: ENTRIES - 24 }, (_x, e) => ({
      id: `e${m}-${e}`,
      itemCode: codes[(m + e) % codes.length],
      month: `2026-${String(1 + (e % 12)).padStart(2, '0')}`,
      status: (e % 7 === 0 ? 'pending' : 'approved') as 'pending' | 'approved',
      source: 'assessed' as const,
    })),
  }));
  const [indices, computeMs] = await timed(async () =>
    facts.map((f) => pioneerIndex(f, DEFAULT_ITEMS, 2026)),
  );
  const [ranked, rankMs] = await timed(async () =>
    rank(
      indices
        .filter((i) => !i.exempt)
        .map((i, k) => ({
          memberId: `m${k}`,
          total: i.total ?? 0,
          vetoed: i.vetoed,
          deduct: i.deduct,
          flagged: false,
        })),
    ),
  );
  console.log(
    `year-end index, pure: ${MEMBERS} members × ${ENTRIES} entries in ${computeMs.toFixed(0)} ms; ranking ${ranked.length} in ${rankMs.toFixed(1)} ms`,
  );

  // Through the real function: one branch of 5,000 members with 100 stored entries each is 500,000
  // documents; the member's own index reads only that member's entries.
  const emu = await startEmulator({ port: 0, seed: 'demo' });
  emu.clock.freeze(Date.parse('2026-12-20T09:00:00+08:00'));
  const entries = emu.store.ensure('pointEntries');
  for (let m = 0; m < MEMBERS; m++) {
    const memberId = m === 0 ? 'demo-member-1' : `bench-${m}`;
    for (let e = 0; e < ENTRIES; e++) {
      const _id = `${memberId}-${e}`;
      entries.set(_id, {
        _id,
        orgId: 'demo-branch',
        memberId,
        year: 2026,
        itemCode: codes[e % codes.length],
        month: `2026-${String(1 + (e % 12)).padStart(2, '0')}`,
        status: 'approved',
        source: 'assessed',
        note: '',
        declaredAt: new Date(),
        decidedBy: 'demo-organizer',
        reason: null,
      });
    }
  }
  emu.store.touch('pointEntries', 'bench', undefined);
  await emu.invoke('points', { action: 'index', data: { year: 2026 } }, 'demo-member-1');
  const lat: number[] = [];
  emu.resetStats();
  for (let i = 0; i < 20; i++)
    lat.push(
      (
        await timed(() =>
          emu.invoke('points', { action: 'index', data: { year: 2026 } }, 'demo-member-1'),
        )
      )[1],
    );
  console.log(
    `one member's index via the function (${MEMBERS * ENTRIES} ledger documents in the emulator): ${summary(lat)}; ${tripsNote(emu, 'points.index')}`,
  );
  await emu.close();
}
