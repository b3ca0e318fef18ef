// ESLint flat config for the whole monorepo. Each workspace's `lint` script runs `eslint .`
// from its own folder; ESLint 9 looks upward from the working directory for
// eslint.config.*, so this one file applies everywhere (patterns below are relative to the
// repository root, hence the `**/` prefixes). No type-aware rules: linting stays fast and
// does not depend on generated code.
import { createRequire } from "node:module";
import tseslint from "typescript-eslint";

// @eslint/js and globals ship with eslint itself (they are its dependencies, not ours):
// resolve them from eslint's own location so hoisting never matters.
const requireFromEslint = createRequire(createRequire(import.meta.url).resolve("eslint/package.json"));
const js = requireFromEslint("@eslint/js");
const globals = createRequire(requireFromEslint.resolve("@eslint/eslintrc/package.json"))("globals");

export default tseslint.config(
  {
    ignores: [
      "**/generated/",
      "**/.next/",
      "**/node_modules/",
      ".yarn/",
      "**/.turbo/",
      "**/dist/",
      "**/coverage/",
      "bench/results/",
      ".slotbase-data/",
      "**/next-env.d.ts",
      "**/*.cjs",
      // copied from swagger-ui-dist at generate time (git-ignored)
      "apps/api/public/swagger/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: "module",
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: "warn" },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          caughtErrorsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
      "@typescript-eslint/no-explicit-any": "warn",
    },
  },
  {
    // CommonJS config files (jest.config.js, jest.preset.js)
    files: ["**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // tests: jest globals (describe/it/expect are also importable from @jest/globals)
    files: ["**/test/**/*.ts", "**/testing/**/*.ts", "**/*.test.ts"],
    languageOptions: { globals: { ...globals.jest } },
  },
);
