import { createSlotbaseClient } from "@slotbase/client";
import { bookFirstSlot } from "@slotbase/client/examples/book-first-slot";
import { api, documentedResponses, ok, single } from "./support/client";
import { noteKeyUsed, suiteEnv } from "./support/server-state";

/**
 * packages/client's README example, as a user runs it: a client from createSlotbaseClient
 * with an API key, GET /v2/slots for an event type, POST /v2/bookings with the first slot
 * (examples/book-first-slot.ts, which the README shows verbatim). The host is made here,
 * through the API: a user of their own, free around the clock in UTC, with a 30-minute event
 * type and no notice, so the first slot of the example's week (from tomorrow, 00:00 UTC) is
 * that midnight. Dates come from the current clock.
 */
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const admin = api();
const WEEK = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
let hostKey: string;
let eventTypeId: number;

beforeAll(async () => {
  const { user } = ok(await admin.POST("/v1/users", { body: { email: `client-host-${run}@example.com`, name: "Client Host", timeZone: "UTC", username: `client-host-${run}` } }));
  hostKey = ok(await admin.POST("/v1/api-keys", { body: { userId: user.id, note: "client example" } })).api_key.key;
  const host = api(hostKey);
  ok(await host.POST("/v2/schedules", { body: { name: "Always", timeZone: "UTC", isDefault: true, availability: [{ days: [...WEEK], startTime: "00:00", endTime: "23:59" }] } }));
  eventTypeId = ok(await host.POST("/v2/event-types", { body: { title: "Intro", slug: `intro-${run}`, lengthInMinutes: 30, minimumBookingNotice: 0 } })).data.id;
});

describe("@slotbase/client's README example", () => {
  it("books the first free slot through createSlotbaseClient; the same slot again is a typed v2 409", async () => {
    noteKeyUsed(hostKey);
    const client = createSlotbaseClient({ baseUrl: suiteEnv().baseUrl, apiKey: hostKey });
    client.use(documentedResponses);
    const attendee = { name: "Jordan Lee", email: `jordan-${run}@example.com`, timeZone: "Europe/London" };

    const booking = await bookFirstSlot(client, eventTypeId, attendee);

    const tomorrow = new Date();
    tomorrow.setUTCHours(24, 0, 0, 0);
    expect(booking).toEqual(expect.objectContaining({ status: "accepted", duration: 30 }));
    expect(Date.parse(booking.start)).toBe(tomorrow.getTime());
    expect(Date.parse(booking.end) - Date.parse(booking.start)).toBe(30 * 60_000);
    const read = ok(await client.GET("/v2/bookings/{bookingUid}", { params: { path: { bookingUid: booking.uid } } }));
    expect(single(read.data)).toEqual(expect.objectContaining({ uid: booking.uid, eventTypeId }));

    const again = await client.POST("/v2/bookings", { body: { eventTypeId, start: booking.start, attendee } });
    expect(again.response.status).toBe(409);
    // typed as the v2 error body: { status: "error", error: { code, message, details, requestId } }
    expect(again.error?.status).toBe("error");
    expect(again.error?.error.message).toMatch(/GET \/v2\/slots/);
    // the example's next run takes the next slot
    const next = await bookFirstSlot(client, eventTypeId, { ...attendee, email: `second-${run}@example.com` });
    expect(Date.parse(next.start)).toBe(tomorrow.getTime() + 30 * 60_000);
  });
});
