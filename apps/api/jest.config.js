const preset = require("../../jest.preset.js");

// test-http/ is the HTTP suite against the built app (yarn test:http, its own jest config):
// `yarn test` runs before the build, so it must not pick those files up.
module.exports = { ...preset, testPathIgnorePatterns: [...preset.testPathIgnorePatterns, "<rootDir>/test-http/"] };
