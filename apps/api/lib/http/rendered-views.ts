import { LRUCache } from "lru-cache";
import { currentDatabaseScope } from "@slotbase/prisma";

/**
 * Finished JSON bodies of revalidatable responses, keyed by their strong ETag. A strong
 * validator names exactly one body (the route derives it from everything the body is built
 * from: for calendar events, the calendars' revisions, live holds, range and the caller's view
 * of each resource), so any caller whose request yields the same tag may be sent the same
 * bytes. Each instance keeps its own; they never disagree, as tags are read from the database.
 */
const MAX_BYTES = Number(process.env.RENDERED_VIEW_CACHE_BYTES ?? 64 * 1024 * 1024);

const cache = new LRUCache<string, Buffer>({
  maxSize: Math.max(1, MAX_BYTES),
  sizeCalculation: (bytes) => Math.max(1, bytes.length),
  // Tags that are no longer current are never asked for again; let them go.
  ttl: 10 * 60_000,
});

/** Renders under way: callers asking for the same view meanwhile wait for that one render. */
const rendering = new Map<string, Promise<Buffer>>();

/**
 * The body for `etag` as UTF-8 (kept encoded: sending it again costs no encoding), built by
 * `render` unless an earlier or concurrent request already does.
 */
export function renderedView(etag: string, render: () => Promise<string>): Promise<Buffer> {
  // Tags are read from one database: two deployments' databases may well produce the same one.
  const key = `${currentDatabaseScope()?.id ?? ""}:${etag}`;
  const cached = cache.get(key);
  if (cached !== undefined) return Promise.resolve(cached);
  const pending = rendering.get(key);
  if (pending) return pending;
  const rendered = (async () => {
    try {
      const bytes = Buffer.from(await render(), "utf8");
      if (MAX_BYTES > 0) cache.set(key, bytes);
      return bytes;
    } finally {
      rendering.delete(key);
    }
  })();
  rendering.set(key, rendered);
  return rendered;
}
