/** @jest-environment ./tests/setup/page-environment.ts */
// 支部设置 and 支委分工, against the real backend: the secretary changes a branch setting with a
// reason kept in the audit log; without a reason nothing changes; settings only the superior may
// change are shown, not offered. The secretary writes a 支委's duty. Others are turned away.
import {
  actAs,
  answerDialogs,
  find,
  loadPage,
  openPage,
  tap,
  textOf,
  typeText,
  useBackend,
  type PageComponent,
} from '../setup/simulate';

const server = useBackend('demo');
let settingsPage: string;
let dutyPage: string;

beforeAll(() => {
  settingsPage = loadPage('subpackages/org/settings/index');
  dutyPage = loadPage('subpackages/org/duty/index');
});

afterEach(() => jest.restoreAllMocks());

const settingRow = (page: PageComponent, label: string) => {
  const i = (page.data.items as { label: string }[]).findIndex((s) => s.label === label);
  if (i < 0) throw new Error(`no setting ${label}`);
  return `.setting-${i}`;
};

const batches = async () =>
  (
    await server.backend.ok('org', 'settings', { orgId: 'demo-branch' }, 'demo-secretary')
  ).items.find((s: { key: string }) => s.key === 'td.batches')?.value;

describe('支部设置', () => {
  it('should change a branch setting with its reason, kept in the audit log', async () => {
    actAs('demo-secretary');
    const page = await openPage(settingsPage);
    const row = settingRow(page, '主题党日分几批举行（每名党员参加其中一批）');
    expect(textOf(find(page, row))).toContain('1批');
    answerDialogs(true, '2', '窗口单位轮流值班，经支委会研究分两批举行');
    await tap(page, row);
    expect(await batches()).toBe(2);
    expect(textOf(find(page, row))).toContain('2批');
    expect(textOf(page)).toContain('已修改');
    const audit = server.backend.docs('auditLogs').find((a) => a.action === 'org.setSetting');
    expect(audit?.reason).toBe('窗口单位轮流值班，经支委会研究分两批举行');
  });

  it('should change nothing without a reason, and offer no setting the superior keeps', async () => {
    actAs('demo-secretary');
    const page = await openPage(settingsPage);
    answerDialogs(true, '3', '');
    await tap(page, settingRow(page, '主题党日分几批举行（每名党员参加其中一批）'));
    expect(textOf(find(page, '.form-error'))).toBe('修改支部设置须写明理由');
    expect(await batches()).toBe(1);
    const superior = settingRow(page, '上级已批准党员人数不足50名的党总支');
    expect(textOf(find(page, superior))).toContain('由上级党组织设定');
    expect(find(page, `${superior} .setting__edit`)).toBeUndefined();
  });

  it('should turn a plain member away', async () => {
    actAs('demo-member-1');
    const page = await openPage(settingsPage);
    expect(textOf(page)).toContain('只有支部委员可以查看支部设置');
  });
});

describe('支委分工', () => {
  it("should save a 支委's written duty", async () => {
    actAs('demo-secretary');
    const page = await openPage(dutyPage);
    expect(textOf(find(page, '.seat-demo-organizer'))).toContain('张伟');
    await typeText(
      page,
      '.seat-demo-organizer .duty-input',
      '负责组织发展、党员教育管理和党费收缴',
    );
    await tap(page, '.seat-demo-organizer .save-button', '.t-button');
    const member = server.backend.docs('members').find((m) => m._id === 'demo-organizer');
    expect(member.duties['demo-branch']).toBe('负责组织发展、党员教育管理和党费收缴');
    expect(textOf(find(page, '.seat-demo-organizer'))).toContain('已保存');
    // Opened again, the page shows what was written: nothing to type twice [ORG-14].
    const again = await openPage(dutyPage);
    const seat = again.data.seats.find((x: { id: string }) => x.id === 'demo-organizer');
    expect(seat).toMatchObject({ duty: '负责组织发展、党员教育管理和党费收缴', saved: true });
  });

  it('should be for the secretary only', async () => {
    actAs('demo-organizer');
    const page = await openPage(dutyPage);
    expect(textOf(page)).toContain('支委分工由支部书记填写');
  });
});
