// Benchmark output: the machine and code a run measured, a plain-text table, and the JSON
// results file (written to a .tmp file first, then renamed, so a broken run never leaves
// half a file behind).
import { execFileSync } from "node:child_process";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { LatencyStats } from "./stats";

export interface Environment {
  date: string;
  git: { commit: string | null; dirty: boolean | null };
  node: string;
  platform: string;
  cpu: { model: string; cores: number };
  memoryGb: number;
  /** 1, 5 and 15-minute load averages when the run started: other work on the machine skews every figure. */
  loadAverage: number[];
}

function git(root: string, args: string[]): string | null {
  try {
    return execFileSync("git", args, { cwd: root, stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
  } catch {
    return null;
  }
}

/** Read-only git queries (no index refresh, nothing written). */
function isDirty(root: string): boolean | null {
  try {
    execFileSync("git", ["diff", "--quiet", "HEAD", "--"], { cwd: root, stdio: "ignore" });
    return false;
  } catch (error) {
    return (error as { status?: number }).status === 1 ? true : null;
  }
}

export const loadAverage = () => os.loadavg().map((x) => Math.round(x * 100) / 100);

export function environment(root: string): Environment {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    git: { commit: git(root, ["rev-parse", "HEAD"]), dirty: isDirty(root) },
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpu: { model: cpus[0]?.model.trim() ?? "unknown", cores: cpus.length },
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    loadAverage: loadAverage(),
  };
}

/** One line of the table: a scenario measured one way. */
export interface ResultRow {
  scenario: string;
  mode: string;
  latency: LatencyStats;
  requestsPerSecond?: number;
  /** p50 target in ms, when the issue sets one for this row. */
  targetP50Ms?: number;
  /** Throughput target (requestsPerSecond at least this), when the issue sets one for this row. */
  targetRequestsPerSecond?: number;
  note?: string;
}

export const passed = (row: ResultRow): boolean | null => {
  if (row.targetP50Ms === undefined && row.targetRequestsPerSecond === undefined) return null;
  const latencyOk = row.targetP50Ms === undefined || row.latency.p50 <= row.targetP50Ms;
  const throughputOk = row.targetRequestsPerSecond === undefined || (row.requestsPerSecond ?? 0) >= row.targetRequestsPerSecond;
  return latencyOk && throughputOk;
};

/** The target column: "target p50" while only latency targets are set (as bench:slots prints it). */
const targetHeader = (rows: readonly ResultRow[]) => (rows.some((r) => r.targetRequestsPerSecond !== undefined) ? "target" : "target p50");

function targetText(row: ResultRow): string | null {
  const parts = [
    row.targetP50Ms === undefined ? null : `≤ ${row.targetP50Ms} ms`,
    row.targetRequestsPerSecond === undefined ? null : `≥ ${row.targetRequestsPerSecond}/s`,
  ].filter((p) => p !== null);
  return parts.length === 0 ? null : parts.join(", ");
}

function ms(value: number): string {
  if (value < 1) return value.toFixed(3);
  if (value < 10) return value.toFixed(2);
  return value.toFixed(1);
}

/** The rows as an aligned plain-text table. */
export function formatTable(rows: readonly ResultRow[]): string {
  const header = ["scenario", "mode", "n", "p50 ms", "p95 ms", "p99 ms", "mean ms", "req/s", targetHeader(rows), "result"];
  const lines = rows.map((row) => {
    const ok = passed(row);
    return [
      row.scenario,
      row.mode,
      String(row.latency.iterations),
      ms(row.latency.p50),
      ms(row.latency.p95),
      ms(row.latency.p99),
      ms(row.latency.mean),
      row.requestsPerSecond === undefined ? "–" : row.requestsPerSecond.toFixed(1),
      targetText(row) ?? "–",
      ok === null ? "–" : ok ? "pass" : "MISS",
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const numeric = new Set([2, 3, 4, 5, 6, 7]);
  const render = (cells: string[]) => cells.map((c, i) => (numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd();
  return [render(header), widths.map((w) => "-".repeat(w)).join("  "), ...lines.map(render)].join("\n");
}

/** The rows as a Markdown table (for the README). */
export function formatMarkdown(rows: readonly ResultRow[]): string {
  const lines = [`| scenario | mode | p50 | p95 | p99 | mean | req/s | ${targetHeader(rows)} |`, "|---|---|---|---|---|---|---|---|"];
  for (const row of rows) {
    const ok = passed(row);
    const text = targetText(row);
    const target = text === null ? "–" : `${text} ${ok ? "(pass)" : "(**miss**)"}`;
    const rps = row.requestsPerSecond === undefined ? "–" : row.requestsPerSecond.toFixed(0);
    const l = row.latency;
    lines.push(`| ${row.scenario} | ${row.mode.replace(/^\s+/, "↳ ")} | ${ms(l.p50)} ms | ${ms(l.p95)} ms | ${ms(l.p99)} ms | ${ms(l.mean)} ms | ${rps} | ${target} |`);
  }
  return lines.join("\n");
}

/** Writes `data` as pretty JSON to `file` atomically (tmp file + rename). */
export function writeJson(file: string, data: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(data, null, 2)}\n`);
  renameSync(tmp, file);
}

/** Writes the results (a --quick run without --out writes nothing) and says which p50 targets were missed. */
export function reportResults(outFile: string | null, results: unknown, rows: readonly ResultRow[], describeMiss: (row: ResultRow) => string): void {
  if (outFile) {
    writeJson(outFile, results);
    console.log(`\nwrote ${path.relative(process.cwd(), outFile)}`);
  }
  const missed = rows.filter((row) => passed(row) === false);
  console.log(missed.length > 0 ? `\nTARGET MISSED: ${missed.map(describeMiss).join("; ")}` : "\nall targets met");
}
