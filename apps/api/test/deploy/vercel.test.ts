import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { ROUTE_MARKER, type RouteInfo } from "../../lib/middleware/with-middleware";

/** vercel.json and the ignored-build-step script, checked against what this repository builds and serves. */
const ROOT = path.resolve(__dirname, "../../../..");
const vercel = JSON.parse(readFileSync(path.join(ROOT, "vercel.json"), "utf8")) as {
  buildCommand: string;
  outputDirectory: string;
  ignoreCommand: string;
  crons: { path: string; schedule: string }[];
};
const yarn = "node .yarn/releases/yarn-4.18.1.cjs";

describe("vercel.json", () => {
  it("builds with the repository's own build (after migrating) and serves apps/api/.next, where next build writes", () => {
    expect(vercel.buildCommand).toBe(`${yarn} db:migrate && ${yarn} build`);
    expect(existsSync(path.join(ROOT, ".yarn/releases/yarn-4.18.1.cjs"))).toBe(true);
    expect(vercel.outputDirectory).toBe("apps/api/.next");
    expect(readFileSync(path.join(ROOT, "apps/api/next.config.mjs"), "utf8")).not.toMatch(/distDir/);
  });

  it("schedules GET /api/cron/deliver every minute, a public, unlimited route that serves GET", () => {
    expect(vercel.crons).toEqual([{ path: "/api/cron/deliver", schedule: "* * * * *" }]);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const route = (require(path.join(ROOT, "apps/api/pages/api/cron/deliver.ts")) as { default: { [ROUTE_MARKER]: RouteInfo } }).default[ROUTE_MARKER];
    expect(route).toMatchObject({ public: true, unlimited: true, methods: { GET: {} } });
  });
});

describe("scripts/vercel-deploy.sh (the ignored build step: exit 1 builds, exit 0 skips)", () => {
  const run = (env: Record<string, string>) => spawnSync("bash", [path.join(ROOT, "scripts/vercel-deploy.sh")], { cwd: ROOT, env: { PATH: process.env.PATH ?? "", NODE_ENV: "test", ...env }, encoding: "utf8" });

  it("is what vercel.json names", () => {
    expect(vercel.ignoreCommand).toBe("bash scripts/vercel-deploy.sh");
  });

  it("builds when no previous deployment is known", () => {
    expect(run({}).status).toBe(1);
  });

  it("skips when nothing it is built from changed since the previous deployment", () => {
    const head = spawnSync("git", ["rev-parse", "HEAD"], { cwd: ROOT, encoding: "utf8" }).stdout.trim();
    // commits are compared (the deployment builds the commit, not a working tree)
    expect(run({ VERCEL_GIT_PREVIOUS_SHA: head }).status).toBe(0);
  });

  it("builds when the previous commit is unknown to the clone", () => {
    expect(run({ VERCEL_GIT_PREVIOUS_SHA: "0".repeat(40) }).status).toBe(1);
  });
});
