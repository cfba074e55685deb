/** @jest-environment ./tests/setup/page-environment.ts */
// Finished activities as members and the superior meet them, against the real backend: the 纪实
// with the original and each correction [MTG-20], 主持台 first for whoever may run the activity,
// and the superior's answer to a late registration [MTG-18].
import { actAs, find, loadPage, openPage, tap, textOf, useBackend } from '../setup/simulate';

const server = useBackend('demo');
let detailPage: string;
let hostPage: string;

beforeAll(() => {
  detailPage = loadPage('subpackages/activity/detail/index');
  hostPage = loadPage('subpackages/activity/host/index');
});

const LAST = 'demo-theme-day-last';
const ORIGINAL = '书记李红主持，集中交纳党费';

async function amend(): Promise<void> {
  await server.backend.ok(
    'activity',
    'record',
    {
      activityId: LAST,
      minutes: '书记李红主持，集中交纳党费，全体党员重温入党誓词，补记：王五因公请假。',
      resolutions: ['各党小组本月内开展一次学习交流', '下月开展志愿服务'],
      reason: '漏记一项决议',
    },
    'demo-secretary',
  );
}

async function lateActivity(): Promise<string> {
  const { id } = await server.backend.ok(
    'activity',
    'create',
    {
      orgId: 'demo-branch',
      type: 'partyLecture',
      title: '补录的党课',
      startAt: '2026-11-20T15:00:00+08:00',
      endAt: '2026-11-20T17:00:00+08:00',
      lateReason: '当天停电，线下开展，未能在线创建',
    },
    'demo-secretary',
  );
  return id;
}

describe('已结束活动的纪实', () => {
  it('should let a member read the minutes and resolutions of an archived record', async () => {
    actAs('demo-member-1');
    const page = await openPage(detailPage, { id: LAST });
    const text = textOf(find(page, '.record-history'));
    expect(text).toContain('会议纪实');
    expect(text).toContain(ORIGINAL);
    expect(text).toContain('1. 各党小组本月内开展一次学习交流');
    expect(text).toContain('到会党员认真学习');
    expect(text).not.toContain('更正');
  });

  it('should show the original and each correction with who, when and why [MTG-20]', async () => {
    await amend();
    actAs('demo-member-1');
    const page = await openPage(detailPage, { id: LAST });
    const original = textOf(find(page, '.record-history', '.version-original'));
    const amendment = textOf(find(page, '.record-history', '.version-amend-0'));
    expect(original).toContain('原始记录');
    expect(original).toContain(ORIGINAL);
    expect(original).not.toContain('补记');
    expect(amendment).toContain('第 1 次更正');
    expect(amendment).toContain('更正理由：漏记一项决议');
    expect(amendment).toMatch(/\d+月\d+日.* \d{2}:\d{2} 更正/);
    expect(amendment).toContain('补记：王五因公请假');
    expect(amendment).toContain('2. 下月开展志愿服务');
  });

  it('should show the same history above the correction form on 主持台 [MTG-20]', async () => {
    await amend();
    actAs('demo-secretary');
    const page = await openPage(hostPage, { id: LAST });
    const text = textOf(find(page, '.record-history'));
    expect(text).toContain('原始记录');
    expect(text).toContain('更正理由：漏记一项决议');
    expect(find(page, '.record-form')).toBeDefined();
  });

  it('should show no 纪实 of an activity not yet held', async () => {
    actAs('demo-member-1');
    const page = await openPage(detailPage, { id: 'demo-theme-day' });
    expect(find(page, '.record-history')).toBeUndefined();
  });
});

describe('主持台在前', () => {
  it('should put 主持台 above everything else for whoever may run the activity', async () => {
    actAs('demo-secretary');
    const page = await openPage(detailPage, { id: 'demo-theme-day' });
    const text = textOf(page);
    expect(find(page, '.host-link-group')).toBeDefined();
    expect(text.indexOf('进入主持台')).toBeGreaterThan(-1);
    expect(text.indexOf('进入主持台')).toBeLessThan(text.indexOf('我的参加情况'));
    expect(text.indexOf('进入主持台')).toBeLessThan(text.indexOf('时间'));
  });

  it('should offer a plain member no 主持台', async () => {
    actAs('demo-member-1');
    const page = await openPage(detailPage, { id: 'demo-theme-day' });
    expect(find(page, '.host-link-group')).toBeUndefined();
  });
});

describe('补录的审批', () => {
  it('should let the superior approve a late registration, stored [MTG-18]', async () => {
    const id = await lateActivity();
    actAs('demo-superior');
    const page = await openPage(detailPage, { id });
    expect(textOf(find(page, '.late'))).toContain('补录待上级党组织批准');
    expect(textOf(find(page, '.late'))).toContain('当天停电');
    await tap(page, '.late-approve', '.t-button');
    const stored = server.backend.docs('activities').find((a) => a._id === id);
    expect(stored?.lateRegistration).toEqual({
      reason: '当天停电，线下开展，未能在线创建',
      approved: true,
    });
    expect(textOf(page)).toContain('已批准补录');
    expect(textOf(find(page, '.late'))).toContain('上级党组织已批准补录');
    expect(find(page, '.late-revoke')).toBeDefined();
  });

  it('should keep it uncounted when the superior does not approve [MTG-18]', async () => {
    const id = await lateActivity();
    actAs('demo-superior');
    const page = await openPage(detailPage, { id });
    await tap(page, '.late-refuse', '.t-button');
    const stored = server.backend.docs('activities').find((a) => a._id === id);
    expect(stored?.lateRegistration?.approved).toBe(false);
    expect(textOf(page)).toContain('已答复不批准');
  });

  it('should show the secretary the state but no 批准 [MTG-18]', async () => {
    const id = await lateActivity();
    actAs('demo-secretary');
    const page = await openPage(detailPage, { id });
    expect(textOf(find(page, '.late'))).toContain('补录待上级党组织批准');
    expect(find(page, '.late-approve')).toBeUndefined();
  });
});
