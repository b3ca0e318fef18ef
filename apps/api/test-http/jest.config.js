// The HTTP suite (`yarn test:http`): the built app (`next start`) on a fresh embedded
// database, called over real HTTP. Needs `yarn build` first, so it is not part of `yarn test`
// (apps/api/jest.config.js ignores this folder); CI runs it after the build step.
const preset = require("../../../jest.preset.js");

module.exports = {
  ...preset,
  rootDir: __dirname,
  roots: ["<rootDir>"],
  testMatch: ["<rootDir>/**/*.test.ts"],
  // One server for the whole run, started before the first file and stopped after the last.
  globalSetup: "<rootDir>/support/global-setup.ts",
  globalTeardown: "<rootDir>/support/global-teardown.ts",
  testTimeout: 30_000,
};
