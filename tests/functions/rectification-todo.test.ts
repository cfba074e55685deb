import { Backend, startBackend } from '../support/backend';

/**
 * The rectification to-dos on the home page (`org.todo`) [APR-18]: the reports due and overdue
 * and the items past their deadline, to whoever reports for them, read with the org (no query).
 */
let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));
afterEach(() => b.restoreClock());

const ORG = 'demo-branch';
const SEC = 'demo-secretary';
const M1 = 'demo-member-1';
const M2 = 'demo-member-2';
const at = (iso: string) => b.emulator.clock.freeze(Date.parse(iso));
const todo = async (who: string) =>
  (await b.ok('org', 'todo', { orgId: ORG }, who)).items
    .filter((i) => i.page.includes('rectification'))
    .map((i) => [i.level, i.ruleId, i.title]);

describe('rectification to-dos [APR-18]', () => {
  it('asks the owner for a quarterly report, then warns of a missed one and a passed deadline, until reported [APR-18]', async () => {
    const { itemId } = await b.ok(
      'appraisal',
      'addRectification',
      {
        orgId: ORG,
        year: 2026,
        problem: '参加组织生活不够经常',
        commitment: '每月按时参加支部活动',
        ownerKind: 'member',
        ownerId: M1,
        deadline: '2027-03-31',
      },
      SEC,
    );
    expect(await todo(M1)).toEqual([]); // the first quarterly window opens on 1 January
    at('2027-03-20T02:00:00Z');
    expect(await todo(M1)).toEqual([
      ['warning', 'APR-18', '请在3月31日前报告整改事项“参加组织生活不够经常”的进展'],
    ]);
    expect(await todo(M2)).toEqual([]); // another member's item
    expect(await todo(SEC)).toEqual([]);
    at('2027-04-02T02:00:00Z');
    expect(await todo(M1)).toEqual([
      [
        'alert',
        'APR-18',
        '整改事项“参加组织生活不够经常”已过3月31日的期限，请抓紧整改并报告完成情况',
      ],
      ['alert', 'APR-18', '整改事项“参加组织生活不够经常”应在3月31日前报告进展，还没有报告'],
    ]);
    await b.ok(
      'appraisal',
      'reportRectification',
      { orgId: ORG, year: 2026, itemId, on: '2027-03-30', text: '已按月参加' },
      SEC,
    );
    expect((await todo(M1)).map((t) => t[0])).toEqual(['alert', 'warning']); // late; next quarter
    await b.ok(
      'appraisal',
      'closeRectification',
      { orgId: ORG, year: 2026, itemId, on: '2027-04-02', evidence: ['全年按时参加'] },
      SEC,
    );
    expect(await todo(M1)).toEqual([]);
  });

  it('keeps org.todo of the secretary within its 14 round trips with a list to remind of [APR-18]', async () => {
    await b.ok(
      'appraisal',
      'addRectification',
      {
        orgId: ORG,
        year: 2026,
        problem: '联系群众不够',
        commitment: '每月走访',
        ownerKind: 'committee',
        deadline: '2027-06-30',
      },
      SEC,
    );
    const { roundTrips, res } = await b.roundTrips('org', 'todo', { orgId: ORG }, SEC);
    expect(res.ok).toBe(true);
    expect(
      (res as { data: { items: { page: string }[] } }).data.items.filter((i) =>
        i.page.includes('rectification'),
      ),
    ).toHaveLength(1);
    expect(roundTrips).toBeLessThanOrEqual(14);
  });
});
