import { createHash } from "node:crypto";

export interface StatementNameOptions {
  /** Name a statement once it has run this many times (one-off statements stay unnamed). */
  after?: number;
  /** At most this many named statements, so each connection prepares a bounded number. */
  max?: number;
}

const TRACKED_LIMIT = 10_000;

/**
 * Names the statements the application runs again and again. node-postgres prepares a named
 * statement once per connection, so PostgreSQL parses and plans it once instead of on every
 * call (parsing and planning were half of PostgreSQL's work per booking). The name is a hash
 * of the text: the same on every connection, and a new one when a deploy changes the query.
 * Statements whose result columns could change under a migration (`*`) stay unnamed: a
 * prepared one would fail with "cached plan must not change result type".
 */
export function hotStatementNames({ after = 2, max = 500 }: StatementNameOptions = {}) {
  const runs = new Map<string, number>();
  const names = new Map<string, string>();
  return (query: { sql: string }): string | undefined => {
    const named = names.get(query.sql);
    if (named !== undefined) return named;
    if (names.size >= max || /(\.\*|SELECT \*|RETURNING \*)/i.test(query.sql)) return undefined;
    const count = (runs.get(query.sql) ?? 0) + 1;
    if (count < after) {
      if (runs.size < TRACKED_LIMIT) runs.set(query.sql, count);
      return undefined;
    }
    runs.delete(query.sql);
    const name = `slotbase_${createHash("sha1").update(query.sql).digest("base64url").slice(0, 22)}`;
    names.set(query.sql, name);
    return name;
  };
}
