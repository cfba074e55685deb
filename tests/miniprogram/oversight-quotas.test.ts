/** @jest-environment ./tests/setup/page-environment.ts */
// 名额和排名, against the real backend: the superior sees how many branches may be graded 先进 and
// how many secretaries “好” (at most 15% each), used and left, as big numbers with words, and the
// branches ranked by 堡垒指数 marked as the superior's only; a branch secretary sees none of it.
import { advancedLimit } from '../../cloudfunctions/_shared/domain/appraisal/branch-grading';
import { actAs, find, loadPage, openPage, textOf, useBackend } from '../setup/simulate';

const server = useBackend('demo');
let quotasPage: string;

beforeAll(() => {
  quotasPage = loadPage('subpackages/org/quotas/index');
});

describe('名额和排名', () => {
  it('[FORT-23] [SEC-18] should show each quota used and left in numbers and words', async () => {
    actAs('demo-superior');
    const page = await openPage(quotasPage, { orgId: 'demo-committee' });
    const branches = server.backend
      .docs('orgs')
      .filter((o) => o.kind === 'branch' && o.parentId === 'demo-committee').length;
    const limit = advancedLimit(branches);
    // Nothing has been graded in the demo year: every place is left.
    const advanced = textOf(find(page, '.advanced'));
    expect(advanced).toMatch(new RegExp(`${limit}\\s*最多可评`));
    expect(advanced).toMatch(/0\s*已评/);
    expect(advanced).toContain(`共${branches}个党支部，最多可评${limit}个（不超过15%）`);
    expect(textOf(find(page, '.advanced__left'))).toBe(
      limit > 0 ? `✓ 还可以评${limit}个` : '今年没有名额',
    );
    // The demo's region sets no 好 quota: the meter says so instead of counting [SEC-18].
    const good = await server.backend.ok(
      'org',
      'quotas',
      { orgId: 'demo-committee', year: 2026 },
      'demo-superior',
    );
    expect(good.good.applies).toBe(false);
    expect(textOf(find(page, '.good'))).toContain(good.good.note);
    expect(textOf(find(page, '.good'))).not.toContain('最多可评');
  });

  it('[FORT-23] should rank the branches by 堡垒指数, marked for the superior only', async () => {
    actAs('demo-superior');
    const page = await openPage(quotasPage, { orgId: 'demo-committee' });
    const answer = await server.backend.ok(
      'org',
      'quotas',
      { orgId: 'demo-committee', year: 2026 },
      'demo-superior',
    );
    expect(textOf(find(page, '.ranking-note'))).toContain('仅上级党组织可见');
    expect(answer.ranking.map((r) => r.orgId).sort()).toEqual(['demo-branch', 'demo-branch-2']);
    for (const r of answer.ranking) {
      const row = textOf(find(page, `.rank-${r.orgId}`));
      expect(row).toContain(`第${r.rank}名`);
      expect(row).toContain(r.name);
      expect(row).toContain(`堡垒指数 ${r.total}分`);
      expect(row).toContain(`${r.stars}星`);
    }
  });

  it('[FORT-23] should not show a branch secretary the ranking', async () => {
    actAs('demo-secretary');
    const page = await openPage(quotasPage);
    expect(textOf(page)).toContain('名额和排名只有上级党组织可以查看');
    expect(find(page, '.ranking')).toBeUndefined();
  });
});
