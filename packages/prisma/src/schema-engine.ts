// Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm), used for the one
// thing the CLI cannot do here without downloading its native engine: diffing (see STACK-NOTES).
// The package is internal to Prisma and its API may change between versions, so everything that
// touches it stays in this file.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type * as WasmGlue from "@prisma/schema-engine-wasm/schema_engine_bg";

type Glue = typeof WasmGlue;
type DiffTarget = WasmGlue.DiffParams["from"];

const SCHEMA_FILE = "schema.prisma";
const NO_FILTERS = { externalTables: [], externalEnums: [] };

// The part of the WebAssembly API used here (the project's lib settings leave it undeclared).
declare const WebAssembly: {
  instantiate(bytes: Uint8Array, imports: Record<string, object>): Promise<{ instance: { exports: object } }>;
};

// A real import(): transpilers targeting CommonJS (the test runner's) would turn a literal
// import() into require(), which cannot load this ESM-only package there.
const importEsm = new Function("specifier", "return import(specifier)") as (specifier: string) => Promise<unknown>;

// The engine reports a Rust panic here just before it aborts with "RuntimeError: unreachable",
// which says nothing by itself.
declare global {
  var PRISMA_WASM_PANIC_REGISTRY: { set_message(message: string): void } | undefined;
}
const panicRegistry = { set_message: (message: string) => console.error(`Prisma schema engine panicked: ${message}`) };

let glue: Promise<Glue> | undefined;

/**
 * Instantiates the WASM module once per process. The package's own entry imports the .wasm as an
 * ES module, which Node cannot do, so its wasm-bindgen glue is wired up by hand instead.
 */
function loadGlue(): Promise<Glue> {
  glue ??= (async () => {
    const gluePath = createRequire(__filename).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const module = (await importEsm(pathToFileURL(gluePath).href)) as Glue;
    const bytes = readFileSync(gluePath.replace(/\.js$/, ".wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": module });
    globalThis.PRISMA_WASM_PANIC_REGISTRY ??= panicRegistry;
    module.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
    return module;
  })();
  return glue;
}

async function runDiff(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  schemaText: string,
  from: DiffTarget,
): Promise<string> {
  const { SchemaEngine } = await loadGlue();
  const files = [{ path: SCHEMA_FILE, content: schemaText }];
  const engine = await SchemaEngine.new(
    { datamodels: [[SCHEMA_FILE, schemaText]] },
    () => undefined, // engine log lines; nothing we need
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
  try {
    const result = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return withoutEmptyScript(result.stdout ?? "");
  } finally {
    engine.free();
  }
}

/** "" when the script has no statements (the engine prints "-- This is an empty migration."). */
function withoutEmptyScript(script: string): string {
  const statements = script.split("\n").filter((line) => line.trim() !== "" && !line.trim().startsWith("--"));
  return statements.length === 0 ? "" : script;
}

/**
 * The SQL that would bring the database behind `adapterFactory` to `schemaText`; "" when they
 * match. The engine reads the live database through the adapter (its "schemaDatasource" target;
 * the "url" target is refused by the WASM build). Hand-written objects Prisma cannot express
 * (extensions, exclusion and CHECK constraints) are not reported. On PostgreSQL pass the factory
 * from postgresForSchemaEngine() (schema-engine-postgres.ts): a plain PrismaPg cannot be read.
 */
export function diffDatabaseToSchema(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  schemaText: string,
): Promise<string> {
  const files = [{ path: SCHEMA_FILE, content: schemaText }];
  return runDiff(adapterFactory, schemaText, { tag: "schemaDatasource", files, configDir: "." });
}

/** The SQL that creates `schemaText` from nothing (how the init migration was authored). */
export async function diffEmptyToSchema(schemaText: string): Promise<string> {
  // No database is read, but the engine connects as it starts: give it a throwaway one.
  const scratch = await PGlite.create();
  try {
    return await runDiff(new PrismaPGlite(scratch), schemaText, { tag: "empty" });
  } finally {
    await scratch.close();
  }
}
