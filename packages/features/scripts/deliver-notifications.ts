// `yarn notifications:deliver [--watch] [--only emails|webhooks]`: sends the due emails of the
// notification outbox and the due webhook deliveries (retries included) and exits; with --watch
// keeps polling every NOTIFICATIONS_POLL_MS (webhooks only: WEBHOOK_POLL_MS) until interrupted.
// For deployments where the API process cannot deliver in the background (serverless: run it
// from a cron), to send one outbox from processes of its own (--only; the API processes then
// run with that outbox's worker off), or to flush the outboxes by hand.
import { parseArgs } from "node:util";
import { deliverDueNotifications, notificationSettings } from "../notifications";
import { deliverDueWebhooks } from "../webhooks/deliver";
import { webhookSettings } from "../webhooks/webhook-settings";
import { runScript } from "./script-database";

const USAGE = "Usage: yarn notifications:deliver [--watch] [--only emails|webhooks]";
const EMAIL_PASS_LIMIT = 100;
const WEBHOOK_PASS_LIMIT = 250;
const NONE = { sent: 0, retried: 0, failed: 0 };
const NO_WEBHOOKS = { delivered: 0, retried: 0, failed: 0 };
type Outbox = "emails" | "webhooks";

function readOptions(): { watch: boolean; outboxes: Outbox[] } | undefined {
  try {
    const { values } = parseArgs({ options: { watch: { type: "boolean", default: false }, only: { type: "string" } } });
    if (values.only !== undefined && values.only !== "emails" && values.only !== "webhooks") return undefined;
    return { watch: values.watch ?? false, outboxes: values.only ? [values.only] : ["emails", "webhooks"] };
  } catch {
    return undefined;
  }
}

/** Passes until the backlog of due rows of the outboxes is drained. */
async function drain(outboxes: Outbox[]): Promise<{ sent: number; retried: number; failed: number }> {
  const total = { sent: 0, retried: 0, failed: 0 };
  for (;;) {
    const mail = outboxes.includes("emails") ? await deliverDueNotifications({ limit: EMAIL_PASS_LIMIT }) : NONE;
    const hooks = outboxes.includes("webhooks") ? await deliverDueWebhooks({ limit: WEBHOOK_PASS_LIMIT }) : NO_WEBHOOKS;
    total.sent += mail.sent + hooks.delivered;
    total.retried += mail.retried + hooks.retried;
    total.failed += mail.failed + hooks.failed;
    if (mail.sent + mail.retried + mail.failed < EMAIL_PASS_LIMIT && hooks.delivered + hooks.retried + hooks.failed < WEBHOOK_PASS_LIMIT) return total;
  }
}

function summary(result: { sent: number; retried: number; failed: number }): string {
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
    const pollMs = Math.min(...options.outboxes.map((outbox) => (outbox === "emails" ? settings.pollMs : webhookSettings().pollMs)));
    if (!options.watch) {
      console.log(summary(await drain(options.outboxes)));
      return;
    }
    let stopping = false;
    let wake: (() => void) | undefined;
    const stop = () => {
      stopping = true;
      wake?.();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    while (!stopping) {
      const result = await drain(options.outboxes);
      if (result.sent + result.retried + result.failed > 0) console.log(`${new Date().toISOString()} ${summary(result)}`);
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, pollMs).unref();
      });
    }
  });
}
