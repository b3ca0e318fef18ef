import pino from "pino";

/**
 * The one logger of the API, the notification worker and the scripts: JSON lines (pino) on
 * stdout, level from LOG_LEVEL (default info), quiet under jest except errors unless
 * LOG_IN_TESTS=1. Anything that looks like a credential is redacted wherever it appears in
 * the fields, so a careless `log.info(msg, { req })` cannot leak a key.
 */
const REDACTED_KEYS = ["apiKey", "apikey", "authorization", "key", "secret", "token", "password", "hashedKey", "cookie"];

type Sink = (line: string) => void;
const toStdout: Sink = (line) => process.stdout.write(line);
let sink: Sink = toStdout;

function build(level: string) {
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { error: pino.stdSerializers.err },
      redact: { paths: REDACTED_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]), censor: "[redacted]" },
    },
    { write: (line: string) => sink(line) },
  );
}

const levelFromEnv = () => (process.env.NODE_ENV === "test" && !process.env.LOG_IN_TESTS ? "error" : (process.env.LOG_LEVEL ?? "info"));
let logger = build(levelFromEnv());

type Fields = Record<string, unknown>;

export const log = {
  info: (msg: string, fields: Fields = {}) => logger.info(fields, msg),
  warn: (msg: string, fields: Fields = {}) => logger.warn(fields, msg),
  error: (msg: string, fields: Fields = {}) => logger.error(fields, msg),
};

/** Tests: collect the log lines `work` writes, at every level, as parsed objects. */
export async function captureLogs<T>(work: () => Promise<T>): Promise<{ result: T; lines: Record<string, unknown>[] }> {
  const lines: Record<string, unknown>[] = [];
  const previous = logger;
  sink = (line) => lines.push(JSON.parse(line) as Record<string, unknown>);
  logger = build("info");
  try {
    return { result: await work(), lines };
  } finally {
    sink = toStdout;
    logger = previous;
  }
}
