// `yarn notifications:deliver [--watch]`: sends the due emails of the notification outbox and
// the due webhook deliveries (retries included) and exits; with --watch keeps polling every NOTIFICATIONS_POLL_MS until
// interrupted. For deployments where the API process cannot deliver in the background
// (serverless: run it from a cron), or to flush the outbox by hand.
import { parseArgs } from "node:util";
import { deliverDueNotifications, notificationSettings } from "../notifications";
import { deliverDueWebhooks } from "../webhooks/deliver";
import { runScript } from "./script-database";

const USAGE = "Usage: yarn notifications:deliver [--watch]";
const PASS_LIMIT = 100;

function readOptions(): { watch: boolean } | undefined {
  try {
    const { values } = parseArgs({ options: { watch: { type: "boolean", default: false } } });
    return { watch: values.watch ?? false };
  } catch {
    return undefined;
  }
}

/** Passes until the backlog of due rows of both outboxes is drained. */
async function drain(): Promise<{ sent: number; retried: number; failed: number }> {
  const total = { sent: 0, retried: 0, failed: 0 };
  for (;;) {
    const mail = await deliverDueNotifications({ limit: PASS_LIMIT });
    const hooks = await deliverDueWebhooks({ limit: PASS_LIMIT });
    total.sent += mail.sent + hooks.delivered;
    total.retried += mail.retried + hooks.retried;
    total.failed += mail.failed + hooks.failed;
    const handled = Math.max(mail.sent + mail.retried + mail.failed, hooks.delivered + hooks.retried + hooks.failed);
    if (handled < PASS_LIMIT) return total;
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
    console.log(`Delivering due notifications (emails via ${via}) and webhook deliveries from the ${db.description}.`);
    if (!options.watch) {
      console.log(summary(await drain()));
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
      const result = await drain();
      if (result.sent + result.retried + result.failed > 0) console.log(`${new Date().toISOString()} ${summary(result)}`);
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, settings.pollMs).unref();
      });
    }
  });
}
