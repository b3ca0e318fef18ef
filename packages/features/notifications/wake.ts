import { getPrisma } from "@slotbase/prisma";
import { log } from "../logging/logger";
import { errorText } from "./error-text";

/** The PostgreSQL channel the delivery process listens on; the payload names the outbox. */
export const OUTBOX_CHANNEL = "slotbase_outbox";
/**
 * At most one NOTIFY per this long: under load one wakes the delivery process for the rows of
 * many bookings (each NOTIFY is a small transaction of its own), at the cost of this much lag.
 */
const MIN_INTERVAL_MS = 50;

let inFlight = false;
let again = false;
let lastSent = -Infinity;

async function send(): Promise<void> {
  inFlight = true;
  try {
    do {
      again = false;
      const wait = lastSent + MIN_INTERVAL_MS - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      lastSent = performance.now();
      const prisma = await getPrisma();
      await prisma.$executeRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, 'emails')`;
    } while (again);
  } catch (error) {
    // The delivery process still polls (NOTIFICATIONS_POLL_MS): these rows wait for that.
    log.warn("could not wake the delivery process", { error: errorText(error) });
  } finally {
    inFlight = false;
  }
}

/**
 * Tells the delivery process that emails were queued (after their transaction committed):
 * outside that transaction, so a booking's commit never waits for PostgreSQL's NOTIFY queue
 * lock. Kicks while a NOTIFY is on its way coalesce into one more. Never throws, never waits.
 */
export function wakeDeliveryProcess(): void {
  if (inFlight) {
    again = true;
    return;
  }
  void send();
}
