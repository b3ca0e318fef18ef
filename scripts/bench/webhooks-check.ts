// bench:webhooks, the checks: the delivery outbox ("WebhookDelivery") against the bookings the
// load created and what the receivers got — one BOOKING_CREATED per booking and webhook of its
// host, all SUCCEEDED, each received by its own receiver exactly once per delivery id (more
// only as retries of a delivery with attempts > 1, under the same id), every signature valid,
// every payload the booking's — and the delivery lag.
import { withPgClient } from "./lib/database";
import { expect } from "./lib/run";
import { summarize, type LatencyStats } from "./lib/stats";
import type { CreatedBookings } from "./webhooks-load";
import type { BenchWebhook, Reception } from "./webhooks-receiver";

/** Delivery rows by status. */
export async function deliveryStatus(url: string): Promise<Record<string, number>> {
  return withPgClient(url, async (pg) => {
    const { rows } = await pg.query<{ status: string; n: string }>(`SELECT status, count(*) AS n FROM "WebhookDelivery" GROUP BY status`);
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  });
}

/** Waits until no delivery is PENDING; drainedMs is null after `timeoutMs`. */
export async function waitForWebhooks(url: string, timeoutMs: number): Promise<{ drainedMs: number | null; status: Record<string, number> }> {
  const started = Date.now();
  for (;;) {
    const status = await deliveryStatus(url);
    if (!status.PENDING) return { drainedMs: Date.now() - started, status };
    if (Date.now() - started > timeoutMs) return { drainedMs: null, status };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export interface DeliveryRow {
  id: string;
  webhookId: string;
  triggerEvent: string;
  status: string;
  attempts: number;
  bookingId: number | null;
  uid: string | null;
}

export async function loadDeliveries(url: string): Promise<DeliveryRow[]> {
  return withPgClient(url, async (pg) => {
    const { rows } = await pg.query<DeliveryRow>(
      `SELECT d.id, d."webhookId", d."triggerEvent"::text AS "triggerEvent", d.status::text AS status, d.attempts, d."bookingId", b.uid
         FROM "WebhookDelivery" d LEFT JOIN "Booking" b ON b.id = d."bookingId"`,
    );
    return rows;
  });
}

export interface DeliveryCounts {
  bookingsWithWebhooks: number;
  expectedDeliveries: number;
  rows: number;
  succeeded: number;
  notSucceeded: number;
  /** (booking, webhook) pairs without a BOOKING_CREATED row, and pairs with more than one. */
  missing: number;
  duplicateRows: number;
  /** Rows for a booking made before the webhooks existed, of another trigger, or for a webhook not of the booking's host. */
  unexpectedRows: number;
  receptions: number;
  idsReceived: number;
  idsNeverReceived: number;
  /** Delivery ids received more than once: as retries (attempts > 1), or not (a violation). */
  idsReceivedMoreThanOnce: number;
  retriedIdsReceivedMoreThanOnce: number;
  duplicatesWithoutRetry: number;
  /** Rows with attempts > 1 (an attempt that failed, then one that succeeded). */
  retriedRows: number;
  maxAttempts: number;
  invalidSignatures: number;
  unknownIds: number;
  wrongReceiver: number;
  wrongPayload: number;
  badRequests: number;
}

const bump = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);

/**
 * Everything the outbox and the receivers must agree on. `withWebhooks` are the uids created
 * once the webhooks existed; every other booking in `created` must have no delivery.
 */
export function checkDeliveries(rows: DeliveryRow[], receptions: Reception[], webhooks: BenchWebhook[], created: CreatedBookings, withWebhooks: Set<string>): { counts: DeliveryCounts; violations: string[] } {
  const violations: string[] = [];
  const problem = (message: string) => violations.push(message);
  const webhookById = new Map(webhooks.map((w) => [w.id, w]));
  const rowById = new Map(rows.map((r) => [r.id, r]));

  // The outbox: one SUCCEEDED BOOKING_CREATED row per (booking made with webhooks on, webhook of its host).
  const rowsPerPair = new Map<string, number>();
  let unexpectedRows = 0;
  for (const row of rows) {
    const webhook = webhookById.get(row.webhookId);
    const booking = row.uid === null ? undefined : created.get(row.uid);
    if (row.triggerEvent !== "BOOKING_CREATED" || !webhook || row.uid === null || !withWebhooks.has(row.uid) || booking?.hostUserId !== webhook.userId) {
      unexpectedRows += 1;
      problem(`delivery ${row.id}: ${row.triggerEvent} of booking ${row.uid ?? row.bookingId} for webhook ${row.webhookId}, which no booking of the run should have produced`);
      continue;
    }
    bump(rowsPerPair, `${row.uid} ${row.webhookId}`);
  }
  let missing = 0;
  let duplicateRows = 0;
  for (const uid of withWebhooks) {
    const host = created.get(uid)!.hostUserId;
    for (const webhook of webhooks.filter((w) => w.userId === host)) {
      const n = rowsPerPair.get(`${uid} ${webhook.id}`) ?? 0;
      if (n === 0) missing += 1;
      if (n > 1) duplicateRows += n - 1;
      if (n !== 1) problem(`booking ${uid}: ${n} BOOKING_CREATED deliveries for webhook ${webhook.id}, expected 1`);
    }
  }
  const notSucceeded = rows.filter((r) => r.status !== "SUCCEEDED");
  for (const row of notSucceeded) problem(`delivery ${row.id} is ${row.status} after ${row.attempts} attempts`);

  // The receivers: every reception a known delivery, at its webhook's receiver, signed, about its booking.
  const receptionsById = new Map<string, Reception[]>();
  let invalidSignatures = 0;
  let unknownIds = 0;
  let wrongReceiver = 0;
  let wrongPayload = 0;
  let badRequests = 0;
  for (const r of receptions) {
    if (r.problem) {
      badRequests += 1;
      problem(`receiver ${r.receiver} ${r.path}: ${r.problem}`);
    }
    if (!r.signatureValid) {
      invalidSignatures += 1;
      problem(`delivery ${r.deliveryId} attempt ${r.attempt} at receiver ${r.receiver} ${r.path}: the X-Cal-Signature-256 does not match the body`);
    }
    const row = r.deliveryId === null ? undefined : rowById.get(r.deliveryId);
    if (!row) {
      unknownIds += 1;
      problem(`receiver ${r.receiver} ${r.path} got delivery id ${r.deliveryId}, which is no delivery row`);
      continue;
    }
    const list = receptionsById.get(row.id);
    if (list) list.push(r);
    else receptionsById.set(row.id, [r]);
    const webhook = webhookById.get(row.webhookId);
    if (!webhook || webhook.receiver !== r.receiver || webhook.path !== r.path) {
      wrongReceiver += 1;
      problem(`delivery ${row.id} of webhook ${row.webhookId} arrived at receiver ${r.receiver} ${r.path}`);
    }
    if (r.triggerEvent !== row.triggerEvent || r.event !== row.triggerEvent || r.uid !== row.uid || r.bookingId !== row.bookingId || r.createdAt === null) {
      wrongPayload += 1;
      problem(`delivery ${row.id}: received ${r.triggerEvent} (header ${r.event}) of booking ${r.uid}/${r.bookingId}, the row is ${row.triggerEvent} of ${row.uid}/${row.bookingId}`);
    }
  }

  // Exactly once per delivery id; more only as retries (attempts > 1), each attempt once.
  let idsNeverReceived = 0;
  let idsReceivedMoreThanOnce = 0;
  let retriedIdsReceivedMoreThanOnce = 0;
  let duplicatesWithoutRetry = 0;
  for (const row of rows) {
    const got = receptionsById.get(row.id) ?? [];
    if (got.length === 0) {
      idsNeverReceived += 1;
      if (row.status === "SUCCEEDED") problem(`delivery ${row.id} is SUCCEEDED but never reached its receiver`);
      continue;
    }
    if (got.length === 1) continue;
    idsReceivedMoreThanOnce += 1;
    const attempts = got.map((r) => r.attempt);
    const distinctAttempts = new Set(attempts).size === got.length && attempts.every((a) => a !== null && a <= row.attempts);
    if (row.attempts > 1 && got.length <= row.attempts && distinctAttempts) {
      retriedIdsReceivedMoreThanOnce += 1;
    } else {
      duplicatesWithoutRetry += got.length - 1;
      problem(`delivery ${row.id} was received ${got.length} times (attempts ${attempts.join(", ")}) but the row counts ${row.attempts} attempts`);
    }
  }

  const succeeded = rows.length - notSucceeded.length;
  const counts: DeliveryCounts = {
    bookingsWithWebhooks: withWebhooks.size,
    expectedDeliveries: [...withWebhooks].reduce((sum, uid) => sum + webhooks.filter((w) => w.userId === created.get(uid)!.hostUserId).length, 0),
    rows: rows.length,
    succeeded,
    notSucceeded: notSucceeded.length,
    missing,
    duplicateRows,
    unexpectedRows,
    receptions: receptions.length,
    idsReceived: receptionsById.size,
    idsNeverReceived,
    idsReceivedMoreThanOnce,
    retriedIdsReceivedMoreThanOnce,
    duplicatesWithoutRetry,
    retriedRows: rows.filter((r) => r.attempts > 1).length,
    maxAttempts: rows.reduce((max, r) => Math.max(max, r.attempts), 0),
    invalidSignatures,
    unknownIds,
    wrongReceiver,
    wrongPayload,
    badRequests,
  };
  return { counts, violations };
}

export interface DeliveryLag {
  deliveries: number;
  /** First arrival at the receiver − the booking's 201 read by the load generator. */
  fromResponse: LatencyStats;
  /** First arrival − the body's createdAt (the app's clock when the delivery was queued, in the booking's transaction). */
  fromQueued: LatencyStats;
  /** Deliveries that arrived before the load generator had read the booking's 201. */
  beforeResponse: number;
}

/** The lag of the deliveries of `uids` (their first arrival), from the booking's response and from queueing. */
export function deliveryLag(rows: DeliveryRow[], receptions: Reception[], created: CreatedBookings, uids: Set<string>): DeliveryLag {
  const first = new Map<string, Reception>();
  for (const r of receptions) {
    if (r.deliveryId === null) continue;
    const seen = first.get(r.deliveryId);
    if (!seen || r.arrivedAt < seen.arrivedAt) first.set(r.deliveryId, r);
  }
  const fromResponse: number[] = [];
  const fromQueued: number[] = [];
  for (const row of rows) {
    const arrival = first.get(row.id);
    if (row.uid === null || !uids.has(row.uid) || !arrival) continue;
    fromResponse.push(arrival.arrivedAt - created.get(row.uid)!.respondedAt);
    if (arrival.createdAt !== null) fromQueued.push(arrival.arrivedAt - arrival.createdAt);
  }
  return { deliveries: fromResponse.length, fromResponse: summarize(fromResponse), fromQueued: summarize(fromQueued), beforeResponse: fromResponse.filter((ms) => ms < 0).length };
}

/** A broken run when checkDeliveries found anything wrong (the first 15 problems in the message). */
export function expectNoViolations(what: string, checked: { counts: DeliveryCounts; violations: string[] }): { counts: DeliveryCounts } {
  const { counts, violations } = checked;
  const shown = violations.slice(0, 15);
  expect(
    violations.length === 0,
    `${what}: the deliveries are wrong (${violations.length} problems; counts ${JSON.stringify(counts)}):\n  ${shown.join("\n  ")}` +
      (violations.length > shown.length ? `\n  … and ${violations.length - shown.length} more` : ""),
  );
  return { counts };
}

/** What one deployment's deliveries came to: the checks' counts, and its measured runs' lag and sender rate. */
export interface VariantDeliveries {
  counts: DeliveryCounts;
  lag: DeliveryLag;
  deliveriesOfRun: number;
  arrivedDuringRun: number;
  /** The run's deliveries over the time from the run's start to the last one's arrival. */
  senderDeliveriesPerSecond: number;
}

/**
 * checkDeliveries on one deployment's share (the rows and receptions since the previous one's
 * check, the bookings it made), a broken run on any problem; then the lag of its measured runs
 * (each: the bookings `uids`, between `startedAt` and `endedAt`).
 */
export function checkVariant(
  what: string,
  rows: DeliveryRow[],
  receptions: Reception[],
  webhooks: BenchWebhook[],
  created: CreatedBookings,
  withWebhooks: Set<string>,
  runs: { uids: Set<string>; startedAt: number; endedAt: number }[],
): VariantDeliveries {
  const { counts } = expectNoViolations(what, checkDeliveries(rows, receptions, webhooks, created, withWebhooks));
  const lag = deliveryLag(rows, receptions, created, new Set(runs.flatMap((run) => [...run.uids])));
  let deliveriesOfRun = 0;
  let arrivedDuringRun = 0;
  let senderSeconds = 0;
  for (const run of runs) {
    const runIds = new Set(rows.filter((d) => d.uid !== null && run.uids.has(d.uid)).map((d) => d.id));
    const ofRun = receptions.filter((r) => r.deliveryId !== null && runIds.has(r.deliveryId));
    deliveriesOfRun += runIds.size;
    arrivedDuringRun += new Set(ofRun.filter((r) => r.arrivedAt <= run.endedAt).map((r) => r.deliveryId)).size;
    senderSeconds += (ofRun.reduce((max, r) => Math.max(max, r.arrivedAt), run.startedAt) - run.startedAt) / 1000;
  }
  const senderDeliveriesPerSecond = senderSeconds > 0 ? Math.round((deliveriesOfRun / senderSeconds) * 10) / 10 : 0;
  return { counts, lag, deliveriesOfRun, arrivedDuringRun, senderDeliveriesPerSecond };
}

/** The counts in one line. */
export function describeCounts(c: DeliveryCounts): string {
  return (
    `${c.bookingsWithWebhooks} bookings with webhooks on → ${c.rows} delivery rows (${c.expectedDeliveries} expected, ${c.missing} missing, ${c.duplicateRows} duplicated, ${c.unexpectedRows} unexpected), ` +
    `${c.succeeded} SUCCEEDED (${c.retriedRows} after a retry, at most ${c.maxAttempts} attempts); ${c.receptions} received, ${c.idsReceived} distinct ids, ` +
    `${c.idsReceivedMoreThanOnce} ids more than once (${c.retriedIdsReceivedMoreThanOnce} as retries, ${c.duplicatesWithoutRetry} duplicates without a retry), ` +
    `${c.invalidSignatures} invalid signatures, ${c.unknownIds} unknown ids, ${c.wrongPayload} wrong payloads, ${c.wrongReceiver} at the wrong receiver`
  );
}
