import { Backend, startBackend } from '../support/backend';
import type { ActionOutput } from '../../miniprogram/services/types';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));

type Node = ActionOutput<'org', 'orgTree'>;
const find = (n: Node, id: string): Node | undefined =>
  n.id === id ? n : n.children.map((c) => find(c, id)).find(Boolean);
const quietAlert = (n: Node | undefined) => n?.alerts.find((a) => a.ruleId === 'FORT-22');

describe('the org tree shows inactive branches [FORT-22]', () => {
  it('turns a branch yellow once its last closed record is 30 days old [FORT-22]', async () => {
    const last = b
      .docs('activities')
      .filter((a) => a.orgId === 'demo-branch' && a.status === 'closed')
      .map((a) => +new Date(a.startAt))
      .sort((x, y) => y - x)[0];
    expect(last).toBeDefined();
    const DAY = 86400_000;
    // 29 days after the last record (Beijing dates): still green.
    b.emulator.clock.freeze(last + 29 * DAY);
    let tree = await b.ok('org', 'orgTree', { orgId: 'demo-committee' }, 'demo-superior');
    expect(quietAlert(find(tree, 'demo-branch'))).toBeUndefined();
    // 31 days: yellow, with the days in words.
    b.emulator.clock.freeze(last + 31 * DAY);
    tree = await b.ok('org', 'orgTree', { orgId: 'demo-committee' }, 'demo-superior');
    const alert = quietAlert(find(tree, 'demo-branch'));
    expect(alert).toMatchObject({ level: 'warning' });
    expect(alert?.message).toMatch(/^已3[01]天没有组织生活记录/);
    // The committee itself holds no organisational life of its own: no such alert.
    expect(quietAlert(tree)).toBeUndefined();
    b.restoreClock();
  });

  it('follows the branch setting fort.inactiveDays [FORT-22]', async () => {
    await b.ok(
      'org',
      'setSetting',
      { orgId: 'demo-branch', key: 'fort.inactiveDays', value: 90, reason: '季度集中开展' },
      'demo-superior',
    );
    const last = b
      .docs('activities')
      .filter((a) => a.orgId === 'demo-branch' && a.status === 'closed')
      .map((a) => +new Date(a.startAt))
      .sort((x, y) => y - x)[0];
    b.emulator.clock.freeze(last + 45 * 86400_000);
    const tree = await b.ok('org', 'orgTree', { orgId: 'demo-committee' }, 'demo-superior');
    expect(quietAlert(find(tree, 'demo-branch'))).toBeUndefined();
    b.restoreClock();
  });
});
