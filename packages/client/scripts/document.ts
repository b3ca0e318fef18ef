/**
 * Where the client's types come from and how a generated file records it. No dependencies
 * beyond Node, so the staleness test (test/generated.test.ts) reads it without loading the
 * generator.
 */
import { createHash } from "node:crypto";
import path from "node:path";

export const PACKAGE_ROOT = path.resolve(__dirname, "..");
/** The API's OpenAPI document, written by apps/api/scripts/build-openapi.ts (`yarn generate`). */
export const DOCUMENT_PATH = path.resolve(PACKAGE_ROOT, "../../apps/api/generated/openapi.json");
/** The client's `paths`, `operations` and `components` (git-ignored, written at `yarn generate`). */
export const TYPES_PATH = path.join(PACKAGE_ROOT, "generated", "openapi-types.ts");

/** sha256 of the document's bytes, as recorded in the header of the types generated from it. */
export function documentHash(document: string | Buffer): string {
  return createHash("sha256").update(document).digest("hex");
}

const HASH_LINE = /^ \* document-sha256: ([0-9a-f]{64})$/m;

export function headerLine(hash: string): string {
  return ` * document-sha256: ${hash}`;
}

/** The document hash a generated types file was made from (undefined when it has none). */
export function recordedHash(types: string): string | undefined {
  return HASH_LINE.exec(types)?.[1];
}
