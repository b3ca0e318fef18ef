// Shared jest settings: @swc/jest (fastest TypeScript transform), node environment, and the
// run-wide migrated database template (packages/prisma/testing/global-setup.ts).
const path = require("node:path");

module.exports = {
  testEnvironment: "node",
  transform: { "^.+\\.(t|j)sx?$": ["@swc/jest", { jsc: { target: "es2022" } }] },
  transformIgnorePatterns: ["/node_modules/(?!(@electric-sql/pglite)/)"],
  globalSetup: path.join(__dirname, "packages/prisma/testing/global-setup.ts"),
  setupFiles: [path.join(__dirname, "jest.env.js")],
  testMatch: ["**/test/**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "/.next/"],
  testTimeout: 30_000,
};
