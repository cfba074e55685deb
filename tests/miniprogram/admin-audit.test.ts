/** @jest-environment ./tests/setup/page-environment.ts */
// 操作记录, against the real backend: the secretary reads what was done, newest first, in words
// (设置职务, who, when, before → after, the reason), pages on with 查看更早的记录, and narrows it
// to a month. A plain member is turned away [PRIV-06].
import { DEMO_NOW_MS } from '../../emulator/demo-instant';
import {
  actAs,
  find,
  loadPage,
  openPage,
  settle,
  tap,
  textOf,
  useBackend,
} from '../setup/simulate';

const server = useBackend('demo');
let auditPage: string;

beforeAll(() => {
  auditPage = loadPage('subpackages/org/audit/index');
});

const asSecretary = (action: 'setMemberFlags' | 'setRole', input: Record<string, unknown>) =>
  server.backend.ok('org', action, input as never, 'demo-secretary');

describe('操作记录', () => {
  it('[PRIV-06] should show each entry in words, newest first, and page on', async () => {
    for (let i = 0; i < 21; i++) {
      await asSecretary('setMemberFlags', { memberId: 'demo-member-2', mobile: i % 2 === 0 });
    }
    // Later in the morning, one minute apart, so the order is the order of the changes.
    server.backend.emulator.clock.freeze(DEMO_NOW_MS + 60_000);
    await asSecretary('setMemberFlags', {
      memberId: 'demo-member-1',
      exempt: true,
      exemptReason: '长期患病卧床，经支委会研究免于积分',
    });
    server.backend.emulator.clock.freeze(DEMO_NOW_MS + 120_000);
    await asSecretary('setRole', {
      memberId: 'demo-member-1',
      orgId: 'demo-branch',
      role: 'groupLeader',
      on: true,
    });
    server.backend.restoreClock();
    const total = server.backend.docs('auditLogs').length;

    actAs('demo-secretary');
    const page = await openPage(auditPage);
    const first = textOf(find(page, '.entry-0'));
    expect(first).toContain('设置职务：陈明');
    expect(first).toContain('李红 · 书记');
    expect(first).toContain('2026年12月1日');
    expect(first).toContain('职务：无职务 → 党小组长');
    const second = textOf(find(page, '.entry-1'));
    expect(second).toContain('修改党员标记：陈明');
    expect(second).toContain('免于积分：否 → 是');
    expect(second).toContain('理由：长期患病卧床，经支委会研究免于积分');
    expect(textOf(page)).not.toMatch(/org\.|members|setRole/);

    expect(total).toBeGreaterThan(20);
    expect(page.data.entries).toHaveLength(20);
    await tap(page, '.more-button', '.t-button');
    expect(page.data.entries).toHaveLength(Math.min(total, 40));
    expect(page.data.entries[20].id).not.toBe(page.data.entries[0].id);
  });

  it('should narrow the log to a month', async () => {
    await asSecretary('setMemberFlags', { memberId: 'demo-member-2', mobile: true });
    actAs('demo-secretary');
    const page = await openPage(auditPage);
    expect(page.data.entries.length).toBeGreaterThan(0);
    find(page, '.month-picker')?.dispatchEvent('change', { detail: { value: '2026-10' } });
    await settle();
    expect(textOf(page)).toContain('查看月份：2026-10');
    expect(page.data.entries.every((e: { when: string }) => e.when.includes('2026年10月'))).toBe(
      true,
    );
    find(page, '.month-picker')?.dispatchEvent('change', { detail: { value: '2026-12' } });
    await settle();
    expect(textOf(find(page, '.entry-0'))).toContain('修改党员标记');
  });

  it('should turn a plain member away', async () => {
    actAs('demo-member-1');
    const page = await openPage(auditPage);
    expect(textOf(page)).toContain('操作记录由支部书记和上级党组织查看');
  });
});
