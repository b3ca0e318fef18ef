/**
 * Structured JSON log lines. Query strings are never logged (they can hold `apiKey`),
 * and errors are reduced to name, message and stack on the server side only.
 */
type Fields = Record<string, unknown>;

function serialise(fields: Fields): Fields {
  const out: Fields = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
  }
  return out;
}

type Level = "info" | "warn" | "error";
const RANK: Record<Level, number> = { info: 0, warn: 1, error: 2 };

function enabled(level: Level): boolean {
  if (process.env.NODE_ENV === "test" && level !== "error" && !process.env.LOG_IN_TESTS) return false;
  const threshold = (process.env.LOG_LEVEL ?? "info") as Level;
  return RANK[level] >= (RANK[threshold] ?? RANK.info);
}

function write(level: Level, msg: string, fields: Fields = {}): void {
  if (!enabled(level)) return;
  const line = JSON.stringify({ level, time: new Date().toISOString(), msg, ...serialise(fields) });
  (level === "error" ? console.error : console.log)(line);
}

export const log = {
  info: (msg: string, fields?: Fields) => write("info", msg, fields),
  warn: (msg: string, fields?: Fields) => write("warn", msg, fields),
  error: (msg: string, fields?: Fields) => write("error", msg, fields),
};
