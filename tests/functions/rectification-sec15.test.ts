import type { AppraisalDoc } from '../../cloudfunctions/_shared/repos/appraisals';
import { SEC, SUP, toGrade } from '../support/appraisal-grading-kit';
import { Backend, startBackend } from '../support/backend';

/**
 * 双述双评's rectification on the branch's rectification list [SEC-15, APR-18]: published, it is
 * an item of the list; completing it on either side completes the other.
 */
let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));
afterEach(() => b.restoreClock());

const ref = { orgId: 'demo-branch', year: 2026 };
const DEPUTY = 'demo-organizer'; // a commissioner: closes the secretary's item in their place

async function published(): Promise<string> {
  const id = await toGrade(b);
  await b.ok(
    'appraisal',
    'decide',
    { id, grades: { [SEC]: 'basicallyCompetent' }, verification: 60 },
    SUP,
  );
  await b.ok('appraisal', 'publish', { id }, SUP);
  return id;
}
const item = async (who = SEC) =>
  (await b.ok('appraisal', 'rectifications', ref, who)).items.find(
    (i: { source: string }) => i.source === 'secretaryReview',
  );
const task = () =>
  b.docs<AppraisalDoc>('appraisals')[0].tasks.find((t) => t.kind === 'rectification')!;

describe('双述双评 on the rectification list [SEC-15]', () => {
  it('lists the 基本称职 secretary’s rectification on the branch’s list, owned by the secretary and due with the task [SEC-15, APR-18]', async () => {
    await published();
    expect(await item()).toMatchObject({
      sourceWord: '双述双评',
      ownerKind: 'secretary',
      ownerId: SEC,
      deadline: '2027-03-01',
      doneOn: null,
      mayReport: true,
      mayClose: false,
    });
    // not twice on the secretary's to-do list: 双述双评's own follow-up stands for it
    const todo = (await b.ok('org', 'todo', { orgId: 'demo-branch' }, SEC)).items;
    expect(todo.filter((i: { title: string }) => i.title.includes('整改'))).toHaveLength(1);
  });

  it('closes the list item when the secretary reports the rectification done [SEC-15]', async () => {
    const id = await published();
    await b.ok('appraisal', 'completeTask', { id, task: 'rectification', note: '已整改到位' }, SEC);
    expect(await item()).toMatchObject({ doneOn: '2026-12-01', evidence: ['已整改到位'] });
    expect((await b.ok('appraisal', 'rectifications', ref, SEC)).status.open).toBe(0);
  });

  it('completes 双述双评’s task when the committee closes the item — never the secretary on their own [SEC-15, PRIV-21]', async () => {
    await published();
    const { id: itemId } = (await item())!;
    const close = { ...ref, itemId, on: '2026-12-01', evidence: ['整改报告已报上级'] };
    expect((await b.err('appraisal', 'closeRectification', close, SEC)).code).toBe(
      'AUTH.FORBIDDEN',
    );
    expect(task().done).toBe(false);
    await b.ok('appraisal', 'closeRectification', close, DEPUTY);
    expect(task()).toMatchObject({ done: true, note: '整改报告已报上级', doneBy: DEPUTY });
    const todo = (await b.ok('org', 'todo', { orgId: 'demo-branch' }, SEC)).items;
    expect(todo.filter((i: { title: string }) => i.title.includes('整改'))).toEqual([]);
  });
});
