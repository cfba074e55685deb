// Subscription consent (platform-notes §1): asked at a tap, never blocking, accepted templates
// reported to the backend's quota ledger (org.subscribe). The WeChat prompt is the platform's
// and is answered by the test; the report goes to the real backend over the local transport.
import { startBackend, type Backend } from '../support/backend';

interface Subscription {
  askSubscription(keys: string[]): Promise<string[]>;
}

let backend: Backend;
let subscription: Subscription;
let config: {
  backendConfig: { mode: string; emulatorUrl: string };
  subscribeTemplateIds: Record<string, string>;
};
const storage = new Map<string, unknown>();
const prompt = jest.fn();

// What wx.request does for a JSON POST: success with status and parsed body, or fail. Each request
// is kept until it ends: the report runs in the background, and must finish before the next reset
// or the backend's close, not against them.
const inFlight = new Set<Promise<void>>();
function request(opts: any): void {
  const done = fetch(opts.url, {
    method: opts.method,
    headers: opts.header,
    body: JSON.stringify(opts.data),
  })
    .then(async (res) => opts.success({ statusCode: res.status, data: await res.json() }))
    .catch((err: Error) => opts.fail({ errMsg: `request:fail ${err.message}` }))
    .finally(() => inFlight.delete(done));
  inFlight.add(done);
}
const backgroundDone = () => Promise.all([...inFlight]);

async function quotaOf(memberId: string): Promise<any> {
  for (let i = 0; i < 100; i += 1) {
    const row = backend.docs('subscriptionQuotas').find((q) => q.memberId === memberId);
    if (row) return row;
    await new Promise((r) => setTimeout(r, 20));
  }
  return undefined;
}

beforeAll(async () => {
  backend = await startBackend({ seed: 'demo' });
  (globalThis as any).wx = {
    request,
    requestSubscribeMessage: prompt,
    getStorageSync: (key: string) => storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => storage.set(key, value),
  };
  // Required untyped: the mini-program's sources are type-checked with its own tsconfig.
  config = require('../../miniprogram/config');
  subscription = require('../../miniprogram/services/subscription');
  config.backendConfig.mode = 'local';
  config.backendConfig.emulatorUrl = backend.url;
});

afterEach(backgroundDone);

beforeEach(async () => {
  storage.clear();
  storage.set('devOpenid', 'demo-member-1');
  prompt.mockReset();
  config.subscribeTemplateIds.activityReminder = 'TMPL-ACTIVITY';
  await backend.reset('demo');
});

afterAll(async () => {
  await backgroundDone();
  await backend.close();
  delete (globalThis as any).wx;
});

describe('askSubscription', () => {
  it('should report an accepted reminder to the quota ledger [PRIV-10]', async () => {
    prompt.mockImplementation((opts: any) => opts.success({ 'TMPL-ACTIVITY': 'accept' }));
    await expect(subscription.askSubscription(['activityReminder'])).resolves.toEqual([
      'activityReminder',
    ]);
    expect(prompt).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['TMPL-ACTIVITY'] }));
    const me = await backend.ok('org', 'me', {}, 'demo-member-1');
    expect(await quotaOf(me.member.id)).toMatchObject({
      _id: `${me.member.id}:activityReminder`,
      count: 1,
    });
  });

  it('should resolve with nothing and report nothing when the member declines', async () => {
    prompt.mockImplementation((opts: any) => opts.success({ 'TMPL-ACTIVITY': 'reject' }));
    await expect(subscription.askSubscription(['activityReminder'])).resolves.toEqual([]);
    await new Promise((r) => setTimeout(r, 100));
    expect(backend.docs('subscriptionQuotas')).toHaveLength(0);
  });

  it('should not block when the prompt fails (e.g. the main switch is off)', async () => {
    prompt.mockImplementation((opts: any) => opts.fail({ errMsg: 'fail', errCode: 20004 }));
    await expect(subscription.askSubscription(['activityReminder'])).resolves.toEqual([]);
  });

  it('should not prompt at all for a template whose id is not configured', async () => {
    config.subscribeTemplateIds.activityReminder = '';
    await expect(subscription.askSubscription(['activityReminder'])).resolves.toEqual([]);
    expect(prompt).not.toHaveBeenCalled();
  });
});
