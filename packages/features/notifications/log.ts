/**
 * One JSON line per event, like the API's request log (LOG_LEVEL; quiet under jest unless
 * LOG_IN_TESTS=1, errors always shown).
 */
type Level = "info" | "warn" | "error";
const RANK: Record<Level, number> = { info: 0, warn: 1, error: 2 };

function enabled(level: Level): boolean {
  if (process.env.NODE_ENV === "test" && level !== "error" && !process.env.LOG_IN_TESTS) return false;
  const threshold = RANK[(process.env.LOG_LEVEL ?? "info") as Level] ?? RANK.info;
  return RANK[level] >= threshold;
}

function write(level: Level, msg: string, fields: Record<string, unknown>): void {
  if (!enabled(level)) return;
  const line = JSON.stringify({ level, time: new Date().toISOString(), msg, ...fields });
  (level === "info" ? console.log : console.error)(line);
}

export const notificationLog = {
  info: (msg: string, fields: Record<string, unknown> = {}) => write("info", msg, fields),
  warn: (msg: string, fields: Record<string, unknown> = {}) => write("warn", msg, fields),
  error: (msg: string, fields: Record<string, unknown> = {}) => write("error", msg, fields),
};

/** An error as one short line (SMTP errors carry the server's reply in `response`). */
export function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 1000);
  const { code, responseCode, response } = error as { code?: string; responseCode?: number; response?: string };
  const parts = [error.message.trim()];
  if (response && !error.message.includes(response)) parts.push(response.trim());
  if (code) parts.push(`(${code}${responseCode ? ` ${responseCode}` : ""})`);
  return parts.join(" ").replace(/\s+/g, " ").slice(0, 1000);
}
