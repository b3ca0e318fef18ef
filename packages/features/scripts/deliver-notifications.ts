// `yarn notifications:deliver [--watch] [--only emails|webhooks]`: sends the due emails of the
// notification outbox and the due webhook deliveries (retries included) and exits; with --watch
// keeps going until interrupted (SIGINT, SIGTERM): on PostgreSQL it LISTENs for the API
// processes' wake-ups (NOTIFICATIONS_WAKE=notify) and drains at once, and it polls every
// NOTIFICATIONS_POLL_MS (webhooks only: WEBHOOK_POLL_MS) for retries and missed wake-ups.
// `yarn start` runs it alongside the server on PostgreSQL (apps/api/scripts/start.ts); also for
// serverless deployments (run it from a cron), or to flush the outboxes by hand.
import { parseArgs } from "node:util";
import { listenForNotifications } from "@slotbase/prisma";
import { watchOutboxes } from "../common/outbox-watch";
import { log } from "../logging/logger";
import { notificationSettings } from "../notifications";
import { deliverDueWithin, type DeliveryRun, type Outbox } from "../common/deliver-due";
import { deliverDueForDeployments, startDeploymentsDeliveryPoll, stopDeploymentsDeliveryPoll } from "../deployments/deliver-deployments";
import { errorText } from "../notifications/error-text";
import { OUTBOX_CHANNEL } from "../notifications/wake";
import { webhookSettings } from "../webhooks/webhook-settings";
import { runScript } from "./script-database";

const USAGE = "Usage: yarn notifications:deliver [--watch] [--only emails|webhooks]";
const PASS_LIMIT = 250;
/** Wake-ups within this long of a drain's start are served by the next one together. */
const MIN_DRAIN_INTERVAL_MS = 100;
/** --watch prints what it sent at most this often. */
const REPORT_EVERY_MS = 10_000;
const NONE = { sent: 0, retried: 0, failed: 0 };
type Totals = { sent: number; retried: number; failed: number };

function readOptions(): { watch: boolean; outboxes: Outbox[] } | undefined {
  try {
    const { values } = parseArgs({ options: { watch: { type: "boolean", default: false }, only: { type: "string" } } });
    if (values.only !== undefined && values.only !== "emails" && values.only !== "webhooks") return undefined;
    return { watch: values.watch ?? false, outboxes: values.only ? [values.only] : ["emails", "webhooks"] };
  } catch {
    return undefined;
  }
}

/** Adds a run to `total`; how many rows it handled. */
function count({ emails, webhooks }: DeliveryRun, total: Totals): number {
  total.sent += emails.sent + webhooks.delivered;
  total.retried += emails.retried + webhooks.retried;
  total.failed += emails.failed + webhooks.failed;
  return emails.sent + emails.retried + emails.failed + webhooks.delivered + webhooks.retried + webhooks.failed;
}

/** Passes until the backlog of due rows of the outboxes is drained (no time budget), added to `total`; how many rows were handled. */
async function drain(outboxes: Outbox[], total: Totals): Promise<number> {
  return count(await deliverDueWithin({ budgetMs: Infinity, outboxes, passLimit: PASS_LIMIT }), total);
}

function summary(result: Totals): string {
  return `${result.sent} sent, ${result.retried} to retry later, ${result.failed} given up`;
}

const options = readOptions();
if (!options) {
  console.error(USAGE);
  process.exitCode = 1;
} else {
  void runScript("Delivering notifications", async (db) => {
    const settings = notificationSettings();
    const via = settings.emailServer ? "SMTP (EMAIL_SERVER)" : `.eml files in ${settings.outboxDir}`;
    const what = { emails: `due notifications (emails via ${via})`, webhooks: "due webhook deliveries" };
    console.log(`Delivering ${options.outboxes.map((outbox) => what[outbox]).join(" and ")} from the ${db.description}.`);
    const total: Totals = { sent: 0, retried: 0, failed: 0 };
    if (!options.watch) {
      await drain(options.outboxes, total);
      // Each deployment's outbox too (multi-deployment mode).
      count(await deliverDueForDeployments({ budgetMs: Infinity, outboxes: options.outboxes, passLimit: PASS_LIMIT }), total);
      console.log(summary(total));
      return;
    }
    const stop = new AbortController();
    process.once("SIGINT", () => stop.abort());
    process.once("SIGTERM", () => stop.abort());
    // Deployments' outboxes (multi-deployment mode) on a timer of their own, not at each wake-up.
    startDeploymentsDeliveryPoll(options.outboxes);
    stop.signal.addEventListener("abort", stopDeploymentsDeliveryPoll);
    const url = process.env.DATABASE_URL;
    const listen = url
      ? (wake: () => void) =>
          listenForNotifications(url, OUTBOX_CHANNEL, wake, {
            // Reconnected: wake-ups sent meanwhile were lost, so drain now.
            onConnect: wake,
            onError: (error) => log.warn("delivery wake-ups: the LISTEN connection failed, reconnecting", { error: errorText(error) }),
          })
      : undefined;
    const pollMs = Math.min(...options.outboxes.map((outbox) => (outbox === "emails" ? settings.pollMs : webhookSettings().pollMs)));
    let reported = performance.now();
    const report = () => {
      if (total.sent + total.retried + total.failed === 0) return;
      console.log(`${new Date().toISOString()} ${summary(total)}`);
      Object.assign(total, NONE);
      reported = performance.now();
    };
    await watchOutboxes({
      drain: async () => {
        const handled = await drain(options.outboxes, total);
        if (performance.now() - reported >= REPORT_EVERY_MS) report();
        return handled;
      },
      pollMs,
      listen,
      minIntervalMs: MIN_DRAIN_INTERVAL_MS,
      signal: stop.signal,
      onReady: () => console.log(`Watching${listen ? ` (LISTEN ${OUTBOX_CHANNEL}, and` : " ("} polling every ${pollMs} ms). Stop with Ctrl-C.`),
    });
    report();
  });
}
