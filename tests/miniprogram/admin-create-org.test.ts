/** @jest-environment ./tests/setup/page-environment.ts */
// 新建下级组织, against the real backend: the superior creates a 党支部 under the 党委 with its
// sector, local rules and term start; a form missing its fields says what is missing and creates
// nothing. A branch secretary is turned away.
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
let createPage: string;

beforeAll(() => {
  createPage = loadPage('subpackages/org/create/index');
});

describe('新建下级组织', () => {
  it('[ORG-01] should create a branch under the superior with its sector and term', async () => {
    actAs('demo-superior');
    const page = await openPage(createPage);
    const before = server.backend.docs('orgs').length;
    await tap(page, '.submit-button', '.t-button');
    expect(textOf(find(page, '.form-error'))).toBe('请填写名称、类别、任期开始日期');
    expect(server.backend.docs('orgs')).toHaveLength(before);

    await typeText(page, '.name-input', '示范学院第三党支部');
    await tap(page, '.kind-branch');
    await tap(page, '.category-0');
    await tap(page, '.profile-hunan');
    find(page, '.term-picker')?.dispatchEvent('change', { detail: { value: '2026-11-20' } });
    await settle();
    await tap(page, '.submit-button', '.t-button');

    const org = server.backend.docs('orgs').find((o) => o.name === '示范学院第三党支部');
    expect(org).toMatchObject({
      parentId: 'demo-committee',
      kind: 'branch',
      category: 'organ',
      profile: 'hunan',
    });
    expect(textOf(find(page, '.created'))).toBe('已新建党支部：示范学院第三党支部');
  });

  it('should turn a branch secretary away', async () => {
    actAs('demo-secretary');
    const page = await openPage(createPage);
    expect(textOf(page)).toContain('下级组织由上级党组织新建');
  });
});
