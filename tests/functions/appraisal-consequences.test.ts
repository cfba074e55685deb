import type { AppraisalDoc } from '../../cloudfunctions/_shared/repos/appraisals';
import { boardOf } from '../support/narrow';
import { ORG, SEC, SUP, toGrade as run } from '../support/appraisal-grading-kit';
import { Backend, snapshot, startBackend } from '../support/backend';

/**
 * The consequences of a published grade through the API [SEC-15, SEC-16]: the steps
 * before run through CORE's actions (support/appraisal-grading-kit.ts).
 */
let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));
afterEach(() => b.restoreClock());

const toGrade = () => run(b);

describe('consequences [SEC-15, SEC-16]', () => {
  it('gives 基本称职 a 提醒谈话 and a rectification due 3 months after publication, on both to-do lists until done [SEC-15]', async () => {
    const id = await toGrade();
    await b.ok(
      'appraisal',
      'decide',
      { id, grades: { [SEC]: 'basicallyCompetent' }, verification: 60 },
      SUP,
    );
    await b.ok('appraisal', 'publish', { id }, SUP);
    const tasks = b.docs<AppraisalDoc>('appraisals')[0].tasks;
    // published 2026-12-01 (the demo instant) + 3 months
    expect(tasks.map((t) => [t.kind, t.ownerId, t.due])).toEqual([
      ['reminderTalk', SUP, '2027-03-01'],
      ['rectification', SEC, '2027-03-01'],
    ]);
    const todo = async (who: string, orgId: string) =>
      (await b.ok('org', 'todo', { orgId }, who)).items.filter(
        (i) => i.kind === 'appraisalFollowUp',
      );
    expect((await todo(SEC, 'demo-branch')).map((i) => i.ruleId)).toEqual(['SEC-15', 'SEC-15']);
    expect(await todo(SUP, 'demo-committee')).toHaveLength(2);
    expect(await todo(ORG, 'demo-branch')).toEqual([]);
    // only the owner reports the rectification; only the superior records the talk
    const before = snapshot(b);
    const note = { id, note: '已完成' };
    expect(
      (await b.err('appraisal', 'completeTask', { ...note, task: 'rectification' }, ORG)).code,
    ).toBe('AUTH.FORBIDDEN');
    expect(
      (await b.err('appraisal', 'completeTask', { ...note, task: 'reminderTalk' }, SEC)).code,
    ).toBe('AUTH.FORBIDDEN');
    expect(
      (await b.err('appraisal', 'completeTask', { ...note, task: 'orgHandling' }, SUP)).code,
    ).toBe('NOT_FOUND');
    expect(snapshot(b)).toBe(before);
    await b.ok('appraisal', 'completeTask', { ...note, task: 'rectification' }, SEC);
    expect((await todo(SEC, 'demo-branch')).map((i) => i.title)).toEqual([
      expect.stringContaining('提醒谈话'),
    ]);
    expect(await todo(SUP, 'demo-committee')).toHaveLength(1);
    await b.ok('appraisal', 'completeTask', { ...note, task: 'reminderTalk' }, SUP);
    expect(await todo(SEC, 'demo-branch')).toEqual([]);
    expect(await todo(SUP, 'demo-committee')).toEqual([]);
    const again = snapshot(b);
    expect(
      (await b.err('appraisal', 'completeTask', { ...note, task: 'reminderTalk' }, SUP)).code,
    ).toBe('CONFLICT');
    expect(snapshot(b)).toBe(again);
  });
  it('flags 组织处理 to the superior for 基本称职 two years running for the same person, led elsewhere last year; nothing automatic [SEC-16]', async () => {
    const id = await toGrade();
    const last: AppraisalDoc = {
      ...b.docs<AppraisalDoc>('appraisals')[0],
      _id: 'secretaryReview:demo-secretary:2025',
      year: 2025,
      orgId: 'demo-branch-2',
      orgName: '机关第二党支部',
      step: 'done',
      decision: {
        grade: 'basicallyCompetent',
        reason: null,
        verification: 60,
        weighted: 61,
        by: SUP,
        at: new Date('2025-12-20T02:00:00Z'),
      },
      publishedAt: new Date('2025-12-21T02:00:00Z'),
      tasks: [],
    };
    b.emulator.store.get('appraisals')!.set(last._id, last as never);
    const board = boardOf('secretaryReview', await b.ok('appraisal', 'board', { id }, SUP));
    expect(board.subjects[0].flags.map((f) => f.ruleId)).toEqual(['SEC-16']);
    const roles = JSON.stringify(b.docs('members').find((m) => m._id === SEC).roles);
    await b.ok(
      'appraisal',
      'decide',
      { id, grades: { [SEC]: 'basicallyCompetent' }, verification: 60 },
      SUP,
    );
    await b.ok('appraisal', 'publish', { id }, SUP);
    const doc = b.docs<AppraisalDoc>('appraisals').find((d) => d._id === id)!;
    expect(doc.tasks.map((t) => t.kind)).toEqual(['reminderTalk', 'rectification', 'orgHandling']);
    expect(doc.tasks[2]).toMatchObject({ ownerId: SUP, due: null, done: false });
    // the secretary keeps the office; the flag is the superior's, not on the secretary's list
    expect(JSON.stringify(b.docs('members').find((m) => m._id === SEC).roles)).toBe(roles);
    const secTodo = await b.ok('org', 'todo', { orgId: 'demo-branch' }, SEC);
    expect(secTodo.items.some((i) => i.ruleId === 'SEC-16')).toBe(false);
    const supTodo = await b.ok('org', 'todo', { orgId: 'demo-committee' }, SUP);
    expect(supTodo.items.filter((i) => i.ruleId === 'SEC-16')).toEqual([
      expect.objectContaining({ level: 'alert', title: expect.stringContaining('组织处理') }),
    ]);
    expect(
      (await b.ok('appraisal', 'result', { id }, SEC)).consequences.map((t) => t.kind),
    ).toEqual(['reminderTalk', 'rectification']);
    await b.ok(
      'appraisal',
      'completeTask',
      { id, task: 'orgHandling', note: '党委会研究，暂不调整' },
      SUP,
    );
    expect(JSON.stringify(b.docs('members').find((m) => m._id === SEC).roles)).toBe(roles);
  });
  it('flags 组织处理 for 不称职 at once, with no rectification task [SEC-16]', async () => {
    const id = await toGrade();
    await b.ok(
      'appraisal',
      'decide',
      { id, grades: { [SEC]: 'incompetent' }, verification: 20 },
      SUP,
    );
    await b.ok('appraisal', 'publish', { id }, SUP);
    expect(b.docs<AppraisalDoc>('appraisals')[0].tasks.map((t) => t.kind)).toEqual(['orgHandling']);
  });
});
