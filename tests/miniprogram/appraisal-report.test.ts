/** @jest-environment ./tests/setup/page-environment.ts */
// 述职报告 against the real backend: the secretary writes the sections, each saved on leaving the
// box [SEC-04]; 加强支部建设's facts come from the records, read-only, each opening its records,
// 未记录 where nothing is recorded [SEC-06]; 提交 asks first; the superior approves or returns it
// with a comment shown on top [SEC-07]; once published the secretary reads the result and the
// follow-up with its deadline here [SEC-14, SEC-15].
import {
  openReview,
  published,
  REPORT_TEXT,
  submittedReport,
} from '../../scripts/preview/fixtures/appraisal';
import {
  actAs,
  answerDialogs,
  find,
  loadPage,
  openPage,
  settle,
  tap,
  textOf,
  useBackend,
  wx,
} from '../setup/simulate';

const server = useBackend('demo');
let reportPage: string;

beforeAll(() => {
  reportPage = loadPage('subpackages/appraisal/report/index');
});

afterEach(() => jest.restoreAllMocks());

const stored = (id: string) => server.backend.docs('appraisals').find((d) => d._id === id);

/** Types into a section's box and leaves it, as a person does before the next one. */
async function write(page: Awaited<ReturnType<typeof openPage>>, key: string, text: string) {
  const inner = find(page, `.section-input--${key}`, '.t-textarea__wrapper-inner');
  if (!inner) throw new Error(`no box for ${key}`);
  inner.dispatchEvent('input', { detail: { value: text } });
  await settle();
  inner.dispatchEvent('blur', { detail: { value: text } });
  await settle();
}

describe('述职报告 [SEC-04, SEC-06, SEC-07]', () => {
  it('shows the five sections, the facts read-only, and saves a section when it is left [SEC-04]', async () => {
    const id = await openReview(server.backend);
    actAs('demo-secretary');
    const page = await openPage(reportPage, { id });
    const text = textOf(page);
    for (const title of [
      '贯彻执行党组织决策部署',
      '加强支部建设',
      '完成重点任务',
      '联系服务群众',
      '廉洁自律',
    ])
      expect(text).toContain(title);
    expect(text).not.toContain('打击村痞村霸'); // 机关: no 农村/社区 topics [SEC-05]
    expect(page.data.sections).toHaveLength(5);

    await write(page, 'keyTasks', REPORT_TEXT.keyTasks);
    expect(stored(id).report.sections.keyTasks).toBe(REPORT_TEXT.keyTasks);
    expect(textOf(find(page, '.report-section--keyTasks'))).toContain('已保存');
    // Leaving it again unchanged saves nothing more.
    server.backend.resetStats();
    const inner = find(page, '.section-input--keyTasks', '.t-textarea__wrapper-inner')!;
    inner.dispatchEvent('blur', { detail: { value: REPORT_TEXT.keyTasks } });
    await settle();
    expect(server.backend.stats().actions['appraisal.saveReport']?.calls ?? 0).toBe(0);
  });

  it('shows 加强支部建设 from the records, read-only, each fact opening its records [SEC-06]', async () => {
    const id = await openReview(server.backend);
    actAs('demo-secretary');
    const page = await openPage(reportPage, { id });
    const section = page.data.sections.find((s: { key: string }) => s.key === 'branchBuilding');
    expect(section.facts.length).toBeGreaterThan(0);
    const block = textOf(find(page, '.report-section--branchBuilding'));
    expect(block).toContain('不能修改');
    for (const f of section.facts) expect(block).toContain(f.label);
    // A fact the product does not record is 未记录, in words, never a number made up.
    const missing = section.facts.filter((f: { recorded: boolean }) => !f.recorded);
    expect(missing.length).toBeGreaterThan(0);
    for (const f of missing) {
      expect(f.value).toBe('未记录');
      expect(textOf(find(page, `.fact-${f.key}`))).toContain('未记录');
    }
    const linked = section.facts.find((f: { url: string }) => f.url);
    expect(linked).toBeDefined();
    const go = jest.spyOn(wx, 'navigateTo');
    await tap(page, `.fact-${linked.key}`);
    expect((go.mock.calls[0][0] as { url: string }).url).toBe(linked.url);
    // The facts are not in any box the secretary can type in.
    expect(find(page, `.fact-${linked.key}`, '.t-textarea__wrapper-inner')).toBeUndefined();
  });

  it('submits after one confirmation, saving what was typed first [SEC-07]', async () => {
    const id = await openReview(server.backend);
    actAs('demo-secretary');
    const page = await openPage(reportPage, { id });
    for (const key of ['decisions', 'branchBuilding', 'keyTasks', 'serveMasses'] as const)
      await write(page, key, REPORT_TEXT[key]);
    // The last box is still being typed in when 提交 is tapped: it is saved first.
    const inner = find(page, '.section-input--integrity', '.t-textarea__wrapper-inner')!;
    inner.dispatchEvent('input', { detail: { value: REPORT_TEXT.integrity } });
    await settle();
    const no = answerDialogs(false);
    await tap(page, '.submit-button', '.t-button');
    expect(no).toHaveBeenCalledTimes(1);
    expect(stored(id).report.status).toBe('draft');
    no.mockRestore();
    answerDialogs(true);
    await tap(page, '.submit-button', '.t-button');
    expect(page.data.formError).toBe('');
    expect(stored(id).report.status).toBe('submitted');
    expect(stored(id).report.sections.integrity).toBe(REPORT_TEXT.integrity);
    expect(textOf(page)).toContain('已提交，等待上级审核');
    expect(find(page, '.submit-button')).toBeUndefined();
    expect(find(page, '.section-input--integrity')).toBeUndefined();
  });

  it('lets the superior return it with a comment, which the secretary then reads on top [SEC-07]', async () => {
    const id = await openReview(server.backend);
    await submittedReport(server.backend, id);
    actAs('demo-superior');
    const page = await openPage(reportPage, { id });
    expect(find(page, '.approve-button')).toBeDefined();
    expect(find(page, '.submit-button')).toBeUndefined();
    await tap(page, '.return-button', '.t-button');
    expect(textOf(page)).toContain('退回时请写明需要修改的地方');
    expect(stored(id).report.status).toBe('submitted');
    const box = find(page, '.approve-comment', '.t-textarea__wrapper-inner')!;
    box.dispatchEvent('input', { detail: { value: '请补充党课落实的整改打算。' } });
    await settle();
    await tap(page, '.return-button', '.t-button');
    expect(stored(id).report.status).toBe('returned');

    actAs('demo-secretary');
    const mine = await openPage(reportPage, { id });
    const top = textOf(find(mine, '.return-comment'));
    expect(top).toContain('上级意见');
    expect(top).toContain('请补充党课落实的整改打算。');
    expect(find(mine, '.submit-button')).toBeDefined();
  });

  it('lets the superior approve it [SEC-07]', async () => {
    const id = await openReview(server.backend);
    await submittedReport(server.backend, id);
    actAs('demo-superior');
    const page = await openPage(reportPage, { id });
    await tap(page, '.approve-button', '.t-button');
    expect(stored(id).report.status).toBe('approved');
    expect(find(page, '.approve-button')).toBeUndefined();
  });

  it('shows the secretary the published result with the follow-up and its deadline [SEC-14, SEC-15]', async () => {
    const { id } = await published(server.backend, 'basicallyCompetent');
    actAs('demo-secretary');
    const page = await openPage(reportPage, { id });
    const result = textOf(find(page, '.result'));
    expect(result).toContain('评定结果');
    expect(result).toContain('基本称职');
    expect(result).toContain('提醒谈话');
    expect(result).toMatch(/请在\d{4}年\d{1,2}月\d{1,2}日前完成/);
    expect(result).toContain('未办结');
  });

  it('turns away a plain member in the backend’s words [SEC-14]', async () => {
    const id = await openReview(server.backend);
    actAs('demo-member-1');
    const page = await openPage(reportPage, { id });
    expect(page.data.status).toBe('error');
    expect(textOf(page)).not.toMatch(/[A-Z]{3,}\./);
    expect(find(page, '.section-input--keyTasks')).toBeUndefined();
  });
});
