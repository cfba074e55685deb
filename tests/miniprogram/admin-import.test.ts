/** @jest-environment ./tests/setup/page-environment.ts */
// 导入党员, against the real backend: the secretary fills rows; the rows that are right land and
// show as 已导入, a row the backend refuses (the same person twice, a missing 入党日期) shows the
// backend's Chinese message next to it and creates nothing. A plain member is turned away.
import {
  actAs,
  find,
  loadPage,
  openPage,
  tap,
  textOf,
  typeText,
  useBackend,
  settle,
  type PageComponent,
} from '../setup/simulate';

const server = useBackend('demo');
let importPage: string;

beforeAll(() => {
  importPage = loadPage('subpackages/org/import/index');
});

const pick = async (page: PageComponent, selector: string, value: string) => {
  const picker = find(page, selector);
  if (!picker) throw new Error(`no picker ${selector}`);
  picker.dispatchEvent('change', { detail: { value } });
  await settle();
};

describe('导入党员', () => {
  it('[PRIV-11] should create the right rows and show the refused ones with their message', async () => {
    actAs('demo-secretary');
    const page = await openPage(importPage);
    await typeText(page, '.row-0 .name-input', '钱进');
    await tap(page, '.row-0 .status-probationary');
    await pick(page, '.row-0 .joined-picker', '2026-06-01');
    await pick(page, '.row-0 .birth-picker', '1999-04-05');
    // The same person as row 0 again.
    await typeText(page, '.row-1 .name-input', '钱进');
    await tap(page, '.row-1 .status-probationary');
    await pick(page, '.row-1 .joined-picker', '2026-06-01');
    await pick(page, '.row-1 .birth-picker', '1999-04-05');
    // No 入党日期.
    await typeText(page, '.row-2 .name-input', '孔良');
    await tap(page, '.submit-button', '.t-button');

    const created = server.backend.docs('members').filter((m) => m.name === '钱进');
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      orgId: 'demo-branch',
      status: 'probationary',
      joinedAt: '2026-06-01',
      birthDate: '1999-04-05',
    });
    expect(server.backend.docs('members').some((m) => m.name === '孔良')).toBe(false);
    expect(textOf(find(page, '.row-0'))).toContain('已导入：钱进');
    const dup = textOf(find(page, '.row-1 .row__error'));
    const missing = textOf(find(page, '.row-2 .row__error'));
    expect(dup).toMatch(/[\u4e00-\u9fa5]/);
    expect(missing).toContain('入党日期');
    expect(`${dup}${missing}`).not.toMatch(/[A-Za-z]{3,}/);
    expect(textOf(find(page, '.summary'))).toContain('已导入 1 人；2 行未导入');
  });

  it('should turn a plain member away', async () => {
    actAs('demo-member-1');
    const page = await openPage(importPage);
    expect(textOf(page)).toContain('只有支部委员可以导入党员');
  });
});
