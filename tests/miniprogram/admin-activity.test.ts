/** @jest-environment ./tests/setup/page-environment.ts */
// 新建活动 and 签到入口码, against the real backend (clock at the demo instant, 2026-12-01 09:00
// Beijing): the secretary creates a 党课 with its lecturer, agenda and host; a meeting that
// already ended needs a late-registration reason [MTG-17]; a refusal shows the backend's Chinese
// message and stores nothing; the printable entry code shows the activity and says it signs
// nobody in. Plain members are turned away.
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
  wx,
  type PageComponent,
} from '../setup/simulate';

const server = useBackend('demo');
let createPage: string;
let codePage: string;
let hostPage: string;

beforeAll(() => {
  createPage = loadPage('subpackages/activity/create/index');
  codePage = loadPage('subpackages/activity/signin-code/index');
  hostPage = loadPage('subpackages/activity/host/index');
});

afterEach(() => jest.restoreAllMocks());

async function pick(page: PageComponent, selector: string, value: number | string) {
  find(page, selector)!.dispatchEvent('change', { detail: { value } });
  await settle();
}

const created = (title: string) => server.backend.docs('activities').find((a) => a.title === title);

describe('新建活动', () => {
  it('should create a 党课 with its lecturer, agenda, place and chosen host', async () => {
    actAs('demo-secretary');
    const page = await openPage(createPage);
    await pick(page, '.type-picker', page.data.typeNames.indexOf('党课'));
    await typeText(page, '.title-input', '学习贯彻全会精神专题党课');
    await typeText(page, '.lecturer-input', '李红');
    await typeText(page, '.place-input', '三楼党员活动室');
    await typeText(page, '.agenda-input', '书记讲党课\n\n交流发言\n');
    await pick(page, '.date-picker', '2026-12-10');
    await pick(page, '.start-picker', '14:30');
    await pick(page, '.end-picker', '16:00');
    await pick(page, '.host-picker', page.data.hostNames.indexOf('张伟'));
    expect(textOf(page)).not.toContain('补录理由');
    await tap(page, '.submit-button', '.t-button');

    const doc = created('学习贯彻全会精神专题党课');
    expect(doc).toMatchObject({
      type: 'partyLecture',
      lecturer: '李红',
      place: '三楼党员活动室',
      agenda: ['书记讲党课', '交流发言'],
      hostId: 'demo-organizer',
      lateRegistration: null,
    });
    expect(new Date(doc.startAt).toISOString()).toBe('2026-12-10T06:30:00.000Z');
    expect(textOf(page)).toContain('活动已创建');
    expect(find(page, '.open-button')).toBeDefined();
  });

  it('should ask for the reason of a late registration when the meeting already ended [MTG-17]', async () => {
    actAs('demo-secretary');
    const page = await openPage(createPage);
    await pick(page, '.type-picker', page.data.typeNames.indexOf('支委会'));
    await typeText(page, '.title-input', '11月临时支委会');
    await pick(page, '.date-picker', '2026-11-27');
    expect(textOf(page)).toContain('这次活动已经结束，只能补录');
    await tap(page, '.submit-button', '.t-button');
    expect(textOf(find(page, '.form-error'))).toContain('请写明补录的理由');
    expect(created('11月临时支委会')).toBeUndefined();

    await typeText(page, '.late-input', '当天会场断网，未能在线创建');
    await tap(page, '.submit-button', '.t-button');
    expect(created('11月临时支委会')?.lateRegistration).toEqual({
      reason: '当天会场断网，未能在线创建',
      approved: false,
    });
  });

  it("should show the backend's Chinese message and store nothing when it refuses", async () => {
    actAs('demo-secretary');
    const page = await openPage(createPage);
    await typeText(page, '.title-input', '时间填反了的主题党日');
    await pick(page, '.start-picker', '11:00');
    await pick(page, '.end-picker', '10:00');
    await tap(page, '.submit-button', '.t-button');
    const error = textOf(find(page, '.form-error'));
    expect(error).toContain('结束时间须晚于开始时间');
    expect(error).not.toMatch(/[A-Za-z]/);
    expect(created('时间填反了的主题党日')).toBeUndefined();
  });

  it('should turn a plain member away', async () => {
    actAs('demo-member-1');
    const page = await openPage(createPage);
    expect(textOf(page)).toContain('只有支部委员可以新建活动');
    expect(find(page, '.submit-button')).toBeUndefined();
  });
});

describe('签到入口码', () => {
  async function themeDayId(): Promise<string> {
    const list = await server.backend.ok(
      'activity',
      'list',
      { orgId: 'demo-branch', from: '2026-12-01T00:00:00+08:00', to: '2026-12-31T23:59:59+08:00' },
      'demo-secretary',
    );
    const day = list.find((a: { type: string }) => a.type === 'themeDay');
    if (!day) throw new Error('no theme day this month');
    return day.id;
  }

  it('should show the printable code with the title, and say it signs nobody in', async () => {
    const id = await themeDayId();
    actAs('demo-secretary');
    const page = await openPage(codePage, { id });
    const text = textOf(page);
    const detail = await server.backend.ok('activity', 'get', { id }, 'demo-secretary');
    expect(text).toContain(detail.title);
    expect(text).toContain('不能直接签到');
    expect(text).toContain('转发或拍照的入口码都签不了到');
    // The address comes from the backend (media.fileUrl), after its access check [issue 15 §5].
    expect(page.data.imageUrl).toMatch(
      new RegExp(`^${server.backend.url}/.+/orgs/demo-branch/codes/${id}/.+\\.png\\?`),
    );

    const preview = jest.spyOn(wx, 'previewImage').mockImplementation(() => undefined);
    await tap(page, '.preview-button', '.t-button');
    expect(preview).toHaveBeenCalledWith(expect.objectContaining({ urls: [page.data.imageUrl] }));
  });

  it('should be linked from the host console', async () => {
    const id = await themeDayId();
    actAs('demo-secretary');
    const host = await openPage(hostPage, { id });
    const link = find(host, '.signin-code-link');
    expect(textOf(link)).toContain('打印签到入口码');
  });

  it('should turn a plain member away', async () => {
    const id = await themeDayId();
    actAs('demo-member-1');
    const page = await openPage(codePage, { id });
    expect(textOf(page)).toContain('只有支部委员可以打印签到入口码');
  });
});
