/**
 * WeChat's asynchronous content check as the emulator plays it (platform-notes §4): the local
 * MediaCheck port records a submission; `POST /__emulator/media-check` delivers the
 * `wxa_media_check` push to the media function as CloudBase's 消息推送 (云函数模式) would — no
 * OPENID, no action — and answers what the function answered.
 */
import { Emulator, startEmulator } from '../../emulator/server';
import { localPorts } from '../../cloudfunctions/_shared/adapters/local';

let emu: Emulator;
const submit = (url: string, type: 'image' | 'audio' = 'image') =>
  localPorts(emu.host.hooks).mediaCheck.submit({ url, type, openid: 'demo-member-1', scene: 1 });
const post = (p: string, body: unknown) =>
  fetch(`${emu.url}${p}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('content-check push (POST /__emulator/media-check)', () => {
  beforeAll(async () => {
    emu = await startEmulator({ port: 0, seed: 'demo', seedClock: 'freeze' });
  });
  afterAll(() => emu.close());

  it('lists a submission with its trace id, without the uploader’s OPENID', async () => {
    const traceId = await submit('http://127.0.0.1/x.jpg?sign=1&t=2', 'audio');
    expect(traceId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/);
    const res = await fetch(`${emu.url}/__emulator/media-checks`);
    const list = await res.json();
    expect(list).toContainEqual({
      traceId,
      url: 'http://127.0.0.1/x.jpg?sign=1&t=2',
      type: 'audio',
      scene: 1,
      submittedAt: new Date(emu.clock.now()).toISOString(),
      pushed: false,
    });
    expect(JSON.stringify(list)).not.toContain('demo-member-1');
    expect(emu.mediaChecks()).toEqual(list);
  });

  it('answers 404 for an unknown trace id and 400 for a verdict WeChat never sends', async () => {
    const spy = jest.spyOn(emu.host, 'invoke');
    expect(
      (await post('/__emulator/media-check', { traceId: 'nope', suggest: 'pass' })).status,
    ).toBe(404);
    const traceId = await submit('http://127.0.0.1/y.jpg');
    for (const body of [
      { traceId, suggest: 'ok' },
      { traceId, suggest: 'pass', label: 'x' },
      [],
      'x',
    ])
      expect((await post('/__emulator/media-check', body)).status).toBe(400);
    expect(spy).not.toHaveBeenCalled();
    expect(emu.mediaChecks().find((c) => c.traceId === traceId)?.pushed).toBe(false);
    spy.mockRestore();
  });

  it('delivers the wxa_media_check event to the media function with no OPENID and answers its answer', async () => {
    const traceId = await submit('http://127.0.0.1/z.jpg');
    const spy = jest.spyOn(emu.host, 'invoke');
    const res = await post('/__emulator/media-check', { traceId, suggest: 'risky', label: 20006 });
    expect(res.status).toBe(200);
    expect(spy).toHaveBeenCalledTimes(1);
    const [fn, event, openid] = spy.mock.calls[0];
    expect([fn, openid]).toEqual(['media', undefined]);
    expect(event).toEqual({
      ToUserName: expect.stringMatching(/^gh_/),
      FromUserName: 'demo-member-1',
      CreateTime: Math.floor(emu.clock.now() / 1000),
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: expect.stringMatching(/^wx/),
      trace_id: traceId,
      version: 2,
      detail: [{ strategy: 'content_model', errcode: 0, suggest: 'risky', label: 20006, prob: 90 }],
      errcode: 0,
      errmsg: 'ok',
      result: { suggest: 'risky', label: 20006 },
    });
    expect(event).not.toHaveProperty('action');
    const answer = await res.json();
    expect(answer).toEqual(await spy.mock.results[0].value);
    // the function took it as the platform's push (a call with an OPENID would be refused)
    expect(answer).toMatchObject({ ok: true });
    expect(emu.mediaChecks().find((c) => c.traceId === traceId)?.pushed).toBe(true);
    // the Emulator API for tests does the same; a label defaults to WeChat's for the verdict
    await emu.pushMediaCheck(traceId, 'pass');
    expect(spy.mock.calls[1][1]).toMatchObject({ result: { suggest: 'pass', label: 100 } });
    await expect(emu.pushMediaCheck('nope', 'pass')).rejects.toThrow();
    spy.mockRestore();
  });

  it('forgets every submission on reset', async () => {
    await submit('http://127.0.0.1/r.jpg');
    await emu.reset('demo');
    expect(emu.mediaChecks()).toEqual([]);
  });
});

describe('automatic verdicts (startEmulator({ autoMediaCheck }), as under npm start)', () => {
  beforeAll(async () => {
    emu = await startEmulator({ port: 0, seed: 'demo', seedClock: 'freeze', autoMediaCheck: 30 });
  });
  afterAll(() => emu.close());
  const delivered = (spy: jest.SpyInstance, traceId: string) =>
    spy.mock.calls.find(([, e]) => (e as { trace_id?: string }).trace_id === traceId)?.[1];
  const settle = () => new Promise((r) => setTimeout(r, 120));

  it('passes a submission by itself, and judges a file named with 违规 risky', async () => {
    const spy = jest.spyOn(emu.host, 'invoke');
    const ok = await submit('http://127.0.0.1/ok.jpg');
    const bad = await submit('http://127.0.0.1/bad.jpg');
    emu.store.ensure('mediaFiles').set('m-bad', {
      _id: 'm-bad',
      name: '违规示例.jpg',
      cloudPath: 'orgs/x/bad.jpg',
      check: { state: 'pending', traceId: bad, label: null, submittedAt: null, decidedAt: null },
    });
    await settle();
    expect(delivered(spy, ok)).toMatchObject({ result: { suggest: 'pass' } });
    expect(delivered(spy, bad)).toMatchObject({ result: { suggest: 'risky' } });
    expect(emu.mediaChecks().every((c) => c.pushed)).toBe(true);
    spy.mockRestore();
  });
});
