import { deliveryMode, launch, startPlan, type ChildSpec } from "../../scripts/launcher";

/** A child that prints "up", then says which signal ended it (exit code 0), or exits with `code` after `afterMs`. */
function child(name: string, behaviour: { exitAfterMs?: number; code?: number; onSignal?: "exit0" | "exit143" | "ignore" } = {}): ChildSpec {
  const onSignal = { exit0: "process.exit(0);", exit143: "setTimeout(() => process.exit(143), 100);", ignore: "" }[behaviour.onSignal ?? "exit0"];
  // "up" only once the handlers are installed: a signal sent on seeing it never finds the default action (termination).
  const script = [
    `for (const s of ["SIGTERM", "SIGINT"]) process.on(s, () => { process.stdout.write(s + "\\n"); ${onSignal} });`,
    `process.stdout.write("up\\n");`,
    behaviour.exitAfterMs !== undefined ? `setTimeout(() => process.exit(${behaviour.code ?? 0}), ${behaviour.exitAfterMs});` : `setInterval(() => {}, 1000);`,
  ].join("\n");
  return { name, command: process.execPath, args: ["-e", script], env: { PATH: process.env.PATH }, cwd: __dirname };
}

function outputs(launched: ReturnType<typeof launch>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { name, process: p } of launched.children) {
    out[name] = "";
    p.stdout!.on("data", (chunk: Buffer) => (out[name] += chunk.toString()));
  }
  return out;
}

async function allUp(out: Record<string, string>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!Object.values(out).every((o) => o.includes("up"))) {
    if (Date.now() > deadline) throw new Error(JSON.stringify(out));
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("yarn start's launcher", () => {
  it("runs the delivery process beside the server on PostgreSQL, the server's worker off and its wake-ups on", () => {
    const env = { DATABASE_URL: "postgresql://db/slotbase", NODE_OPTIONS: "--trace-warnings" };
    const [server, delivery, ...rest] = startPlan(env, { port: "4000" });
    expect(rest).toEqual([]);
    expect(server.args.slice(1)).toEqual(["start", "-p", "4000"]);
    expect(server.env).toMatchObject({ NOTIFICATIONS_WORKER: "off", NOTIFICATIONS_WAKE: "notify", NODE_OPTIONS: "--max-semi-space-size=64 --trace-warnings" });
    expect(delivery.args).toEqual(["--import", expect.stringMatching(/^file:.*tsx/), expect.stringMatching(/deliver-notifications\.ts$/), "--watch", "--only", "emails"]);
    expect(delivery.env).toMatchObject({ DATABASE_URL: env.DATABASE_URL, NOTIFICATIONS_WORKER: "off" });
  });

  it("delivers in the server's process on the embedded database, or when asked; starts no deliverer for `external`", () => {
    expect(deliveryMode({})).toBe("in-process");
    expect(deliveryMode({ NOTIFICATIONS_DELIVERY: "process" })).toBe("in-process");
    expect(deliveryMode({ DATABASE_URL: "postgresql://db/x" })).toBe("process");
    expect(() => deliveryMode({ DATABASE_URL: "postgresql://db/x", NOTIFICATIONS_DELIVERY: "cron" })).toThrow(/NOTIFICATIONS_DELIVERY/);

    const embedded = startPlan({}, { port: "3000" });
    expect(embedded.map((c) => c.name)).toEqual(["server"]);
    expect(embedded[0]!.env.NOTIFICATIONS_WORKER).toBeUndefined();
    const inProcess = startPlan({ DATABASE_URL: "postgresql://db/x", NOTIFICATIONS_DELIVERY: "in-process" }, { port: "3000" });
    expect(inProcess.map((c) => c.name)).toEqual(["server"]);
    expect(inProcess[0]!.env.NOTIFICATIONS_WAKE).toBeUndefined();
    const external = startPlan({ DATABASE_URL: "postgresql://db/x", NOTIFICATIONS_DELIVERY: "external" }, { port: "3000" });
    expect(external.map((c) => c.name)).toEqual(["server"]);
    expect(external[0]!.env).toMatchObject({ NOTIFICATIONS_WORKER: "off", NOTIFICATIONS_WAKE: "notify" });
  });

  it("starts the server with Next.js telemetry off, unless the environment turns it on", () => {
    expect(startPlan({}, { port: "3000" })[0]!.env.NEXT_TELEMETRY_DISABLED).toBe("1");
    expect(startPlan({ DATABASE_URL: "postgresql://db/x" }, { port: "3000" })[0]!.env.NEXT_TELEMETRY_DISABLED).toBe("1");
    expect(startPlan({ NEXT_TELEMETRY_DISABLED: "0" }, { port: "3000" })[0]!.env.NEXT_TELEMETRY_DISABLED).toBe("0");
  });

  it("forwards a signal to both children and exits once both have", async () => {
    const launched = launch([child("server"), child("delivery")], "pipe");
    const out = outputs(launched);
    await allUp(out);
    launched.stop("SIGINT");
    expect(await launched.exited).toBe(0);
    expect(out).toEqual({ server: "up\nSIGINT\n", delivery: "up\nSIGINT\n" });
  });

  it("exits 0 when the server ends as Next does after a SIGTERM it handled (143, once its requests are answered)", async () => {
    const launched = launch([child("server", { onSignal: "exit143" }), child("delivery")], "pipe");
    const out = outputs(launched);
    await allUp(out);
    launched.stop("SIGTERM");
    expect(await launched.exited).toBe(0);
  });

  it("kills a child still running after the shutdown timeout, and exits 1", async () => {
    const quiet = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const launched = launch([child("server", { onSignal: "ignore" }), child("delivery")], "pipe", { shutdownTimeoutMs: 300 });
    const out = outputs(launched);
    await allUp(out);
    const started = Date.now();
    launched.stop("SIGTERM");
    expect(await launched.exited).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(quiet).toHaveBeenCalledWith(expect.stringContaining("killing"));
    quiet.mockRestore();
  });

  it("stops the other child when one dies, and exits with the code of the one that died", async () => {
    const quiet = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const launched = launch([child("server"), child("delivery", { exitAfterMs: 300, code: 3 })], "pipe");
    const out = outputs(launched);
    expect(await launched.exited).toBe(3);
    expect(out.server).toBe("up\nSIGTERM\n");
    expect(quiet).toHaveBeenCalledWith(expect.stringContaining("delivery exited (code 3); stopping the others"));
    quiet.mockRestore();
  });
});
