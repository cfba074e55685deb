import { Backend, snapshot, startBackend } from '../support/backend';
import type { ActionInput } from '../../miniprogram/services/types';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));

const branch = (name: string, category: string): ActionInput<'org', 'createOrg'> => ({
  parentId: 'demo-committee',
  name,
  kind: 'branch',
  category,
  termStart: '2026-01-01',
});

const setting = async (orgId: string, key: string, as = 'demo-superior') => {
  const { items } = await b.ok('org', 'settings', { orgId }, as);
  return items.find((i) => i.key === key);
};

describe('branch settings', () => {
  it('turns points on by default for 农村 and 社区 branches and off for the others [PTS-01]', async () => {
    const village = await b.ok('org', 'createOrg', branch('村党支部', '农村'), 'demo-superior');
    const community = await b.ok(
      'org',
      'createOrg',
      branch('社区党支部', 'community'),
      'demo-superior',
    );
    const organ = await b.ok('org', 'createOrg', branch('机关第三党支部', '机关'), 'demo-superior');
    expect(await setting(village.id, 'pointsEnabled')).toMatchObject({
      value: true,
      isDefault: true,
    });
    expect(await setting(community.id, 'pointsEnabled')).toMatchObject({ value: true });
    expect(await setting(organ.id, 'pointsEnabled')).toMatchObject({
      value: false,
      default: false,
      ruleId: 'PTS-01',
      label: '党员积分管理',
    });
  });

  it('lets the secretary switch points on, with the reason stored in the audit log [PTS-01, PRIV-06]', async () => {
    const organ = await b.ok('org', 'createOrg', branch('机关第三党支部', '机关'), 'demo-superior');
    await b.ok(
      'org',
      'setSetting',
      { orgId: organ.id, key: 'pointsEnabled', value: true, reason: '支委会研究决定开展积分管理' },
      'demo-superior',
    );
    expect(await setting(organ.id, 'pointsEnabled')).toMatchObject({
      value: true,
      isDefault: false,
    });
    const entry = b
      .docs('auditLogs')
      .find((a) => a.entity === 'orgs.settings.pointsEnabled' && a.entityId === organ.id);
    expect(entry).toMatchObject({
      before: false,
      after: true,
      reason: '支委会研究决定开展积分管理',
      actor: { memberId: 'demo-superior' },
    });
  });

  it('refuses a member and a commissioner, and a value outside the setting, changing nothing', async () => {
    const before = snapshot(b);
    const data = {
      orgId: 'demo-branch',
      key: 'pointsEnabled',
      value: false,
      reason: '不需要',
    } as const;
    expect((await b.err('org', 'setSetting', data, 'demo-member-1')).code).toBe('AUTH.FORBIDDEN');
    expect((await b.err('org', 'setSetting', data, 'demo-organizer')).code).toBe('AUTH.FORBIDDEN');
    const bad = await b.err('org', 'setSetting', { ...data, value: 3 }, 'demo-secretary');
    expect(bad).toMatchObject({ code: 'INPUT.INVALID', message: '请选择开启或关闭' });
    const noReason = await b.err('org', 'setSetting', { ...data, reason: ' ' }, 'demo-secretary');
    expect(noReason.code).toBe('INPUT.INVALID');
    expect(noReason.message).not.toMatch(/[a-zA-Z]/);
    expect(snapshot(b)).toEqual(before);
  });

  it('switching points off stops the points actions of the branch [PTS-01]', async () => {
    await b.ok(
      'org',
      'setSetting',
      { orgId: 'demo-branch', key: 'pointsEnabled', value: false, reason: '改为年底集中评定' },
      'demo-secretary',
    );
    const refused = await b.err('points', 'index', { year: 2026 }, 'demo-member-1');
    expect(refused.code).toBe('POINTS.DISABLED');
  });
});
