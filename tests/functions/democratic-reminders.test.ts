import { Backend, startBackend } from '../support/backend';
import { ID, SEC, SUP, seedDemocratic, tallyOf } from '../support/democratic-kit';

/**
 * The 民主评议党员 reminders of the daily scheduler (template `workAlert`, issue 14 item 10): at
 * each step the people who must act are told, with their consent, once [PRIV-10]. The campaign
 * is stored as the steps leave it; what is under test is who is reminded, of what, and never twice.
 */
let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));

async function trigger() {
  const res = await fetch(`${b.url}/__emulator/trigger/scheduler`, { method: 'POST' });
  const body = (await res.json()) as { ok: boolean; data: { democratic: any } };
  expect(body.ok).toBe(true);
  return body.data.democratic;
}
const sent = async () =>
  ((await (await fetch(`${b.url}/__emulator/outbox`)).json()) as any[])
    .filter(
      (m) => m.templateId === 'local-workAlert' && String(m.page).includes(encodeURIComponent(ID)),
    )
    .map((m) => ({
      to: m.touser as string,
      what: m.data.thing1.value as string,
      page: m.page as string,
    }));
async function consent(members: string[], n = 4) {
  for (const m of members)
    for (let i = 0; i < n; i++) await b.ok('org', 'subscribe', { accepted: ['workAlert'] }, m);
}

describe('reminders of 民主评议 [APR-02] [APR-12]', () => {
  it('tells a member whose 个人自评 is due, once, opening the 自评 page [APR-02]', async () => {
    await consent(['demo-member-3', 'demo-member-4']);
    seedDemocratic(b, { step: 'selfEvaluation', noSelf: ['demo-member-3'] });
    await trigger();
    await trigger();
    expect(await sent()).toEqual([
      {
        to: 'demo-member-3',
        what: '请填写民主评议个人自评',
        page: `subpackages/appraisal/self/index?id=${encodeURIComponent(ID)}`,
      },
    ]);
  });

  it('tells the branch committee to decide, and nobody else [APR-02]', async () => {
    await consent([SEC, 'demo-organizer', 'demo-member-1']);
    seedDemocratic(b, { step: 'decision', tally: tallyOf(8) });
    await trigger();
    const out = await sent();
    expect(out.map((m) => m.to).sort()).toEqual(['demo-organizer', SEC]);
    expect(out[0]).toMatchObject({ what: '请进行组织评定' });
  });

  it('tells the superior the results were reported, and each member their own result is ready [APR-12]', async () => {
    await consent([SUP, 'demo-member-1']);
    seedDemocratic(b, {
      step: 'archive',
      tally: tallyOf(8),
      extra: {
        publishedAt: new Date('2026-11-30T02:00:00Z'),
        reportedAt: new Date('2026-11-30T02:00:00Z'),
      },
    });
    await trigger();
    const out = await sent();
    expect(out).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ to: SUP, what: '支部报来民主评议结果' }),
        expect.objectContaining({
          to: 'demo-member-1',
          what: '您的民主评议结果可查看',
          page: `subpackages/appraisal/result/index?id=${encodeURIComponent(ID)}`,
        }),
      ]),
    );
  });
});
