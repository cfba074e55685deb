import type { AppraisalDoc } from '../../cloudfunctions/_shared/repos/appraisals';
import { Backend, startBackend } from '../support/backend';

/**
 * The 双述双评 reminders of the daily scheduler (template `workAlert`) [issue 13 item 9]: at each
 * step the people who must act are told, with their consent, once per occurrence [PRIV-10].
 * The campaign's states are stored as the use cases leave them (the transitions themselves are
 * covered by the appraisal tests and, end to end, by appraisal-flow.test.ts); what is under test
 * here is the scheduler: who is reminded, of what, and never twice.
 */
let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));
afterEach(() => b.restoreClock());

const SEC = 'demo-secretary';
const ORG = 'demo-organizer';
const SUP = 'demo-superior';
const ID = 'secretaryReview:demo-secretary:2026';
const at = (iso: string) => b.emulator.clock.freeze(Date.parse(iso));

async function trigger(): Promise<{ sent: number; noConsent: number; failed: number }> {
  const res = await fetch(`${b.url}/__emulator/trigger/scheduler`, { method: 'POST' });
  const body = (await res.json()) as { ok: boolean; data: { appraisal: any } };
  expect(body.ok).toBe(true);
  return body.data.appraisal;
}
/** The 双述双评 messages sent so far: to whom, what, and the page they open. */
const sent = async () =>
  ((await (await fetch(`${b.url}/__emulator/outbox`)).json()) as any[])
    .filter((m) => m.templateId === 'local-workAlert' && String(m.page).includes('appraisal'))
    .map((m) => ({
      to: m.touser as string,
      what: m.data.thing1.value as string,
      org: m.data.thing2.value as string,
      hint: m.data.thing3.value as string,
      page: m.page as string,
    }));
async function consent(members: string[], n = 12) {
  for (const m of members)
    for (let i = 0; i < n; i++) await b.ok('org', 'subscribe', { accepted: ['workAlert'] }, m);
}

/** A secretary review of demo-secretary, in the state given. */
function campaign(patch: Partial<AppraisalDoc> = {}): AppraisalDoc {
  const now = new Date(Date.parse('2026-11-20T09:00:00+08:00'));
  return {
    _id: ID,
    kind: 'secretaryReview',
    year: 2026,
    orgId: 'demo-branch',
    committeeId: 'demo-committee',
    subjectId: SEC,
    profile: 'hunan',
    orgPath: ['demo-branch', 'demo-committee'],
    orgName: '机关第一党支部',
    subjectName: '李红',
    predecessors: [],
    boxes: {},
    step: 'report',
    stepsDone: {},
    report: {
      status: 'draft',
      sections: {},
      comment: null,
      submittedAt: null,
      decidedAt: null,
      decidedBy: null,
    },
    boxIds: {},
    leaderComment: null,
    plan: { weights: { daily: 30, evaluations: 30, verification: 40 }, thresholds: null },
    decision: null,
    publishedAt: null,
    noticeId: null,
    tasks: [],
    openedBy: SUP,
    createdAt: now,
    ...patch,
  };
}
const store = (doc: AppraisalDoc) =>
  b.emulator.store.get('appraisals')!.set(doc._id, doc as unknown as any);

describe('a reminder at each step, to who must act', () => {
  it('tells the secretary to write the report once it is opened, once, and waits for consent [SEC-07] [PRIV-10]', async () => {
    store(campaign());
    expect(await trigger()).toEqual({ sent: 0, noConsent: 1, failed: 0 });
    expect(await sent()).toEqual([]);
    await consent([SEC]);
    expect((await trigger()).sent).toBe(1);
    expect(await sent()).toEqual([
      {
        to: SEC,
        what: '请撰写年度述职报告',
        org: '机关第一党支部',
        hint: '写好后提交上级党组织审核',
        page: `subpackages/appraisal/report/index?id=${encodeURIComponent(ID)}`,
      },
    ]);
    expect(await trigger()).toEqual({ sent: 0, noConsent: 0, failed: 0 }); // running twice
    at('2026-12-02T08:00:00+08:00');
    expect((await trigger()).sent).toBe(0);
  });

  it('tells the superior of a submitted report, and the secretary of a returned one, each time [SEC-07]', async () => {
    await consent([SEC, SUP]);
    const submittedAt = new Date(Date.parse('2026-11-25T10:00:00+08:00'));
    const report = { ...campaign().report, status: 'submitted' as const, submittedAt };
    store(campaign({ report }));
    expect((await trigger()).sent).toBe(1);
    const decidedAt = new Date(Date.parse('2026-11-26T10:00:00+08:00'));
    store(campaign({ report: { ...report, status: 'returned', decidedAt, comment: '请补充' } }));
    expect((await trigger()).sent).toBe(1);
    // Resubmitted and returned again: a new occurrence, told again.
    const again = new Date(Date.parse('2026-11-28T10:00:00+08:00'));
    store(campaign({ report: { ...report, status: 'submitted', submittedAt: again } }));
    expect((await trigger()).sent).toBe(1);
    expect((await sent()).map((m) => [m.to, m.what])).toEqual([
      [SUP, '支部书记述职报告待审核'],
      [SEC, '述职报告已退回修改'],
      [SUP, '支部书记述职报告待审核'],
    ]);
  });

  it('asks the branch committee, not the secretary under review, to hold the 党员大会 述职 [SEC-08] [PRIV-21] [SEC-13]', async () => {
    await consent([SEC, ORG, SUP]);
    store(campaign({ step: 'assembly', report: { ...campaign().report, status: 'approved' } }));
    expect((await trigger()).sent).toBe(1);
    expect((await sent()).map((m) => [m.to, m.what])).toEqual([
      [ORG, '请召开党员大会听取书记述职'],
    ]);
    // It opens the board of this campaign, where the box is opened and closed [SEC-08].
    expect((await sent())[0].page).toBe(
      `subpackages/appraisal/board/index?id=${encodeURIComponent(ID)}`,
    );
  });

  it('asks the superior for the 述职评议会, the grade and the publication; then tells the secretary the result [SEC-09] [SEC-10] [SEC-14]', async () => {
    await consent([SEC, ORG, SUP]);
    const approved = { ...campaign().report, status: 'approved' as const };
    for (const step of ['committee', 'grade', 'publish'] as const) {
      store(campaign({ step, report: approved }));
      expect((await trigger()).sent).toBe(1);
    }
    store(campaign({ step: 'done', report: approved, publishedAt: new Date() }));
    expect((await trigger()).sent).toBe(1);
    expect((await sent()).map((m) => [m.to, m.what])).toEqual([
      [SUP, '请召开述职评议会'],
      [SUP, '支部书记述职待评定等次'],
      [SUP, '评议等次已评定待公布'],
      [SEC, '您的述职评议结果已公布'],
    ]);
    // Each opens a page about this campaign where the step is done: never the year's console.
    expect((await sent()).map((m) => m.page.split('?')[0])).toEqual([
      'subpackages/appraisal/board/index',
      'subpackages/appraisal/board/index',
      'subpackages/appraisal/board/index',
      'subpackages/appraisal/report/index',
    ]);
    expect((await trigger()).sent).toBe(0);
  });

  it('under jiaozuo, the 组织评定 follows the 民主测评 directly [SEC-17]', async () => {
    await consent([SUP]);
    store(campaign({ step: 'grade', profile: 'jiaozuo' }));
    await trigger();
    expect((await sent()).map((m) => [m.to, m.what])).toEqual([[SUP, '评书记待组织评定']]);
  });
});

describe('finished before year end [SEC-03]', () => {
  it('reminds the superior 15 days before sec.due and once it has passed, never for a finished review [SEC-03]', async () => {
    await consent([SEC, SUP]);
    store(campaign({ step: 'committee' }));
    at('2026-12-15T08:00:00+08:00'); // 16 days left: the step reminder only
    await trigger();
    expect((await sent()).filter((m) => m.what.startsWith('支部书记述职评议'))).toEqual([]);
    at('2026-12-16T08:00:00+08:00');
    await trigger();
    at('2026-12-20T08:00:00+08:00');
    await trigger();
    at('2027-01-01T08:00:00+08:00');
    await trigger();
    at('2027-01-02T08:00:00+08:00');
    await trigger();
    const due = (await sent()).filter((m) => m.what.startsWith('支部书记述职评议'));
    expect(due.map((m) => [m.to, m.what, m.hint])).toEqual([
      [SUP, '支部书记述职评议尚未完成', '请于12月31日前完成'],
      [SUP, '支部书记述职评议已逾期', '应于12月31日前完成'],
    ]);
    // At the 述职评议会 the board is where the superior acts (the console would not open it).
    expect(due.map((m) => m.page)).toEqual([
      `subpackages/appraisal/board/index?id=${encodeURIComponent(ID)}`,
      `subpackages/appraisal/board/index?id=${encodeURIComponent(ID)}`,
    ]);
  });

  it('follows the due date the plan fixed when the review was opened (sec.due 01-31) [SEC-03]', async () => {
    await consent([SUP]);
    const plan = { ...campaign().plan, due: '2027-01-31' };
    store(campaign({ step: 'committee', plan }));
    at('2027-01-01T08:00:00+08:00');
    await trigger();
    expect((await sent()).filter((m) => m.what.includes('逾期'))).toEqual([]);
    at('2027-01-16T08:00:00+08:00');
    await trigger();
    expect((await sent()).map((m) => m.hint)).toContain('请于1月31日前完成');
  });

  it('sends nothing about a finished review', async () => {
    await consent([SEC, SUP]);
    store(campaign({ step: 'done', report: { ...campaign().report, status: 'approved' } }));
    at('2027-01-05T08:00:00+08:00');
    expect(await trigger()).toEqual({ sent: 0, noConsent: 0, failed: 0 });
  });
});

describe('follow-ups until done [SEC-15, SEC-16]', () => {
  const published = new Date(Date.parse('2026-12-20T10:00:00+08:00'));
  const task = (kind: 'reminderTalk' | 'rectification' | 'orgHandling', ownerId: string) => ({
    kind,
    ownerId,
    due: kind === 'orgHandling' ? null : '2027-03-20',
    done: false,
    note: null,
    doneBy: null,
    doneAt: null,
  });

  it('tells each owner when created, 7 days before the deadline and once late; nothing once done [SEC-15]', async () => {
    await consent([SEC, SUP]);
    const tasks = [task('reminderTalk', SUP), task('rectification', SEC)];
    store(campaign({ step: 'done', publishedAt: published, tasks }));
    at('2026-12-21T08:00:00+08:00');
    await trigger();
    expect((await sent()).map((m) => [m.to, m.what])).toEqual([
      [SEC, '您的述职评议结果已公布'],
      [SUP, '待办：提醒谈话'],
      [SEC, '待办：整改落实'],
    ]);
    at('2027-03-12T08:00:00+08:00'); // 8 days left: nothing new
    expect((await trigger()).sent).toBe(0);
    await consent([SEC, SUP]); // the months between used grants on other 工作提醒
    at('2027-03-13T08:00:00+08:00');
    expect(await trigger()).toEqual({ sent: 2, noConsent: 0, failed: 0 });
    store(
      campaign({
        step: 'done',
        publishedAt: published,
        tasks: [{ ...tasks[0], done: true }, tasks[1]],
      }),
    );
    at('2027-03-21T08:00:00+08:00');
    expect((await trigger()).sent).toBe(1);
    expect((await sent()).slice(3).map((m) => [m.to, m.what])).toEqual([
      [SUP, '提醒谈话临近期限'],
      [SEC, '整改落实临近期限'],
      [SEC, '整改落实已超过期限'],
    ]);
    at('2027-03-22T08:00:00+08:00');
    expect((await trigger()).sent).toBe(0);
  });

  it('raises the 组织处理 flag to the superior, and nothing else happens by itself [SEC-16]', async () => {
    await consent([SEC, SUP]);
    store(campaign({ step: 'done', publishedAt: published, tasks: [task('orgHandling', SUP)] }));
    at('2026-12-21T08:00:00+08:00');
    await trigger();
    expect((await sent()).filter((m) => m.to === SUP).map((m) => [m.what, m.hint])).toEqual([
      ['待办：研究组织处理', '完成后在待办中登记'],
    ]);
    expect(b.docs('appraisals')[0].tasks[0].done).toBe(false);
  });
});

describe('the scheduler does not grow with the number of campaigns', () => {
  /** Round trips of a run in which every message was sent before (the reads only). */
  async function quietRun(): Promise<number> {
    await trigger();
    b.resetStats();
    await trigger();
    return b.stats().actions['scheduler.timer:daily'].dbRoundTrips;
  }

  it('reads the same with one review as with twenty, in twenty branches', async () => {
    await consent([SEC, SUP]);
    store(campaign({ step: 'committee' }));
    const one = await quietRun();
    for (let i = 1; i <= 20; i++) {
      const orgId = `extra-branch-${i}`;
      b.emulator.store.get('orgs')!.set(orgId, {
        ...b.docs('orgs').find((o) => o._id === 'demo-branch-2'),
        _id: orgId,
        name: `新建第${i}党支部`,
      });
      store(campaign({ _id: `secretaryReview:m${i}:2026`, orgId, subjectId: `m${i}` }));
    }
    expect(one).toBeLessThanOrEqual(20); // the scheduler's budget (tests/perf/budgets.test.ts)
    expect(await quietRun()).toBe(one);
  });
});
