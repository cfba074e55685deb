// One jest run for every layer. esbuild transpiles TypeScript (type errors are caught by
// `npm run typecheck`), and also TDesign's ESM inside miniprogram_npm for page tests.
// Functions run in UTC in CloudBase: so do the tests, whatever the developer's machine says. Set here,
// before jest starts its workers (a setup file's process.env.TZ comes too late for Node's Date).
process.env.TZ = 'UTC';

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.(t|j)s$': '<rootDir>/tests/setup/esbuild-transform.js',
  },
  transformIgnorePatterns: ['/node_modules/(?!tdesign-miniprogram/)'],
  setupFiles: ['<rootDir>/tests/setup/env.ts'],
  testTimeout: 30000,
};
