/**
 * 首页的待办 (`org.todo`): each kind appears while its fact exists and is gone once it is fixed;
 * a member sees none; another branch's secretary is refused. The real emulator and SDK.
 */
import { DEMO_NOW_MS } from '../../emulator/demo-instant';
import { Backend, startBackend } from '../support/backend';
import { createFridayThemeDay } from '../support/theme-day';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));
afterEach(() => b.restoreClock());

const SEC = 'demo-secretary';
const SCORER = 'demo-organizer';
const DAY = 86400_000;

const todo = async (who = SEC) => (await b.ok('org', 'todo', { orgId: 'demo-branch' }, who)).items;
const kinds = async (who = SEC) => (await todo(who)).map((i) => i.kind);
const item = async (kind: string, who = SEC) => (await todo(who)).find((i) => i.kind === kind);

describe('org.todo', () => {
  it('lists a leave request until it is decided, linked to the host page', async () => {
    const activityId = await createFridayThemeDay(b);
    expect(await kinds()).not.toContain('leave');
    await b.ok(
      'activity',
      'requestLeave',
      { activityId, reason: '单位值班', category: 'official' },
      'demo-member-1',
    );
    expect(await item('leave')).toMatchObject({
      count: 1,
      title: '1条请假申请待审批',
      page: `/subpackages/activity/host/index?id=${activityId}`,
    });
    await b.ok(
      'activity',
      'decideLeave',
      { activityId, memberId: 'demo-member-1', approve: true },
      SEC,
    );
    expect(await kinds()).not.toContain('leave');
  });

  it('lists a declaration to review until it is reviewed [PTS-15]', async () => {
    const { entryId } = await b.ok(
      'points',
      'declare',
      { itemCode: 'volunteer', month: '2026-11', note: '社区防汛值守一天' },
      'demo-member-1',
    );
    expect(await item('declarations', SCORER)).toMatchObject({
      count: 1,
      title: '1条积分申报待审核',
      page: '/subpackages/points/review/index',
    });
    await b.ok('points', 'review', { entryId, approve: true }, SCORER);
    expect(await kinds(SCORER)).not.toContain('declarations');
  });

  it('asks for the record within the filing window, then marks it overdue, until archived [MTG-19]', async () => {
    await b.ok('activity', 'close', { activityId: 'demo-theme-day' }, SEC);
    b.emulator.clock.freeze(DEMO_NOW_MS + DAY);
    const toFile = (await todo()).filter((i) => i.ruleId === 'MTG-19');
    expect(toFile.map((i) => i.kind)).toContain('toFile');
    expect(toFile.find((i) => i.kind === 'toFile')?.page).toContain('id=demo-theme-day');
    b.emulator.clock.freeze(DEMO_NOW_MS + 6 * DAY);
    expect(await item('filingOverdue')).toMatchObject({ level: 'alert', ruleId: 'MTG-19' });
    await b.ok(
      'activity',
      'record',
      { activityId: 'demo-theme-day', minutes: '学习讨论', archive: true },
      SEC,
    );
    const left = (await todo()).filter((i) => i.page.includes('id=demo-theme-day'));
    expect(left).toEqual([]);
  });

  it('names missing periods in words, never codes [TD-01]', async () => {
    const gap = await item('compliance');
    expect(gap?.ruleId).toMatch(/TD-01|MTG-0\d/);
    expect(gap?.title).not.toMatch(/\d{4}-|Q\d|H\d/);
  });

  it('gives a member of the branch no to-dos', async () => {
    await createFridayThemeDay(b);
    expect(await todo('demo-member-1')).toEqual([]);
  });

  it("refuses another branch's secretary with AUTH.FORBIDDEN, changing nothing", async () => {
    const err = await b.err('org', 'todo', { orgId: 'demo-branch' }, 'demo-secretary-2');
    expect(err.code).toBe('AUTH.FORBIDDEN');
  });

  it('refuses a missing branch id with a Chinese message', async () => {
    const err = await b.err('org', 'todo', {}, SEC);
    expect(err.code).toBe('INPUT.INVALID');
    expect(err.message).toMatch(/党组织/);
  });

  it('shows the superior the same list for a branch below', async () => {
    expect(await kinds('demo-superior')).toContain('compliance');
  });

  it('costs at most 14 database round trips', async () => {
    const { roundTrips, res } = await b.roundTrips('org', 'todo', { orgId: 'demo-branch' }, SEC);
    expect(res.ok).toBe(true);
    expect(roundTrips).toBeLessThanOrEqual(14);
  });
});
