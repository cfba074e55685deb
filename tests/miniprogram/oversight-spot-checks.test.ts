/** @jest-environment ./tests/setup/page-environment.ts */
// 抽查各支部, against the real backend: the superior reads the year's requirement in words, draws
// this quarter's sample (asked first; the seed logged and shown so anyone can draw it again),
// records a check's result with 五化不合格 and what was found, and sees which branches are still
// unchecked. A branch secretary is turned away. The records are compared with the page.
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
} from '../setup/simulate';

const server = useBackend('demo');
let spotPage: string;

beforeAll(() => {
  spotPage = loadPage('subpackages/org/spot-checks/index');
});

const checks = () => server.backend.docs('spotChecks');
/** A check's id as the page's class name. */
const key = (id: string) => id.replace(/[^\w-]/g, '-');
const open = () => openPage(spotPage, { orgId: 'demo-committee' });

describe('抽查各支部', () => {
  it('[MTG-37] should say the requirement and draw this quarter with its seed shown', async () => {
    actAs('demo-superior');
    const page = await open();
    expect(textOf(find(page, '.requirement'))).toContain('每个季度至少抽查1个党支部');
    expect(textOf(find(page, '.progress'))).toContain('共2个党支部');
    // The demo instant is 1 December: the fourth quarter is the one to draw.
    expect(find(page, '.draw-4')).toBeDefined();
    expect(find(page, '.draw-1')).toBeUndefined();

    // Cancelling the question draws nothing.
    const cancel = answerDialogs(false);
    await tap(page, '.draw-4', '.t-button');
    cancel.mockRestore();
    expect(checks()).toHaveLength(0);

    const confirm = answerDialogs(true);
    await tap(page, '.draw-4', '.t-button');
    confirm.mockRestore();
    const drawn = checks();
    expect(drawn.length).toBeGreaterThanOrEqual(1);
    expect(drawn.every((c) => c.quarter === 4 && c.year === 2026)).toBe(true);
    const seed = drawn[0].seed as string;
    expect(seed).toBeTruthy();
    expect(textOf(find(page, '.seed-4'))).toBe(`抽取种子：${seed}，可据此复核`);
    expect(find(page, '.draw-4')).toBeUndefined();
    for (const c of drawn) {
      const row = textOf(find(page, `.check-${key(c._id as string)}`));
      expect(row).toContain('待登记结果');
    }
    expect(textOf(find(page, '.drawn'))).toContain(`已抽取${drawn.length}个支部`);
  });

  it('[ORG-30] [FORT-24] should record a failed 五化 check with what was found', async () => {
    actAs('demo-superior');
    const page = await open();
    const confirm = answerDialogs(true);
    await tap(page, '.draw-4', '.t-button');
    confirm.mockRestore();
    const check = checks()[0];
    const id = check._id as string;

    await tap(page, `.check-${key(id)} .open-button`, '.t-button');
    await tap(page, '.save-button', '.t-button');
    expect(textOf(find(page, '.record-error'))).toBe('请填写抽查结果、发现的情况');
    expect(checks()[0].result ?? null).toBeNull();

    await tap(page, '.result-fail');
    await tap(page, '.five-toggle');
    expect(textOf(find(page, '.five-toggle'))).toContain('是（今年不能评先进）');
    await typeText(page, '.findings-input', '支部标准化规范化建设台账不全');
    await tap(page, '.save-button', '.t-button');

    const saved = checks().find((c) => c._id === id)!;
    expect(saved).toMatchObject({
      result: 'fail',
      fiveStandardsFailed: true,
      findings: '支部标准化规范化建设台账不全',
    });
    const row = textOf(find(page, `.check-${key(id)}`));
    expect(row).toContain('✗ 不合格');
    expect(row).toContain('五化检查不合格');
    expect(row).toContain('发现的情况：支部标准化规范化建设台账不全');
    expect(find(page, `.check-${key(id)} .open-button`)).toBeUndefined();
  });

  it('[MTG-37] should list the branches not yet checked, as the backend counts them', async () => {
    actAs('demo-superior');
    const page = await open();
    const answer = await server.backend.ok(
      'org',
      'spotChecks',
      { orgId: 'demo-committee', year: 2026 },
      'demo-superior',
    );
    expect(answer.unchecked.length).toBe(2);
    expect(textOf(page)).toContain('今年还没有抽查的党支部（2个）');
    expect(textOf(find(page, '.unchecked-demo-branch'))).toBe('机关第一党支部');
    expect(textOf(find(page, '.unchecked-demo-branch-2'))).toBe('机关第二党支部');
  });

  it('should turn a branch secretary away', async () => {
    actAs('demo-secretary');
    const page = await openPage(spotPage);
    expect(textOf(page)).toContain('抽查由上级党组织进行');
    expect(find(page, '.draw-button')).toBeUndefined();
  });
});
