// Samples pg_stat_activity while a load runs: what the app's database connections are doing.
// "active" is PostgreSQL working (or waiting on a lock, see waits); "idle in transaction" is a
// transaction waiting on the app (its Node code between two queries, or the round trip);
// "idle" is a pooled connection nobody uses. With every pooled connection busy most of the
// time, the pool is the limit; with most of them idle, the app's CPU is.
import { Client } from "pg";

export interface ActivitySummary {
  samples: number;
  intervalMs: number;
  /** Mean number of the database's connections (the sampler's own excluded) in each state. */
  meanConnections: number;
  meanByState: Record<string, number>;
  /** Share of samples in which every connection was in a transaction or running a query. */
  allBusyShare: number;
  /** Wait events of active connections (e.g. Lock:transactionid), as counts over all samples. */
  waits: Record<string, number>;
}

/** Samples every `intervalMs` until stop(); connects on start. */
export async function sampleActivity(url: string, intervalMs = 200): Promise<{ stop(): Promise<ActivitySummary> }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const byState: Record<string, number> = {};
  const waits: Record<string, number> = {};
  let samples = 0;
  let connections = 0;
  let allBusy = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query<{ state: string | null; wait: string | null }>(
        `SELECT state, CASE WHEN state = 'active' AND wait_event IS NOT NULL THEN wait_event_type || ':' || wait_event END AS wait
           FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
      );
      samples += 1;
      connections += rows.length;
      let busy = 0;
      for (const row of rows) {
        const state = row.state ?? "unknown";
        byState[state] = (byState[state] ?? 0) + 1;
        if (state !== "idle") busy += 1;
        if (row.wait) waits[row.wait] = (waits[row.wait] ?? 0) + 1;
      }
      if (rows.length > 0 && busy === rows.length) allBusy += 1;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await client.end();
      const round = (x: number) => Math.round(x * 100) / 100;
      return {
        samples,
        intervalMs,
        meanConnections: round(connections / Math.max(1, samples)),
        meanByState: Object.fromEntries(Object.entries(byState).map(([state, count]) => [state, round(count / Math.max(1, samples))])),
        allBusyShare: round(allBusy / Math.max(1, samples)),
        waits,
      };
    },
  };
}
