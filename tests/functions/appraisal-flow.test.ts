import type { AppraisalFormOut } from '../../cloudfunctions/_shared/contracts/appraisal';
import { Backend, startBackend } from '../support/backend';
import { file, json, boardOf } from '../support/narrow';
import { openBook, texts } from '../support/xlsx';
import { voteKit } from '../support/vote-kit';

/**
 * A whole review runs through the API [issue 13, "Done when"]: open → report → approval →
 * assembly ballot → committee ballot → grade → publication → consequences, on the demo seed
 * (profile hunan) and under the jiaozuo profile (评书记, with the 好 quota), with the reminders
 * the scheduler sends at each step and the record filed at the end.
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
const kit = voteKit(() => b);
const at = (iso: string) => b.emulator.clock.freeze(Date.parse(iso));
const VOTERS = [ORG, ...[1, 2, 3, 4, 5, 6, 7, 8].map((i) => `demo-member-${i}`)];

async function consent(members: string[], n = 15) {
  for (const m of members)
    for (let i = 0; i < n; i++) await b.ok('org', 'subscribe', { accepted: ['workAlert'] }, m);
}
/** Runs the scheduler; answers the 双述双评 messages it sent, as [to, what]. */
async function remind(): Promise<[string, string][]> {
  const seen = new Set<unknown>();
  const before = (await (await fetch(`${b.url}/__emulator/outbox`)).json()) as unknown[];
  before.forEach((m) => seen.add(JSON.stringify(m)));
  const res = await fetch(`${b.url}/__emulator/trigger/scheduler`, { method: 'POST' });
  expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
  const after = (await (await fetch(`${b.url}/__emulator/outbox`)).json()) as any[];
  return after
    .filter((m) => !seen.has(JSON.stringify(m)) && String(m.page).includes('appraisal'))
    .map((m) => [m.touser as string, m.data.thing1.value as string]);
}
const step = async (id: string, who = SUP) => (await b.ok('appraisal', 'get', { id }, who)).step;

describe('双述双评 on the demo seed (profile hunan)', () => {
  it('runs open → report → approval → 党员大会 → 述职评议会 → grade → publication → consequences, reminding who must act [SEC-01] [SEC-02] [SEC-04] [SEC-06] [SEC-07] [SEC-08] [SEC-09] [SEC-10] [SEC-13] [SEC-14] [SEC-15]', async () => {
    await consent([SEC, ORG, SUP]);
    // 1. The 基层党委 opens the review of the branch's secretary [SEC-01]; once a year [SEC-02].
    const { id, subjectId } = await b.ok(
      'appraisal',
      'open',
      { kind: 'secretaryReview', orgId: 'demo-branch', year: 2026 },
      SUP,
    );
    expect(subjectId).toBe(SEC);
    expect(
      (
        await b.err(
          'appraisal',
          'open',
          { kind: 'secretaryReview', orgId: 'demo-branch', year: 2026 },
          SUP,
        )
      ).code,
    ).toBe('CONFLICT');
    expect(await remind()).toEqual([[SEC, '请撰写年度述职报告']]);

    // 2. The report: five sections, 加强支部建设 pre-filled and read-only [SEC-04, SEC-06].
    const report = await b.ok('appraisal', 'report', { id }, SEC);
    expect(report.sections.map((s) => s.key)).toEqual([
      'decisions',
      'branchBuilding',
      'keyTasks',
      'serveMasses',
      'integrity',
    ]);
    expect(report.sections[1].facts?.length).toBeGreaterThan(0);
    // Step 2 cannot start before the approval [SEC-07].
    const early = await b.err(
      'appraisal',
      'openBallot',
      { id, box: 'assembly', mode: 'paper' },
      ORG,
    );
    expect(early.code).toBe('APPRAISAL.STEP_ORDER');
    const sections = {
      decisions: '认真贯彻落实上级党组织的决策部署。',
      branchBuilding: '坚持每月开展主题党日。',
      keyTasks: '完成年度重点工作任务。',
      serveMasses: '带头联系服务群众。',
      integrity: '严守廉洁自律规定。',
    };
    await b.ok('appraisal', 'saveReport', { id, sections }, SEC);
    expect((await b.ok('appraisal', 'submitReport', { id }, SEC)).status).toBe('submitted');
    expect(await remind()).toEqual([[SUP, '支部书记述职报告待审核']]);

    // 3. The superior returns it with a comment, then approves the revision [SEC-07].
    const back = { id, approve: false, comment: '请补充联系服务群众的具体事例。' };
    expect((await b.ok('appraisal', 'approveReport', back, SUP)).status).toBe('returned');
    expect(await remind()).toEqual([[SEC, '述职报告已退回修改']]);
    await b.ok(
      'appraisal',
      'saveReport',
      { id, sections: { serveMasses: '走访困难党员群众12户，解决实际问题5件。' } },
      SEC,
    );
    await b.ok('appraisal', 'submitReport', { id }, SEC);
    expect((await b.ok('appraisal', 'approveReport', { id, approve: true }, SUP)).status).toBe(
      'approved',
    );
    expect(await step(id)).toBe('assembly');
    const assemblyCall = await remind();
    expect(assemblyCall).toContainEqual([ORG, '请召开党员大会听取书记述职']);
    expect(assemblyCall.map(([to]) => to)).not.toContain(SEC); // its subject [PRIV-21]

    // 4. The 党员大会: members signed in vote in the app; the secretary casts none [SEC-08, SEC-13].
    const meeting = await kit.meeting([SEC, ...VOTERS]);
    const { ballotId, eligible } = await b.ok(
      'appraisal',
      'openBallot',
      { id, box: 'assembly', activityId: meeting, mode: 'app' },
      ORG,
    );
    expect(eligible).toBe(9);
    const own = await b.err(
      'appraisal',
      'castBallot',
      { ballotId, marks: { [SEC]: 'excellent' } },
      SEC,
    );
    expect(own).toMatchObject({ code: 'APPRAISAL.NOT_ELIGIBLE', details: { ruleId: 'SEC-13' } });
    for (const [i, m] of VOTERS.entries())
      await b.ok(
        'appraisal',
        'castBallot',
        { ballotId, marks: { [SEC]: i < 6 ? 'excellent' : 'competent' } },
        m,
      );
    expect(
      (await b.err('appraisal', 'castBallot', { ballotId, marks: { [SEC]: 'competent' } }, ORG))
        .code,
    ).toBe('APPRAISAL.ALREADY_VOTED');
    const assembly = await b.ok('appraisal', 'closeBallot', { ballotId }, ORG);
    expect(assembly).toMatchObject({ returned: 9, valid: 9, void: false });
    expect(assembly.tally?.[SEC]).toMatchObject({ excellent: 6, competent: 3 });
    expect(await step(id)).toBe('committee');
    expect(await remind()).toContainEqual([SUP, '请召开述职评议会']);

    // 5. The 述职评议会: the leader's 点评 and a paper count [SEC-09].
    at('2026-12-10T09:00:00+08:00');
    await b.ok('appraisal', 'recordComment', { id, comment: '抓党建责任落实到位。' }, SUP);
    const paper = await b.ok(
      'appraisal',
      'openBallot',
      { id, box: 'committee', mode: 'paper' },
      SUP,
    );
    const counts = { [SEC]: { excellent: 4, competent: 2, basicallyCompetent: 1 } };
    await b.ok(
      'appraisal',
      'enterTally',
      { ballotId: paper.ballotId, issued: 7, returned: 7, counts },
      SUP,
    );
    expect(await step(id)).toBe('grade');
    expect(await remind()).toContainEqual([SUP, '支部书记述职待评定等次']);

    // 6. The grading board shows both evaluations; the superior enters and signs [SEC-10, SEC-11].
    at('2026-12-15T09:00:00+08:00');
    const board = boardOf('secretaryReview', await b.ok('appraisal', 'board', { id }, SUP));
    expect(board.subjects[0].evaluations.map((e) => e.box).sort()).toEqual([
      'assembly',
      'committee',
    ]);
    await b.ok(
      'appraisal',
      'decide',
      {
        id,
        grades: { [SEC]: 'basicallyCompetent' },
        reasons: { [SEC]: '支部组织生活开展不够经常。' },
        verification: 65,
      },
      SUP,
    );
    expect(await step(id)).toBe('publish');
    expect(await remind()).toContainEqual([SUP, '评议等次已评定待公布']);

    // 7. Publication within scope; 基本称职 creates the 提醒谈话 and the rectification [SEC-14, SEC-15].
    at('2026-12-20T09:00:00+08:00');
    await b.ok('appraisal', 'publish', { id }, SUP);
    const mine = await b.ok('appraisal', 'result', { id }, SEC);
    expect(mine).toMatchObject({ grade: 'basicallyCompetent', gradeText: '基本称职' });
    expect(mine.consequences.map((c) => [c.kind, c.ownerId, c.due])).toEqual([
      ['reminderTalk', SUP, '2027-03-20'],
      ['rectification', SEC, '2027-03-20'],
    ]);
    const told = await remind();
    expect(told).toEqual(
      expect.arrayContaining([
        [SEC, '您的述职评议结果已公布'],
        [SUP, '待办：提醒谈话'],
        [SEC, '待办：整改落实'],
      ]),
    );
    expect(await remind()).toEqual([]); // running twice sends nothing twice

    // 8. The consequences stay until done; the record is filed [issue 13 item 10].
    await b.ok(
      'appraisal',
      'completeTask',
      { id, task: 'reminderTalk', note: '已于12月22日进行提醒谈话。' },
      SUP,
    );
    const record = json(
      await b.ok('appraisal', 'form', { id, format: 'json' }, SUP),
    ) as unknown as AppraisalFormOut;
    expect(record.grade).toMatchObject({ gradeText: '基本称职', by: '王建国' });
    expect(record.evaluations.map((e) => [e.box, e.valid])).toEqual([
      ['assembly', 9],
      ['committee', 7],
    ]);
    expect(record.consequences.map((c) => [c.kind, c.done])).toEqual([
      ['reminderTalk', true],
      ['rectification', false],
    ]);
    const out = file(await b.ok('appraisal', 'form', { id, format: 'xlsx' }, SUP));
    const wb = await openBook(await b.emulator.readFile(out.fileId));
    const rows = new Map(texts(wb.getWorksheet('登记表')!).map((r) => [r[0], r[1]]));
    expect(rows.get('评定等次')).toBe('基本称职');
    expect(rows.get('领导点评')).toContain('抓党建责任落实到位。');
  });
});

/** A 焦作 base committee of seven branches, each with a secretary, built through org actions. */
async function jiaozuoTree(): Promise<{
  committee: string;
  branches: string[];
  secretaries: string[];
}> {
  const { id: committee } = await b.ok(
    'org',
    'createOrg',
    {
      parentId: 'demo-committee',
      name: '焦作示范镇党委',
      kind: 'baseCommittee',
      category: 'village',
      profile: 'jiaozuo',
      termStart: '2024-01-01',
    },
    SUP,
  );
  const branches: string[] = [];
  const secretaries: string[] = [];
  for (let i = 1; i <= 7; i++) {
    const { id: orgId } = await b.ok(
      'org',
      'createOrg',
      {
        parentId: committee,
        name: `第${i}村党支部`,
        kind: 'branch',
        category: 'village',
        profile: 'jiaozuo',
        termStart: '2024-01-01',
      },
      SUP,
    );
    const { created } = await b.ok(
      'org',
      'importMembers',
      {
        orgId,
        members: [`书记${i}`, `党员${i}甲`, `党员${i}乙`].map((name) => ({
          name,
          status: 'full' as const,
          joinedAt: '2008-07-01',
        })),
      },
      SUP,
    );
    await b.ok('org', 'setRole', { memberId: created[0], orgId, role: 'secretary', on: true }, SUP);
    const { code } = await b.ok('org', 'createInvite', { memberId: created[0] }, SUP);
    await b.ok('org', 'bind', { code }, `jz-sec-${i}`);
    branches.push(orgId);
    secretaries.push(created[0]);
  }
  return { committee, branches, secretaries };
}

describe('评书记 under the jiaozuo profile', () => {
  it('runs 个人述职 → 民主测评 (党员 and 群众代表) → 组织评定 with the 好 quota → 通报, and the record [SEC-05] [SEC-17] [SEC-18] [SEC-14]', async () => {
    const { branches, secretaries } = await jiaozuoTree();
    const ids: string[] = [];
    for (const orgId of branches)
      ids.push(
        (await b.ok('appraisal', 'open', { kind: 'secretaryReview', orgId, year: 2026 }, SUP)).id,
      );
    // Two of the seven go the whole way; the quota counts all seven secretaries [SEC-18].
    for (const [i, id] of ids.slice(0, 2).entries()) {
      const me = `jz-sec-${i + 1}`;
      const report = await b.ok('appraisal', 'report', { id }, me);
      expect(report.sections).toHaveLength(8); // 农村: the SEC-05 topics too
      const all = Object.fromEntries(
        report.sections.map((x) => [x.key, `${x.title}方面认真履职。`]),
      );
      await b.ok('appraisal', 'saveReport', { id, sections: all }, me);
      await b.ok('appraisal', 'submitReport', { id }, me);
      await b.ok('appraisal', 'approveReport', { id, approve: true }, SUP);
      const votes = { [secretaries[i]]: { good: 2 - i, fairlyGood: 3 + i } };
      for (const box of ['assembly', 'masses'] as const) {
        const { ballotId } = await b.ok('appraisal', 'openBallot', { id, box, mode: 'paper' }, SUP);
        await b.ok(
          'appraisal',
          'enterTally',
          { ballotId, issued: 5, returned: 5, counts: votes },
          SUP,
        );
      }
      expect(await step(id)).toBe('grade'); // no 向基层党委述职 step [SEC-17]
    }
    const board = boardOf('secretaryReview', await b.ok('appraisal', 'board', { id: ids[0] }, SUP));
    expect(board.grades).toEqual(['good', 'fairlyGood', 'average', 'poor']);
    expect(board.quota).toMatchObject({ grade: 'good', limit: 1, used: 0, left: 1, of: 7 });

    const good = (i: number) => ({
      id: ids[i],
      grades: { [secretaries[i]]: 'good' as const },
      reasons: { [secretaries[i]]: '群众满意度高。' },
    });
    await b.ok('appraisal', 'decide', good(0), SUP);
    expect(
      boardOf(
        'secretaryReview',
        boardOf('secretaryReview', await b.ok('appraisal', 'board', { id: ids[1] }, SUP)),
      ).quota,
    ).toMatchObject({
      used: 1,
      left: 0,
    });
    expect((await b.err('appraisal', 'decide', good(1), SUP)).code).toBe('APPRAISAL.OVER_QUOTA');
    await b.ok(
      'appraisal',
      'decide',
      { id: ids[1], grades: { [secretaries[1]]: 'fairlyGood' } },
      SUP,
    );
    for (const id of ids.slice(0, 2)) await b.ok('appraisal', 'publish', { id }, SUP);
    const first = await b.ok('appraisal', 'result', { id: ids[0] }, 'jz-sec-1');
    expect(first).toMatchObject({ grade: 'good', gradeText: '好', commended: true });

    const record = json(
      await b.ok('appraisal', 'form', { id: ids[0], format: 'json' }, SUP),
    ) as unknown as AppraisalFormOut;
    expect(record).toMatchObject({ profileName: '焦作“评书记”', commended: true });
    expect(record.evaluations.map((e) => e.box)).toEqual(['assembly', 'masses']);
  });
});
