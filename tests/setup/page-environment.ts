/**
 * Jest environment for page tests: jsdom for miniprogram-simulate, plus what the in-process
 * backend needs, because a page test runs both in one realm.
 * - Node globals jsdom lacks (structuredClone, TextEncoder, fetch, setImmediate…) are added,
 *   the way jest-environment-node adds them; jsdom's own DOM globals are left alone.
 * - Packages resolve their `node` builds, not the `browser` ones jsdom would pick, and jsdom's
 *   XMLHttpRequest is removed (simulate's wx.request does not use it), so the cloud SDK and
 *   axios make their requests with Node's http exactly as in tests/functions, not through
 *   jsdom's CORS-enforcing XHR.
 * Use with the docblock `@jest-environment ./tests/setup/page-environment.ts`.
 */
import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import { TestEnvironment as JsdomEnvironment } from 'jest-environment-jsdom';

const NODE_CONDITIONS = ['node', 'node-addons'];

export default class PageEnvironment extends JsdomEnvironment {
  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    const options = { ...config.projectConfig.testEnvironmentOptions };
    options.customExportConditions = NODE_CONDITIONS;
    super(
      { ...config, projectConfig: { ...config.projectConfig, testEnvironmentOptions: options } },
      context,
    );
    const target = this.global as unknown as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(globalThis)) {
      if (name in target) continue;
      const descriptor = Object.getOwnPropertyDescriptor(globalThis, name);
      if (descriptor) Object.defineProperty(target, name, descriptor);
    }
    delete target.XMLHttpRequest;
  }
}
