import { Backend, snapshot, startBackend } from '../support/backend';
import type { ActionInput } from '../../miniprogram/services/types';
import { orgTreeOf, person, SEC, SUP } from '../support/org-rules';

let b: Backend;
let t: ReturnType<typeof orgTreeOf>;
beforeAll(async () => {
  b = await startBackend();
  t = orgTreeOf(b);
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));
const nodeOf = (orgId: string) => t.nodeOf(orgId);
const newBranch = (...a: Parameters<typeof t.newBranch>) => t.newBranch(...a);

describe('五化 [ORG-26, ORG-27, ORG-28, ORG-29, ORG-31, PRIV-11]', () => {
  it('starts 未申报 with the five dimensions, due one month after founding for a new branch [ORG-26, ORG-27]', async () => {
    b.emulator.clock.freeze(Date.parse('2026-03-10T02:00:00Z'));
    const id = await newBranch('三月新建党支部');
    const view = await b.ok('org', 'fiveStandards', { orgId: id, year: 2026 }, SUP);
    expect(view).toMatchObject({ status: 'notDeclared', statusLabel: '未申报', due: '2026-04-10' });
    expect(view.dimensions).toHaveLength(5);
    expect(view.alerts.find((a: any) => a.ruleId === 'ORG-27')).toMatchObject({ level: 'info' });
    b.emulator.clock.freeze(Date.parse('2026-04-20T02:00:00Z'));
    expect((await nodeOf(id)).alerts.find((a: any) => a.ruleId === 'ORG-27')).toMatchObject({
      level: 'warning',
      message: expect.stringContaining('已逾期'),
    });
    await b.ok('org', 'saveFiveStandards', { orgId: id, year: 2026, declare: true }, SUP);
    const after = await b.ok('org', 'fiveStandards', { orgId: id, year: 2026 }, SUP);
    expect(after).toMatchObject({ status: 'declared', declaredOn: '2026-04-20' });
    expect(after.alerts.filter((a: any) => a.ruleId === 'ORG-27')).toEqual([]);
    b.restoreClock();
  });
  it('alerts on past months of the progress table without 完成情况 [ORG-28]', async () => {
    const progress = Array.from({ length: 12 }, (_, i) => ({
      month: i + 1,
      target: `第${i + 1}月目标`,
      ...(i < 9 ? { done: '已完成' } : {}),
    }));
    const view = await b.ok(
      'org',
      'saveFiveStandards',
      { orgId: 'demo-branch', year: 2026, declare: true, progress },
      SEC,
    );
    expect(view.progress).toHaveLength(12);
    expect(view.alerts.find((a: any) => a.ruleId === 'ORG-28')?.message).toBe(
      '五化创建进度表10月、11月的完成情况未填写',
    );
    await b.ok(
      'org',
      'saveFiveStandards',
      {
        orgId: 'demo-branch',
        year: 2026,
        progress: [
          { month: 10, done: '完成' },
          { month: 11, done: '完成' },
        ],
      },
      SEC,
    );
    const fixed = await b.ok('org', 'fiveStandards', { orgId: 'demo-branch', year: 2026 }, SEC);
    expect(fixed.alerts.filter((a: any) => a.ruleId === 'ORG-28')).toEqual([]);
    expect(fixed.progress[0].target).toBe('第1月目标');
  });
  it('fills the 示范点 form from the records and masks the contact; opinions are the superior’s [ORG-29, PRIV-11, PRIV-03]', async () => {
    const model = { contact: '13912345678', basics: '基础扎实', highlights: '党建引领' };
    const view = await b.ok(
      'org',
      'saveFiveStandards',
      { orgId: 'demo-branch', year: 2026, model: { ...model, submit: true } },
      SEC,
    );
    expect(view.model).toMatchObject({
      members: 14,
      committee: 2,
      secretaryName: expect.any(String),
      contact: '139****5678',
      due: '2026-05-31',
      submittedOn: '2026-12-01',
    });
    expect(JSON.stringify(view)).not.toContain('13912345678');
    const before = snapshot(b);
    const opinion = { orgId: 'demo-branch', year: 2026, model: { superiorOpinion: '同意推荐' } };
    expect((await b.err('org', 'saveFiveStandards', opinion, SEC)).code).toBe('AUTH.FORBIDDEN');
    expect(snapshot(b)).toBe(before);
    const sup = await b.ok('org', 'saveFiveStandards', opinion, SUP);
    expect(sup.model).toMatchObject({ superiorOpinion: '同意推荐', basics: '基础扎实' });
  });
  it('counts a roster imported once and refuses to key the same person again [PRIV-11]', async () => {
    const rows = [
      person('赵一', { birthDate: '1970-01-01' }),
      person('钱二', { birthDate: '1971-01-01' }),
    ];
    expect(
      (await b.ok('org', 'importMembers', { orgId: 'demo-branch', members: rows }, SEC)).created,
    ).toHaveLength(2);
    const again = await b.ok('org', 'importMembers', { orgId: 'demo-branch', members: rows }, SEC);
    expect(again.created).toEqual([]);
    expect(again.errors.map((e) => e.code)).toEqual(['MEMBER.DUPLICATE', 'MEMBER.DUPLICATE']);
    const view = await b.ok('org', 'fiveStandards', { orgId: 'demo-branch', year: 2026 }, SEC);
    expect(view.model.members).toBe(16);
    expect((await nodeOf('demo-branch')).members.total).toBe(16);
  });
  it('checks the 六有 room with its manager, and the 入党誓词 in 咸宁 [ORG-31]', async () => {
    const room = async () =>
      (await b.ok('org', 'fiveStandards', { orgId: 'demo-branch', year: 2026 }, SEC)).alerts.find(
        (a: any) => a.ruleId === 'ORG-31',
      );
    expect((await room())?.message).toContain('有场所');
    const items = {
      site: true,
      facilities: true,
      signage: true,
      flag: true,
      books: true,
      rules: true,
    };
    const bad = await b.err(
      'org',
      'saveFiveStandards',
      { orgId: 'demo-branch', year: 2026, room: { items, managerId: 'demo-member-9x' } },
      SEC,
    );
    expect(bad.code).toBe('INPUT.INVALID');
    await b.ok(
      'org',
      'saveFiveStandards',
      { orgId: 'demo-branch', year: 2026, room: { items, managerId: 'demo-member-2' } },
      SEC,
    );
    expect(await room()).toBeUndefined();
    const xianning = await newBranch('咸宁党支部', { profile: 'xianning' });
    const view = await b.ok(
      'org',
      'saveFiveStandards',
      { orgId: xianning, year: 2026, room: { items } },
      SUP,
    );
    expect(view.alerts.find((a: any) => a.ruleId === 'ORG-31')?.message).toBe(
      '党员活动室尚缺：明确活动室管理人、张贴入党誓词',
    );
  });
  it('leaves 达标 and 抽查不合格 to the superior, with a reason; 达标 carries into later years [ORG-26]', async () => {
    type StatusInput = ActionInput<'org', 'setFiveStandardsStatus'>;
    const met: StatusInput = {
      orgId: 'demo-branch',
      year: 2025,
      status: 'met',
      reason: '验收达标',
    };
    expect((await b.err('org', 'setFiveStandardsStatus', met, SEC)).code).toBe('AUTH.FORBIDDEN');
    await b.ok('org', 'setFiveStandardsStatus', met, SUP);
    const view = (year: number) =>
      b.ok('org', 'fiveStandards', { orgId: 'demo-branch', year }, SEC);
    expect((await view(2026)).statusLabel).toBe('达标');
    const failed: StatusInput = {
      ...met,
      year: 2026,
      status: 'spotFailed',
      reason: '抽查发现记录不全',
    };
    await b.ok('org', 'setFiveStandardsStatus', failed, SUP);
    expect((await nodeOf('demo-branch')).fiveStandards).toBe('抽查不合格');
    expect((await view(2027)).status).toBe('notDeclared');
  });
});
