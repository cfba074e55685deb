// One jest run for every layer. esbuild transpiles TypeScript (type errors are caught by
// `npm run typecheck`), and also TDesign's ESM inside miniprogram_npm for page tests.
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
