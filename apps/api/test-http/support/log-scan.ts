import { existsSync, readFileSync } from "node:fs";

/**
 * What the server logged during the run, checked against the keys the tests sent: no line may
 * hold one (in any form a log could carry it: as sent, or percent-encoded), and every request
 * must have left its access line. Returns the problems, never a key.
 */
export function scanServerLog(logFile: string, keysFile: string): string[] {
  const lines = readFileSync(logFile, "utf8").split("\n").filter((line) => line.trim() !== "");
  const keys = existsSync(keysFile) ? [...new Set(readFileSync(keysFile, "utf8").split("\n").filter((key) => key.length >= 8))] : [];
  const problems: string[] = [];
  const leaking = lines.filter((line) => keys.some((key) => line.includes(key) || line.includes(encodeURIComponent(key))));
  if (leaking.length > 0) problems.push(`${leaking.length} server log line(s) contain an API key the tests sent (of ${keys.length} keys)`);
  const bearer = lines.filter((line) => /bearer\s+\S{8,}/i.test(line));
  if (bearer.length > 0) problems.push(`${bearer.length} server log line(s) contain a Bearer credential`);
  const access = lines.filter((line) => line.includes('"msg":"request"'));
  if (access.length === 0) problems.push("the server logged no access line at all");
  const incomplete = access.filter((line) => {
    const entry = JSON.parse(line) as Record<string, unknown>;
    return !["method", "path", "status", "durationMs", "requestId"].every((field) => field in entry);
  });
  if (incomplete.length > 0) problems.push(`${incomplete.length} access line(s) lack method, path, status, durationMs or requestId`);
  return problems;
}
