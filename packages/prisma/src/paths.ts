import { existsSync } from "node:fs";
import path from "node:path";

/** The monorepo root: the nearest folder above `from` that holds turbo.json. */
export function findRepoRoot(from: string = process.cwd()): string {
  let dir = path.resolve(/* turbopackIgnore: true */ from);
  for (;;) {
    // turbopackIgnore: a runtime lookup, not a file the build should trace and bundle.
    if (existsSync(path.join(/* turbopackIgnore: true */ dir, "turbo.json"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(/* turbopackIgnore: true */ from);
    dir = parent;
  }
}

/** Where the embedded database lives unless SLOTBASE_DATA_DIR says otherwise (git-ignored). */
export function defaultDataDir(): string {
  return process.env.SLOTBASE_DATA_DIR ?? path.join(/* turbopackIgnore: true */ findRepoRoot(), ".slotbase-data", "pglite");
}
