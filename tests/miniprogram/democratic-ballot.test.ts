/** @jest-environment ./tests/setup/page-environment.ts */
// 民主评议党员 for members, against the real backend: the 个人自评 page (saved, 已提交, 由支部代为
// 录入), the 民主测评 ballot from the meeting page (every 正式党员 but oneself, never a 预备党员, a
// live count of the member's own 优秀 against floor(N/3), the sentence on secrecy, 您已投过票).
import { democraticKit } from '../support/appraisal-democratic-kit';
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
  wx,
} from '../setup/simulate';

const server = useBackend('demo');
const k = democraticKit(() => server.backend);
const { ID, M, PROB, ALL, ORGANIZER } = k;
const PRESENT = ALL.filter((m) => m !== 'demo-newcomer');
const SEALED = '任何人都看不到您投了什么';
let selfPage: string;
let ballotPage: string;
let detailPage: string;

beforeAll(() => {
  selfPage = loadPage('subpackages/appraisal/self/index');
  ballotPage = loadPage('subpackages/appraisal/dballot/index');
  detailPage = loadPage('subpackages/activity/detail/index');
});

afterEach(() => {
  server.backend.restoreClock();
  jest.restoreAllMocks();
});

const entry = (m: string) =>
  server.backend.docs('democraticEntries').find((e) => e.memberId === m) as
    { self: { text: string; proxy: boolean } | null } | undefined;

describe('个人自评 [APR-02, APR-06]', () => {
  it('takes the member’s own text, then shows it as 已提交 [APR-02]', async () => {
    await k.atSelf();
    actAs(M(1));
    const page = await openPage(selfPage, { id: ID });
    expect(textOf(page)).toContain('对照党员标准');
    await tap(page, '.save-button', '.t-button');
    expect(textOf(page)).toContain('请先写下自评');
    expect(entry(M(1))).toBeUndefined();

    await typeText(page, '.self-input', '一年来按时参加组织生活，带头完成支部分配的工作。');
    await tap(page, '.save-button', '.t-button');
    expect(entry(M(1))?.self?.text).toBe('一年来按时参加组织生活，带头完成支部分配的工作。');
    const done = textOf(page);
    expect(done).toContain('已提交');
    expect(done).toContain('一年来按时参加组织生活');
    expect(done).not.toContain('代为录入');
  });

  it('lets a 预备党员 write one too [APR-06]', async () => {
    await k.atSelf();
    actAs(PROB);
    const page = await openPage(selfPage, { id: ID });
    await typeText(page, '.self-input', '作为预备党员，我努力学习党章。');
    await tap(page, '.save-button', '.t-button');
    expect(entry(PROB)?.self?.text).toBe('作为预备党员，我努力学习党章。');
    expect(textOf(page)).toContain('已提交');
  });

  it('shows 由支部代为录入 when the committee recorded it for a member without a phone [APR-02]', async () => {
    await k.atSelf();
    actAs(ORGANIZER);
    const proxy = await openPage(selfPage, { id: ID, memberId: M(2) });
    expect(textOf(proxy)).toContain('代为录入');
    await typeText(proxy, '.self-input', '本人口述：积极参加志愿服务。');
    await tap(proxy, '.save-button', '.t-button');
    expect(entry(M(2))?.self).toMatchObject({ text: '本人口述：积极参加志愿服务。', proxy: true });

    actAs(M(2));
    const own = await openPage(selfPage, { id: ID });
    expect(textOf(own)).toContain('已提交');
    expect(textOf(own)).toContain('由支部代为录入');
  });
});

describe('民主测评 from the meeting [APR-05, APR-06, APR-21]', () => {
  it('leads from the meeting to the ballot: every 正式党员 but oneself, no 预备党员, the 优秀 count out of 4 [APR-05] [APR-06]', async () => {
    await k.atBallot();
    const { activityId, ballotId } = await k.appBox(PRESENT);
    actAs(M(1));
    const meeting = await openPage(detailPage, { id: activityId });
    expect(textOf(find(meeting, '.appraisal-entry'))).toContain('参加民主测评');
    const go = jest.spyOn(wx, 'navigateTo');
    await tap(meeting, '.appraisal-button', '.t-button');
    expect((go.mock.calls[0][0] as { url: string }).url).toBe(
      `/subpackages/appraisal/dballot/index?activityId=${activityId}`,
    );

    const page = await openPage(ballotPage, { activityId });
    const subjects: { id: string; name: string }[] = page.data.b.subjects;
    expect(subjects.map((s) => s.id)).not.toContain(PROB);
    expect(subjects.map((s) => s.id)).not.toContain(M(1));
    expect(subjects).toHaveLength(12);
    const text = textOf(page);
    for (const word of ['优秀', '合格', '基本合格', '不合格']) expect(text).toContain(word);
    expect(text).toContain('预备党员参加评议，但不评定等次');
    expect(text).toContain(SEALED);
    expect(textOf(find(page, '.counter'))).toBe('您已选“优秀”0人，最多可选4人');

    // Four 优秀: the fifth is shut, said in words; tapping it again changes nothing.
    for (const s of subjects.slice(0, 4)) await tap(page, `.subject-${s.id} .option-excellent`);
    expect(textOf(find(page, '.counter'))).toBe('您已选“优秀”4人，最多可选4人');
    const fifth = subjects[4].id;
    expect(textOf(find(page, `.subject-${fifth} .option-excellent`))).toContain('已满');
    await tap(page, `.subject-${fifth} .option-excellent`);
    expect(page.data.b.subjects[4].options[0].chosen).toBe(false);
    expect(textOf(page)).toContain('要改选，请先取消另一位的“优秀”');
    // Tapping a chosen grade again clears it (弃权), and the count follows.
    await tap(page, `.subject-${subjects[0].id} .option-excellent`);
    expect(textOf(find(page, '.counter'))).toBe('您已选“优秀”3人，最多可选4人');
    await tap(page, `.subject-${subjects[0].id} .option-qualified`);

    const dialogs = answerDialogs(true);
    await tap(page, '.submit-button', '.t-button');
    const asked = (dialogs.mock.calls[0][0] as { content: string }).content;
    expect(asked).toContain(`合格：${subjects[0].name}`);
    expect(asked).toContain('不选（弃权）');
    expect(textOf(page)).toContain('您的测评票已投出');
    expect(textOf(page)).toContain(SEALED);
    expect(textOf(page)).not.toMatch(/\d+\s*(票|人已投)/);
    const stored = server.backend.docs('ballots').filter((x) => x.marks && x.boxId === ballotId);
    expect(stored).toHaveLength(1);
    expect(Object.values(stored[0].marks).filter((g) => g === 'excellent')).toHaveLength(3);
    expect(JSON.stringify(stored[0])).not.toContain(M(1));
  });

  it('casts nothing with no mark, and says 您已投过票 on a second visit from a phone that remembers nothing [APR-21]', async () => {
    await k.atBallot();
    const { activityId } = await k.appBox(PRESENT);
    actAs(M(2));
    const page = await openPage(ballotPage, { activityId });
    const dialogs = answerDialogs(true);
    await tap(page, '.submit-button', '.t-button');
    expect(textOf(page)).toContain('您还没有选任何等次');
    expect(dialogs).not.toHaveBeenCalled();
    await tap(page, `.subject-${page.data.b.subjects[0].id} .option-qualified`);
    await tap(page, '.submit-button', '.t-button');
    expect(textOf(page)).toContain('您的测评票已投出');

    wx.clearStorageSync();
    actAs(M(2));
    const again = await openPage(ballotPage, { activityId });
    expect(textOf(again)).toContain('您已投过票');
    expect(find(again, '.submit-button')).toBeUndefined();
  });
});
