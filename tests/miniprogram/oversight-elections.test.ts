/** @jest-environment ./tests/setup/page-environment.ts */
// 支部换届, against the real backend: the branch secretary files the 换届选举请示 (date, seats,
// content); the superior approves it with a note or returns it; after the election meeting the
// superior records the new committee, and the members' posts change. Each step is said in words.
import { voteKit } from '../support/vote-kit';
import {
  actAs,
  find,
  loadPage,
  openPage,
  settle,
  tap,
  textOf,
  typeText,
  useBackend,
} from '../setup/simulate';

const server = useBackend('demo');
let electionsPage: string;
const kit = voteKit(() => server.backend);

beforeAll(() => {
  electionsPage = loadPage('subpackages/org/elections/index');
});
afterEach(() => server.backend.restoreClock());

/** The 换届选举请示 documents, whichever collection the backend keeps them in. */
function requests() {
  for (const name of ['electionRequests', 'elections']) {
    try {
      const docs = server.backend.docs(name).filter((d) => 'plannedDate' in d);
      if (docs.length) return docs;
    } catch {
      // not a collection of this backend
    }
  }
  return [];
}
/** A request's id as the page's class name. */
const key = (id: string) => id.replace(/[^\w-]/g, '-');
const memberDoc = (id: string) => server.backend.docs('members').find((m) => m._id === id)!;

async function fileAsSecretary() {
  actAs('demo-secretary');
  const page = await openPage(electionsPage);
  find(page, '.planned-picker')?.dispatchEvent('change', { detail: { value: '2027-05-20' } });
  await settle();
  await typeText(
    page,
    '.reason-input',
    '本届支委任期将于2027年6月届满，拟召开党员大会选举新一届支部委员会',
  );
  await tap(page, '.file-button', '.t-button');
  return page;
}

async function decideAsSuperior(approve: boolean, note: string) {
  actAs('demo-superior');
  const page = await openPage(electionsPage, { orgId: 'demo-committee' });
  const id = requests()[0]._id as string;
  await tap(page, `.election-${key(id)} .decide-open`, '.t-button');
  await typeText(page, '.note-input', note);
  await tap(page, approve ? '.approve-button' : '.reject-button', '.t-button');
  return { page, id };
}

describe('支部换届', () => {
  it('[ORG-20] should let the secretary file a 请示 only with its date and content', async () => {
    actAs('demo-secretary');
    const page = await openPage(electionsPage);
    await tap(page, '.file-button', '.t-button');
    expect(textOf(find(page, '.form-message'))).toBe('请填写计划选举日期、请示内容');
    expect(requests()).toHaveLength(0);

    const filed = await fileAsSecretary();
    const [doc] = requests();
    expect(doc).toMatchObject({ orgId: 'demo-branch', plannedDate: '2027-05-20', seats: 5 });
    const row = textOf(find(filed, `.election-${key(doc._id as string)}`));
    expect(row).toContain('已请示，等待上级批复');
    expect(row).toContain('✓ 1. 提交请示');
    expect(row).toContain('→ 2. 上级批复');
    expect(row).toContain('计划选举日期：2027年5月20日');
    // One open 请示 at a time: the form is gone.
    expect(find(filed, '.file-button')).toBeUndefined();
    expect(find(filed, '.decide-open')).toBeUndefined();
  });

  it('[ORG-20] [ORG-21] should let the superior approve with a note, and say what comes next', async () => {
    await fileAsSecretary();
    actAs('demo-superior');
    const page = await openPage(electionsPage, { orgId: 'demo-committee' });
    const id = requests()[0]._id as string;
    await tap(page, `.election-${key(id)} .decide-open`, '.t-button');
    await tap(page, '.approve-button', '.t-button');
    expect(textOf(find(page, '.decide-error'))).toBe('请写明批复意见');
    expect(requests()[0].step).toBe('requested');

    await typeText(page, '.note-input', '同意按期换届');
    await tap(page, '.approve-button', '.t-button');
    expect(requests()[0]).toMatchObject({ step: 'approved', note: '同意按期换届' });
    const row = textOf(find(page, `.election-${key(id)}`));
    expect(row).toContain('上级已同意，待召开选举大会');
    expect(row).toContain('上级意见：同意按期换届');
    expect(textOf(find(page, `.election-${key(id)} .wait-election`))).toContain('召开选举大会');
  });

  it('[ORG-20] should show a returned 请示 and its note to the secretary, who may file again', async () => {
    await fileAsSecretary();
    await decideAsSuperior(false, '请先完成党员发展材料整理后再报');
    expect(requests()[0].step).toBe('rejected');
    actAs('demo-secretary');
    const page = await openPage(electionsPage);
    const row = textOf(find(page, `.election-${key(requests()[0]._id as string)}`));
    expect(row).toContain('上级未同意，已退回');
    expect(row).toContain('上级意见：请先完成党员发展材料整理后再报');
    expect(find(page, '.file-button')).toBeDefined();
  });

  it('[ORG-20] should record the new committee after the election, and update the posts', async () => {
    await fileAsSecretary();
    await decideAsSuperior(true, '同意');
    const activityId = await kit.meeting(kit.FULL.slice(0, 11));
    await server.backend.ok('activity', 'elect', kit.ballot(activityId), kit.SEC);

    actAs('demo-superior');
    const page = await openPage(electionsPage, { orgId: 'demo-committee' });
    const id = requests()[0]._id as string;
    expect(textOf(find(page, `.election-${key(id)} .election__step`))).toBe(
      '已选举，待登记新一届支委会',
    );
    await tap(page, `.election-${key(id)} .record-open`, '.t-button');
    await tap(page, '.record-button', '.t-button');
    expect(textOf(find(page, '.record-error'))).toBe('请为当选的支委选择职务');

    find(page, '.elected-picker')?.dispatchEvent('change', { detail: { value: '2026-12-04' } });
    await settle();
    for (const [member, role] of [
      ['demo-secretary', 'secretary'],
      ['demo-organizer', 'orgCommissioner'],
      ['demo-member-1', 'deputySecretary'],
    ]) {
      await tap(page, `.pick-${member} .pick__row`);
      await tap(page, `.pick-${member} .role-${role}`);
    }
    expect(textOf(find(page, '.pick-demo-member-1'))).toContain('✓ 副书记');
    await tap(page, '.record-button', '.t-button');

    expect(requests()[0].step).toBe('recorded');
    expect(memberDoc('demo-member-1').roles).toContainEqual({
      orgId: 'demo-branch',
      role: 'deputySecretary',
    });
    expect(memberDoc('demo-secretary').roles).toContainEqual({
      orgId: 'demo-branch',
      role: 'secretary',
    });
    // The organizer keeps the duty role 记分员 that the election does not touch.
    expect(memberDoc('demo-organizer').roles).toContainEqual({
      orgId: 'demo-branch',
      role: 'scorer',
    });
    expect(textOf(find(page, '.done'))).toBe('新一届支委已登记，职务已更新');
    expect(textOf(find(page, `.election-${key(id)}`))).toContain('新一届支委会已产生');
  });

  it('should turn a plain member away', async () => {
    actAs('demo-member-1');
    const page = await openPage(electionsPage);
    expect(textOf(page)).toContain('换届选举请示由支部书记或副书记提交');
  });
});
