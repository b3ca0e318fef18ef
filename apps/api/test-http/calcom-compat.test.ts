import { api, ok, single } from "./support/client";
import { raw } from "./support/http";
import { suiteEnv } from "./support/server-state";

/**
 * What a Cal.com client does over real HTTP: a booking page without a key (slots, booking) and
 * n8n's cursor-paged list (cal-api-version 2026-05-01). The admin of the suite books itself,
 * around the clock in UTC; every date is computed from the current time.
 */
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const admin = api();
const DAY = 86_400_000;
const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const tomorrow = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 1);
const WEEK = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
const allWeek = [{ days: [...WEEK], startTime: "00:00", endTime: "23:59" }];
let eventTypeId: number;
let hiddenId: number;

beforeAll(async () => {
  ok(await admin.POST("/v2/schedules", { body: { name: `Always ${run}`, timeZone: "UTC", isDefault: true, availability: allWeek } }));
  eventTypeId = ok(await admin.POST("/v2/event-types", { body: { title: "Open", slug: `open-${run}`, lengthInMinutes: 30 } })).data.id;
  hiddenId = ok(await admin.POST("/v2/event-types", { body: { title: "Hidden", slug: `hidden-${run}`, lengthInMinutes: 30, hidden: true } })).data.id;
});

describe("a booking page without a key", () => {
  it("lists slots and books one; a hidden event type does not exist for it", async () => {
    const range = `start=${ymd(tomorrow)}&end=${ymd(tomorrow)}`;
    const slots = await raw("GET", `/v2/slots?eventTypeId=${eventTypeId}&${range}`);
    expect(slots.status).toBe(200);
    const day = (slots.json as { data: Record<string, { start: string }[]> }).data[ymd(tomorrow)]!;
    expect(day.length).toBeGreaterThan(10);
    const booked = await raw("POST", "/v2/bookings", { body: { eventTypeId, start: day[3]!.start, attendee: { name: "Page Visitor", email: `visitor-${run}@example.com`, timeZone: "UTC" } } });
    expect(booked.status).toBe(201);
    const uid = (booked.json as { data: { uid: string } }).data.uid;
    // Reading it back needs a key: the event type's owner has one.
    expect((await raw("GET", `/v2/bookings/${uid}`)).status).toBe(401);
    expect(single(ok(await admin.GET("/v2/bookings/{bookingUid}", { params: { path: { bookingUid: uid } } })).data).uid).toBe(uid);
    const hidden = await raw("GET", `/v2/slots?eventTypeId=${hiddenId}&${range}`);
    expect(hidden.status).toBe(404);
  });
});

describe("n8n's cursor-paged booking list (cal-api-version 2026-05-01)", () => {
  it("walks every booking once, following pagination.nextCursor", async () => {
    for (let i = 0; i < 3; i += 1) {
      const start = new Date(tomorrow + DAY + i * 3_600_000).toISOString();
      ok(await admin.POST("/v2/bookings", { body: { eventTypeId, start, attendee: { name: "N8n", email: `n8n-${run}@example.com`, timeZone: "UTC" } } }));
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 50; page += 1) {
      const query = `limit=2&attendeeEmail=n8n-${run}%40example.com${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const answer = await raw("GET", `/v2/bookings?${query}`, { key: suiteEnv().adminKey, headers: { "cal-api-version": "2026-05-01" } });
      expect(answer.status).toBe(200);
      const body = answer.json as { data: { uid: string }[]; pagination: { nextCursor: string | null; hasMore: boolean } };
      seen.push(...body.data.map((b) => b.uid));
      if (!body.pagination.hasMore) break;
      cursor = body.pagination.nextCursor;
    }
    expect(seen).toHaveLength(3);
    expect(new Set(seen).size).toBe(3);
  });
});
