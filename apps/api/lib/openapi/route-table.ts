import { readdirSync } from "node:fs";
import path from "node:path";

export const PAGES_API_DIR = path.resolve(__dirname, "..", "..", "pages", "api");

export interface RouteFile {
  /** Public path template as documented, e.g. `/v1/users/{id}`. */
  template: string;
  /** Absolute path of the route module. */
  file: string;
}

// Public aliases that next.config.mjs rewrites onto pages/api files.
const DOCUMENTED_AS: Record<string, string> = { "/": "/", "/openapi": "/openapi.json", "/docs": "/docs" };

/** Every module under pages/api and the public path it serves (build time and tests only). */
export function routeTable(dir: string = PAGES_API_DIR): RouteFile[] {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
  return files
    .map((file) => {
      const relative = path.relative(dir, file).split(path.sep).join("/").replace(/\.tsx?$/, "");
      const routePath = `/${relative}`.replace(/\/index$/, "") || "/";
      const template = routePath.replace(/\[([^\]]+)\]/g, "{$1}");
      // Workspace calendars and calendar events are documented under /api, as their contracts (seeds 003 and 001) name them.
      const underApi = /^\/(v2\/w|v1\/calendar-events|v1\/customer-accounts)(\/|$)/.test(template);
      const documented = DOCUMENTED_AS[template] ?? (underApi ? `/api${template}` : template);
      return { template: documented, file };
    })
    .sort((a, b) => a.template.localeCompare(b.template));
}
