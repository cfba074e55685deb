import { Backend, startBackend } from '../support/backend';
import { setOrg } from '../support/appraisal-grading-kit';

/**
 * The 焦作评组织 reminders of the daily scheduler (template `workAlert`) [FORT-20]: the 基层党委's
 * superior at each step, each branch committee while its 测评 is to be held; with consent, and
 * never twice [PRIV-10]. demo-committee is made a jiaozuo 基层党委 (its branches demo-branch and
 * demo-branch-2); the campaign is driven through the API.
 */
let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));

const SUP = 'demo-superior';
const SEC = 'demo-secretary';
const ORGANIZER = 'demo-organizer';
const SEC2 = 'demo-secretary-2';

async function trigger() {
  const res = await fetch(`${b.url}/__emulator/trigger/scheduler`, { method: 'POST' });
  const body = (await res.json()) as {
    ok: boolean;
    data: { branch: { sent: number; noConsent: number } };
  };
  expect(body.ok).toBe(true);
  return body.data.branch;
}
const sent = async (id: string) =>
  ((await (await fetch(`${b.url}/__emulator/outbox`)).json()) as any[])
    .filter(
      (m) => m.templateId === 'local-workAlert' && String(m.page).includes(encodeURIComponent(id)),
    )
    .map((m) => ({ to: m.touser as string, what: m.data.thing1.value as string }))
    .sort((x, y) => x.to.localeCompare(y.to) || x.what.localeCompare(y.what));
async function consent(members: string[], n = 4) {
  for (const m of members)
    for (let i = 0; i < n; i++) await b.ok('org', 'subscribe', { accepted: ['workAlert'] }, m);
}
async function open(): Promise<string> {
  setOrg(b, 'demo-committee', { profile: 'jiaozuo' });
  const { id } = await b.ok(
    'appraisal',
    'open',
    { kind: 'branchAppraisal', orgId: 'demo-committee', year: 2026 },
    SUP,
  );
  return id;
}
async function toBallot(id: string) {
  await b.ok('appraisal', 'completeBranchStep', { id, step: 'study' }, SUP);
  await b.ok('appraisal', 'completeBranchStep', { id, step: 'report', note: '各支部已述职' }, SUP);
}
const tally = (id: string, branchId: string, box: 'assembly' | 'masses') =>
  b.ok(
    'appraisal',
    'enterBranchTally',
    { id, branchId, box, issued: 8, returned: 8, counts: { first: 8 } },
    SUP,
  );

describe('reminders of 评组织 [FORT-20]', () => {
  it('tells the superior at each step, once each, opening 评议党支部 [FORT-20]', async () => {
    await consent([SUP], 12);
    const id = await open();
    await trigger();
    await trigger();
    expect(await sent(id)).toEqual([{ to: SUP, what: '请组织评组织集中学习' }]);
    await b.ok('appraisal', 'completeBranchStep', { id, step: 'study' }, SUP);
    await trigger();
    await trigger();
    expect(await sent(id)).toEqual([
      { to: SUP, what: '请组织支部书记工作述职' },
      { to: SUP, what: '请组织评组织集中学习' },
    ]);
    const pages = ((await (await fetch(`${b.url}/__emulator/outbox`)).json()) as any[]).map(
      (m) => m.page,
    );
    expect(pages).toContain(`subpackages/appraisal/branch/index?id=${encodeURIComponent(id)}`);
  });

  it('tells each branch committee whose 测评 is to be held, and not one whose boxes are closed [FORT-20]', async () => {
    await consent([SUP, SEC, ORGANIZER, SEC2, 'demo-member-1']);
    const id = await open();
    await toBallot(id);
    await tally(id, 'demo-branch-2', 'assembly');
    await tally(id, 'demo-branch-2', 'masses');
    const first = await trigger();
    expect(first.sent).toBe(3);
    expect(await sent(id)).toEqual([
      { to: ORGANIZER, what: '请组织本支部评组织测评' },
      { to: SEC, what: '请组织本支部评组织测评' },
      { to: SUP, what: '请完成评组织民主测评' },
    ]);
  });

  it('running twice sends nothing twice, through 组织评定 and 通报 [FORT-20] [PRIV-10]', async () => {
    await consent([SUP], 8);
    const id = await open();
    await toBallot(id);
    for (const branchId of ['demo-branch', 'demo-branch-2'])
      for (const box of ['assembly', 'masses'] as const) await tally(id, branchId, box);
    await b.ok('appraisal', 'completeBranchStep', { id, step: 'ballot' }, SUP);
    const once = await trigger();
    expect(once.sent).toBe(1);
    expect((await trigger()).sent).toBe(0);
    expect((await sent(id)).map((m) => m.what)).toEqual(['请进行评组织组织评定']);
    const board = await b.ok('appraisal', 'board', { id }, SUP);
    if (board.kind !== 'branchAppraisal') throw new Error('not a 评组织 board');
    const grades = Object.fromEntries(board.branches.map((r) => [r.orgId, r.advice.grade]));
    await b.ok('appraisal', 'decide', { id, grades }, SUP);
    expect((await trigger()).sent).toBe(1);
    expect((await trigger()).sent).toBe(0);
    expect((await sent(id)).map((m) => m.what)).toEqual([
      '请进行评组织组织评定',
      '请通报评组织结果',
    ]);
    await b.ok('appraisal', 'publish', { id }, SUP);
    expect((await trigger()).sent).toBe(0);
  });

  it('costs the scheduler 3 reads with a 评组织 under way, whatever its branches, and 3 a message sent [FORT-20]', async () => {
    const trips = async () => {
      b.resetStats();
      const r = await trigger();
      return { n: b.stats().actions['scheduler.timer:daily'].dbRoundTrips, sent: r.sent };
    };
    for (let i = 1; i <= 5; i++)
      await b.ok(
        'org',
        'createOrg',
        {
          parentId: 'demo-committee',
          name: `新建第${i}党支部`,
          kind: 'branch',
          category: 'organ',
          termStart: '2025-01-01',
        },
        SUP,
      );
    await consent([SUP, SEC, SEC2], 12);
    await trigger(); // the other reminders of the seed go out first
    const idle = await trips();
    const id = await open();
    await toBallot(id);
    const busy = await trips();
    expect(busy.sent).toBe(3);
    // The people (1 query), the claims and the grants (1 each); then per message its claim, its grant and the send.
    expect(busy.n - idle.n).toBe(3 + 3 * busy.sent);
    expect((await trips()).n - idle.n).toBe(3);
  });

  it('sends nothing without consent [FORT-20] [PRIV-10]', async () => {
    const id = await open();
    await toBallot(id);
    const r = await trigger();
    expect(r.sent).toBe(0);
    expect(r.noConsent).toBeGreaterThan(0);
    expect(await sent(id)).toEqual([]);
  });
});
