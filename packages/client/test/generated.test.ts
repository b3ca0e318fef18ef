import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { DOCUMENT_PATH, documentHash, PACKAGE_ROOT, recordedHash, TYPES_PATH } from "../scripts/document";

/**
 * The client is only as good as the document it was generated from. Generated files are not
 * committed: `yarn generate` (which CI runs before the tests) always writes the client's types
 * from the current document, and these tests fail when they were not, e.g. after a change
 * to a route's @swagger block or a zod schema followed by the API's generate or build alone.
 */
const REGENERATE = "the client's types are stale: run `yarn generate` (it writes apps/api/generated/openapi.json, then packages/client/generated/openapi-types.ts from it)";

describe("generated/openapi-types.ts", () => {
  it("exists, as does the document it is generated from", () => {
    expect(existsSync(DOCUMENT_PATH)).toBe(true);
    if (!existsSync(TYPES_PATH)) throw new Error(`${TYPES_PATH} is missing: ${REGENERATE}`);
  });

  it("was generated from the current OpenAPI document (the sha256 in its header)", () => {
    const recorded = recordedHash(readFileSync(TYPES_PATH, "utf8"));
    const current = documentHash(readFileSync(DOCUMENT_PATH));
    if (recorded !== current) throw new Error(`document sha256 ${current}, types generated from ${recorded ?? "(no hash in the header)"}: ${REGENERATE}`);
  });

  it("is exactly what the generator gives for the current document (no hand edits, same generator)", () => {
    const tsx = require.resolve("tsx/cli");
    try {
      execFileSync(process.execPath, [tsx, path.join(PACKAGE_ROOT, "scripts", "generate.ts"), "--check"], { cwd: PACKAGE_ROOT, stdio: "pipe", encoding: "utf8" });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      throw new Error(`scripts/generate.ts --check failed: ${stderr || stdout || String(error)}`);
    }
  }, 60_000);
});

describe("recordedHash", () => {
  it("reads the hash line of a header and nothing else", () => {
    const hash = documentHash("{}");
    expect(recordedHash(`/**\n * from somewhere\n * document-sha256: ${hash}\n */\n`)).toBe(hash);
    expect(recordedHash("/** no hash */\nexport interface paths {}\n")).toBeUndefined();
  });
});
