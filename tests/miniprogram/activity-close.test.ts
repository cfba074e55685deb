/** @jest-environment ./tests/setup/page-environment.ts */
// The close dialog of the 主持台 says what closing does before it is done: who will be recorded
// absent, by name, and that the 纪实 is needed for the meeting to count [CHK-02, MTG-27].
import {
  actAs,
  answerDialogs,
  loadPage,
  openPage,
  settle,
  tap,
  useBackend,
} from '../setup/simulate';
import { useDemoClock } from '../setup/env';

const server = useBackend('demo');
let hostPage: string;

beforeAll(() => {
  hostPage = loadPage('subpackages/activity/host/index');
});

afterEach(() => {
  useDemoClock();
  jest.restoreAllMocks();
  server.backend.restoreClock();
});

const THEME_DAY = 'demo-theme-day';

describe('主持台：结束活动前的提示 [CHK-02, MTG-27]', () => {
  it('[CHK-02] names exactly the members closing will record absent, never the host, and asks for the 纪实', async () => {
    const { token } = await server.backend.ok(
      'activity',
      'checkinToken',
      { activityId: THEME_DAY },
      'demo-secretary',
    );
    await server.backend.ok('activity', 'checkin', { token }, 'demo-member-1');
    const detail = await server.backend.ok('activity', 'get', { id: THEME_DAY }, 'demo-secretary');

    const cancel = answerDialogs(false);
    actAs('demo-secretary');
    const page = await openPage(hostPage, { id: THEME_DAY });
    await tap(page, '.close-button', '.t-button');
    await settle();
    const content = String((cancel.mock.calls[0][0] as { content: string }).content);
    expect(content).toContain('没有纪实的活动不计入落实情况');
    expect(content).not.toContain(detail.host?.name ?? '李红');
    cancel.mockRestore();

    const confirm = answerDialogs(true);
    await tap(page, '.close-button', '.t-button');
    await settle();
    expect(confirm).toHaveBeenCalled();
    const absent = server.backend
      .docs('attendance')
      .filter((a) => a.activityId === THEME_DAY && a.status === 'absent')
      .map((a) => a.memberId);
    const names = server.backend
      .docs('members')
      .filter((m) => absent.includes(m._id))
      .map((m) => m.name);
    expect(names.length).toBeGreaterThan(0);
    expect(content).toContain(`将登记为缺席：`);
    expect(content).toContain(`${names.length} 人`);
    for (const n of names) expect(content).toContain(n);
  });
});
