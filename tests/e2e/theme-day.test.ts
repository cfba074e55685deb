/**
 * A whole theme day driven through the emulator's HTTP routes alone — what a person with curl,
 * or an acceptance check, would do: create → token → sign-ins → remote join → leave → close →
 * record → report.
 */
import { Emulator, startEmulator } from '../../emulator/server';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
});
afterAll(() => emu.close());

async function call(action: string, data: unknown, openid: string) {
  const res = await fetch(`${emu.url}/functions/activity`, {
    method: 'POST',
    headers: { 'X-WX-OPENID': openid, 'content-type': 'application/json' },
    body: JSON.stringify({ action, data }),
  });
  return res.json();
}
const post = (p: string, body: unknown) =>
  fetch(emu.url + p, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then((r) => r.json());

it('runs a theme day end to end over HTTP [TD-07, CHK-02, CHK-15]', async () => {
  await post('/__emulator/reset', { seed: 'demo' });
  await post('/__emulator/clock', { now: '2026-12-01T09:00:00+08:00' });
  const created = await call(
    'create',
    {
      orgId: 'demo-branch',
      type: 'themeDay',
      title: '12月主题党日',
      startAt: '2026-12-04T15:00:00+08:00',
      endAt: '2026-12-04T17:00:00+08:00',
      place: '党员活动室',
      agenda: ['集中交纳党费', '重温入党誓词', '专题学习'],
    },
    'demo-secretary',
  );
  expect(created.ok).toBe(true);
  const id = created.data.id;
  expect(
    (
      await call(
        'requestLeave',
        { activityId: id, reason: '外出培训', category: 'official' },
        'demo-member-8',
      )
    ).ok,
  ).toBe(true);

  await post('/__emulator/clock', { now: '2026-12-04T14:50:00+08:00' });
  const { data: qr } = await call('checkinToken', { activityId: id }, 'demo-secretary');
  expect(qr.refreshInMs).toBeLessThanOrEqual(30_000);
  for (const m of ['demo-member-1', 'demo-member-2', 'demo-member-3', 'demo-organizer']) {
    expect((await call('checkin', { token: qr.token }, m)).data.status).toBe('present');
  }
  expect((await call('checkin', { token: qr.token }, 'demo-member-1')).data.alreadyCheckedIn).toBe(
    true,
  );
  expect(
    (
      await call(
        'joinRemote',
        { activityId: id, note: '在深圳视频参加，学习笔记已上传' },
        'demo-mobile',
      )
    ).data.status,
  ).toBe('remote');
  expect(
    (
      await call(
        'decideLeave',
        { activityId: id, memberId: 'demo-member-8', approve: true },
        'demo-secretary',
      )
    ).data.status,
  ).toBe('excused');

  await post('/__emulator/clock', { now: '2026-12-04T17:05:00+08:00' });
  const closed = await call('close', { activityId: id }, 'demo-secretary');
  // four who scanned and the host who showed the code [CHK-13]
  expect(closed.data).toEqual({ present: 5, late: 0, remote: 1, excused: 1, absent: 6, exempt: 1 });
  expect(
    (
      await call(
        'record',
        {
          activityId: id,
          minutes: '集中交纳党费，重温入党誓词，学习讨论。',
          resolutions: ['下月开展志愿服务'],
          archive: true,
        },
        'demo-organizer',
      )
    ).ok,
  ).toBe(true);

  const report = await call('report', { orgId: 'demo-branch', half: '2026-H2' }, 'demo-superior');
  const row = report.data.activities.find((a: any) => a.id === id);
  expect(row).toMatchObject({
    counted: true,
    counts: { expected: 14, present: 5, remote: 1, excused: 1, absent: 6, exempt: 1 },
    minutes: '集中交纳党费，重温入党誓词，学习讨论。',
  });
  const compliance = await call(
    'compliance',
    { orgId: 'demo-branch', year: 2026 },
    'demo-secretary',
  );
  expect(compliance.data.items.find((i: any) => i.type === 'themeDay').held).toBe(2); // the seed's November and this one
  await post('/__emulator/clock', { now: null });
});
