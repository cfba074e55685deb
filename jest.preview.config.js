// `npm run preview` renders pages with Jest (scripts/preview/main.ts starts it): the pages need
// the same jsdom environment and TypeScript/TDesign transforms as the page tests. Not a test
// suite: `npm test` (jest.config.js, roots tests/) never runs it.
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ['<rootDir>/scripts/preview'],
  testMatch: ['**/run.preview.ts'],
  testEnvironment: '<rootDir>/tests/setup/page-environment.ts',
  testTimeout: 60000,
};
