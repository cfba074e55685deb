/**
 * Database round trips per action of 组织生活, counted by the emulator at its CloudBase API
 * (GET /__emulator/stats): a member's page open and the sign-in stay within 3, and closing a
 * session costs the same for a branch of 14 as for a branch of 214.
 */
import { createFridayThemeDay } from '../support/theme-day';
import { Backend, startBackend } from '../support/backend';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(async () => {
  await b.reset('demo');
  b.emulator.clock.freeze(Date.parse('2026-12-04T06:30:00Z')); // Fri 14:30 in Shanghai
});
afterEach(() => b.restoreClock());

const SEC = 'demo-secretary';

const themeDay = (title?: string) => createFridayThemeDay(b, title);

/** Round trips of one successful call (a refused call would say nothing about the budget). */
async function trips(action: string, data: unknown, openid: string): Promise<number> {
  const { roundTrips, res } = await b.roundTrips('activity', action, data, openid);
  if (!res.ok) throw new Error(`activity.${action} refused: ${res.error.code}`);
  expect(b.stats().actions[`activity.${action}`].calls).toBe(1);
  return roundTrips;
}

async function growBranch(n: number): Promise<void> {
  const people = Array.from({ length: n }, (_, i) => ({
    name: `党员${i}`,
    status: 'full' as const,
    joinedAt: '2015-07-01',
    birthDate: `19${50 + (i % 50)}-0${1 + (i % 9)}-${10 + (i % 19)}`,
  }));
  const { created } = await b.ok(
    'org',
    'importMembers',
    { orgId: 'demo-branch', members: people },
    SEC,
  );
  expect(created).toHaveLength(n);
}

describe('round-trip budgets of 组织生活', () => {
  it('opens the activity page in at most 3, for a member and for the host', async () => {
    const id = await themeDay();
    await b.ok('activity', 'requestLeave', { activityId: id, reason: '出差' }, 'demo-member-4');
    expect(await trips('get', { id }, 'demo-member-1')).toBeLessThanOrEqual(3);
    expect(await trips('get', { id }, 'demo-member-4')).toBeLessThanOrEqual(3);
    expect(await trips('get', { id }, SEC)).toBeLessThanOrEqual(3);
  });

  it('lists the branch’s activities in at most 3, however many there are', async () => {
    for (let i = 0; i < 5; i++) await themeDay(`主题党日${i}`);
    expect(await trips('list', { orgId: 'demo-branch' }, 'demo-member-1')).toBeLessThanOrEqual(3);
    expect(await trips('list', { orgId: 'demo-branch' }, 'demo-superior')).toBeLessThanOrEqual(3);
  });

  it('signs a member in with at most 3, counting the caller lookup', async () => {
    const id = await themeDay();
    b.emulator.clock.freeze(Date.parse('2026-12-04T07:00:00Z'));
    const { token } = await b.ok('activity', 'checkinToken', { activityId: id }, SEC);
    expect(await trips('checkin', { token }, 'demo-member-1')).toBeLessThanOrEqual(3);
  });

  it('shows the attendance list in at most 3', async () => {
    const id = await themeDay();
    expect(await trips('attendance', { activityId: id }, SEC)).toBeLessThanOrEqual(3);
  });

  it('closes with the same number of round trips for 14 members as for 214 [CHK-02]', async () => {
    const small = await themeDay('小支部');
    const smallTrips = await trips('close', { activityId: small }, SEC);
    const smallRows = b.docs('attendance').filter((a) => a.activityId === small);
    expect(smallRows.length).toBeGreaterThan(10);

    await growBranch(200);
    const large = await themeDay('大支部');
    const largeTrips = await trips('close', { activityId: large }, SEC);
    const largeRows = b.docs('attendance').filter((a) => a.activityId === large);
    expect(largeRows).toHaveLength(smallRows.length + 200);
    expect(largeTrips).toBe(smallTrips);
    expect(largeTrips).toBeLessThanOrEqual(8);
  });
});
