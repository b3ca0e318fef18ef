import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { api, ok, single } from "./support/client";

/**
 * Webhooks against the built app: its own background sender delivers to a real receiver on
 * 127.0.0.1 (allowed by the suite's WEBHOOK_ALLOWED_PRIVATE_HOSTS), which checks each
 * signature; a receiver that goes away and comes back loses nothing.
 */
const SECRET = "whsec_http_suite";
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const admin = api();

interface Received {
  id: string;
  attempt: string;
  event: string;
  uid: string;
  signatureValid: boolean;
}

const received: Received[] = [];
let server: Server | undefined;
let port = 0;

async function startReceiver(): Promise<void> {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const json = JSON.parse(body) as { triggerEvent: string; payload: { uid?: string } };
      received.push({
        id: String(req.headers["x-slotbase-delivery-id"]),
        attempt: String(req.headers["x-slotbase-delivery-attempt"]),
        event: json.triggerEvent,
        uid: json.payload.uid ?? "",
        signatureValid: req.headers["x-cal-signature-256"] === createHmac("sha256", SECRET).update(body).digest("hex"),
      });
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server!.listen(port, "127.0.0.1", resolve));
  port = (server!.address() as AddressInfo).port;
}

async function stopReceiver(): Promise<void> {
  await new Promise<void>((resolve) => server!.close(() => resolve()));
  server = undefined;
}

async function eventually(what: string, check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; received: ${JSON.stringify(received)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(startReceiver);
afterAll(async () => {
  if (server) await stopReceiver();
});

it("delivers signed BOOKING_CREATED, RESCHEDULED and CANCELLED; nothing is lost while the receiver is away", async () => {
  const { team } = ok(await admin.POST("/v1/teams", { body: { name: `Webhook team ${run}`, slug: `webhook-team-${run}` } }));
  const room = ok(await admin.POST("/api/v2/w/{workspace_uuid}/calendars", { params: { path: { workspace_uuid: team.uuid } }, body: { name: "Hook room", timeZone: "UTC" } }));
  const { event_type } = ok(
    await admin.POST("/v1/event-types", { body: { title: "Hook room", slug: `hook-room-${run}`, length: 60, teamId: team.id, schedulingType: "ROUND_ROBIN", calendarId: room.id, minimumBookingNotice: 0 } }),
  );
  const made = ok(
    await admin.POST("/v1/webhooks", {
      body: { subscriberUrl: `http://127.0.0.1:${port}/hook`, eventTriggers: ["BOOKING_CREATED", "BOOKING_RESCHEDULED", "BOOKING_CANCELLED"], active: true, secret: SECRET },
    }),
  );
  expect(made.webhook).toEqual(expect.objectContaining({ hasSecret: true, active: true }));
  expect(JSON.stringify(made)).not.toContain(SECRET);

  const day = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 2));
  const at = (hour: number) => new Date(day.getTime() + hour * 3_600_000).toISOString();
  const booking = { data: single(ok(await admin.POST("/v2/bookings", { body: { eventTypeId: event_type.id, start: at(9), attendee: { name: "Ada Lovelace", email: `ada-${run}@example.com`, timeZone: "UTC" } } })).data) };
  await eventually("BOOKING_CREATED", () => received.some((r) => r.event === "BOOKING_CREATED"));
  expect(received[0]).toEqual(expect.objectContaining({ event: "BOOKING_CREATED", uid: booking.data.uid, attempt: "1", signatureValid: true }));

  // The receiver goes away; the booking is moved and cancelled meanwhile.
  await stopReceiver();
  const moved = ok(await admin.POST("/v2/bookings/{bookingUid}/reschedule", { params: { path: { bookingUid: booking.data.uid } }, body: { start: at(11) } }));
  ok(await admin.POST("/v2/bookings/{bookingUid}/cancel", { params: { path: { bookingUid: moved.data.uid } }, body: { cancellationReason: "done" } }));
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await startReceiver();
  await eventually("the missed events", () => received.length >= 3);
  await new Promise((resolve) => setTimeout(resolve, 1500));

  // The two missed events were retried, each on its own jittered schedule: either may arrive first.
  expect(received[0]).toEqual(expect.objectContaining({ event: "BOOKING_CREATED", uid: booking.data.uid }));
  expect(received.slice(1).map((r) => [r.event, r.uid]).sort()).toEqual([
    ["BOOKING_CANCELLED", moved.data.uid],
    ["BOOKING_RESCHEDULED", moved.data.uid],
  ]);
  expect(received).toHaveLength(3);
  expect(received.every((r) => r.signatureValid)).toBe(true);
  expect(new Set(received.map((r) => r.id)).size).toBe(3);
  expect(received.slice(1).map((r) => Number(r.attempt) > 1)).toEqual([true, true]);

  const log = ok(await admin.GET("/v1/webhooks/{id}/deliveries", { params: { path: { id: made.webhook.id } } }));
  expect(log.deliveries.map((d) => d.status)).toEqual(["DELIVERED", "DELIVERED", "DELIVERED"]);
});

it("refuses a subscriber URL on a private address the deployment does not allow", async () => {
  const refused = await admin.POST("/v1/webhooks", { body: { subscriberUrl: "https://169.254.169.254/latest/meta-data", eventTriggers: ["BOOKING_CREATED"], active: true } });
  expect(refused.response.status).toBe(400);
});
