// The gateway's local transport: services/cloud.ts over wx.request to the emulator's HTTP
// routes (api.md §2), as `npm start` serves them. wx.request is a thin adapter over fetch.
import { startBackend, type Backend } from '../support/backend';

interface Gateway {
  callCloud(fn: string, action: string, data: unknown): Promise<any>;
  CloudError: new (...args: any[]) => Error & { code: string };
}

let backend: Backend;
let gateway: Gateway;
let config: { backendConfig: { mode: string; emulatorUrl: string } };
const storage = new Map<string, unknown>();

// What wx.request does for a JSON POST: success with status and parsed body, or fail.
function request(opts: any): void {
  fetch(opts.url, { method: opts.method, headers: opts.header, body: JSON.stringify(opts.data) })
    .then(async (res) => opts.success({ statusCode: res.status, data: await res.json() }))
    .catch((err: Error) => opts.fail({ errMsg: `request:fail ${err.message}` }));
}

beforeAll(async () => {
  backend = await startBackend({ seed: 'demo' });
  (globalThis as any).wx = {
    request,
    getStorageSync: (key: string) => storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => storage.set(key, value),
  };
  // Required untyped: the mini-program's sources are type-checked with its own tsconfig.
  gateway = require('../../miniprogram/services/cloud');
  config = require('../../miniprogram/config');
  config.backendConfig.mode = 'local';
  config.backendConfig.emulatorUrl = backend.url;
});

beforeEach(async () => {
  storage.clear();
  config.backendConfig.emulatorUrl = backend.url;
  await backend.reset('demo');
});

afterAll(async () => {
  await backend.close();
  delete (globalThis as any).wx;
});

describe('callCloud over the local emulator', () => {
  it('should act as the demo identity picked on 我的', async () => {
    storage.set('devOpenid', 'demo-secretary');
    const me = await gateway.callCloud('org', 'me', {});
    expect(me.member.name).toBe('李红');
    expect(me.roles).toEqual([expect.objectContaining({ role: 'secretary' })]);
  });

  it('should act as demo-member-1 until another identity is picked', async () => {
    const me = await gateway.callCloud('org', 'me', {});
    const expected = await backend.ok('org', 'me', {}, 'demo-member-1');
    expect(me.member.id).toBe(expected.member.id);
  });

  it("should throw the backend's code and Chinese message when the call is refused", async () => {
    storage.set('devOpenid', 'wx-stranger');
    const err = await gateway.callCloud('org', 'me', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(gateway.CloudError);
    expect(err).toMatchObject({ code: 'AUTH.UNBOUND', message: expect.stringMatching(/尚未绑定/) });
  });

  it("should pass on the emulator's own refusal of an unknown function", async () => {
    const err = await gateway.callCloud('nope', 'me', {}).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/nope/) });
  });

  it('should report NETWORK.FAILED in Chinese when the emulator cannot be reached', async () => {
    config.backendConfig.emulatorUrl = 'http://127.0.0.1:9';
    const err = await gateway.callCloud('org', 'me', {}).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'NETWORK.FAILED', message: '网络异常，请稍后重试' });
  });
});
