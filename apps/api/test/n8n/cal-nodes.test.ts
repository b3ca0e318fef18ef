/*
 * n8n's Cal.com nodes against Slotbase: each test runs the exact request sequence a node
 * operation sends (method, path, query, headers, body, as the node's code builds them) through
 * the route handlers, and asserts on the fields the node then reads from the answer.
 *
 * Read from n8n-io/n8n, packages/nodes-base/nodes/Cal (path @ commit, as the code index returned it):
 *   GenericFunctions.ts (calApiRequest, calApiRequestV2, calApiRequestV2Versioned,
 *     calApiRequestV2AllItems, CAL_API_VERSION)                     stored version id 68772066275
 *     (the file listing names d76c4af8ef9be65b2974256c8c616b8f863ff294 for its older form)
 *   test/GenericFunctions.test.ts (the pagination loop's expectations)       id 68769241083
 *   actions/router.ts                                   @ 690e71d4b2344ffdd2a3b77093ff88e94702a7ff
 *   actions/helpers.ts (getLimit, toQuery, toKeyValueRecord)              @ 14eb3a6700c0a73410ac76a220a6757020becab3
 *   actions/common.descriptions.ts                        @ a4ec8446c569dd1262d03acdee612a09cd761286
 *   actions/booking/create.operation.ts                   @ 14eb3a6700c0a73410ac76a220a6757020becab3
 *   actions/booking/get.operation.ts                      @ 853660d997d6e29e67546ab5d558e65e19c1ba17
 *   actions/booking/getMany.operation.ts                  @ 853660d997d6e29e67546ab5d558e65e19c1ba17
 *   actions/booking/reschedule.operation.ts               @ 24843398f22f23202f7d3a5026f4f0a2be8ca71d
 *   actions/booking/cancel.operation.ts                   @ a4ec8446c569dd1262d03acdee612a09cd761286
 *   actions/eventType/get.operation.ts                    @ 27026f6b44c523d38783b2506b533ad1971f84da
 *   actions/eventType/getMany.operation.ts                @ 14eb3a6700c0a73410ac76a220a6757020becab3
 *   actions/schedule/{create,update}.operation.ts         @ 24843398f22f…, 14eb3a6700c0…
 *   actions/schedule/{get,getMany,index,shared}.ts        @ a4ec8446c569dd1262d03acdee612a09cd761286
 *   actions/schedule/delete.operation.ts                  @ 853660d997d6e29e67546ab5d558e65e19c1ba17
 *   actions/slot/getMany.operation.ts                     @ 14eb3a6700c0a73410ac76a220a6757020becab3
 *   methods/listSearch.ts                                 @ 690e71d4b2344ffdd2a3b77093ff88e94702a7ff
 *   helpers/interfaces.ts                                 @ 853660d997d6e29e67546ab5d558e65e19c1ba17
 *   v2/CalTriggerV2.node.ts (Cal Trigger typeVersion 3)   @ 24843398f22f23202f7d3a5026f4f0a2be8ca71d
 *   v1/CalTriggerV1.node.ts (typeVersions 1 and 2)        @ 8bd7c56bab6a013467dc9a4ae1075de7618df05a
 *   CalTriggerHelpers.ts (verifySignature)                @ 411c57ae63606addfbcecc3001c1696a2e092a3b
 *   Cal.node.ts + descriptions/{Booking,EventType}Description.ts (the declarative node:
 *     bookings with cal-api-version 2024-08-13 and take/skip)  @ c045f0bb…, 869b8512…, 832a30b3…
 * and packages/nodes-base/credentials/CalApi.credentials.ts: the newest stored form (id 57668198967,
 * `Authorization: Bearer <apiKey>`, test request GET {host}/v2/me) and the older one
 * @ 099cecfbe1c714bbca4c58b28dd2d2c9fc2f1557 (`?apiKey=`, test request GET {host}/v1/memberships).
 *
 * The node has no event type create/update/delete and no "get default schedule" operation, so
 * none is driven here. The Cal Trigger's sequences are in cal-trigger.test.ts. Unversioned paths (the v1 trigger's `{host}/event-types`, `{host}/webhooks`)
 * reach /v1 through the app's `fallback` rewrite (next.config.mjs); handler tests call the /v1
 * template that rewrite maps them to.
 */
import { useTestDatabase } from "../support/database";
import { createCaller, type Caller } from "../support/fixtures";
import { addDays, berlin, BERLIN, nextMonday } from "../support/dates";
import { createBooking, createEventType, createHostWithEventType, createSchedule } from "../support/scheduling";
import { CAL_API_VERSION, calV1Bare, calV2, calV2AllItems, MAX_PAGE_SIZE } from "../support/n8n";

useTestDatabase();

// MON is a Monday ahead (computed from today); hosts work 09:00–17:00 Berlin.
const MON = nextMonday();
const day = (n: number) => addDays(MON, n);
const ok = (status: number) => status >= 200 && status < 300;

describe("n8n Cal API credential", () => {
  it("credential test (newest): GET {host}/v2/me with the Bearer key and no cal-api-version answers 2xx", async () => {
    const caller = await createCaller();
    const result = await calV2(caller.key, "GET", "/me");
    expect(result.status).toBe(200);
    expect(result.body.data.id).toBe(caller.user.id);
    const wrong = await calV2("cal_live_not_a_key", "GET", "/me");
    expect(wrong.status).toBe(401);
  });

  it("credential test (older): GET {host}/v1/memberships?apiKey=… answers 2xx", async () => {
    const caller = await createCaller();
    const result = await calV1Bare(caller.key, "GET", "/memberships");
    expect(result.status).toBe(200);
  });
});

describe("n8n Cal.com node — event types (cal-api-version 2024-06-14)", () => {
  it("searchEventTypes, Get Many (with username + eventSlug) and Get read data[].id/title and data", async () => {
    const { host, eventType } = await createHostWithEventType();
    await createEventType(host.user.id);

    // methods/listSearch.ts searchEventTypes: GET /v2/event-types, no query; reads data[].{id,title}.
    const search = await calV2(host.key, "GET", "/event-types", { apiVersion: CAL_API_VERSION.EVENT_TYPES });
    expect(search.status).toBe(200);
    expect(search.body.data).toHaveLength(2);
    expect(search.body.data).toContainEqual(expect.objectContaining({ id: eventType.id, title: eventType.title }));

    // eventType getMany: toQuery(filters); the limit is cut client-side, never sent.
    const all = await calV2(host.key, "GET", "/event-types", { apiVersion: CAL_API_VERSION.EVENT_TYPES });
    expect(Array.isArray(all.body.data)).toBe(true);
    const filtered = await calV2(host.key, "GET", "/event-types", {
      apiVersion: CAL_API_VERSION.EVENT_TYPES,
      query: { username: host.user.username!, eventSlug: eventType.slug },
    });
    expect(filtered.status).toBe(200);
    expect(filtered.body.data.map((t: { id: number }) => t.id)).toEqual([eventType.id]);
    const byUser = await calV2(host.key, "GET", "/event-types", { apiVersion: CAL_API_VERSION.EVENT_TYPES, query: { username: host.user.username! } });
    expect(byUser.body.data).toHaveLength(2);

    // eventType get: GET /v2/event-types/{id}; reads data.
    const got = await calV2(host.key, "GET", "/event-types/{eventTypeId}", { apiVersion: CAL_API_VERSION.EVENT_TYPES, params: { eventTypeId: eventType.id } });
    expect(got.status).toBe(200);
    expect(got.body.data).toMatchObject({ id: eventType.id, title: eventType.title });
  });
});

describe("n8n Cal.com node — schedules (cal-api-version 2024-06-11)", () => {
  it("create, searchSchedules / Get Many, Get, Update and Delete", async () => {
    const caller = await createCaller();
    const v = CAL_API_VERSION.SCHEDULES;

    // create: { name, timeZone, isDefault } + toAvailability/toOverrides (weekday names, HH:MM).
    const created = await calV2(caller.key, "POST", "/schedules", {
      apiVersion: v,
      body: {
        name: "Working hours",
        timeZone: "Europe/Berlin",
        isDefault: true,
        availability: [
          { days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], startTime: "09:00", endTime: "17:00" },
          { days: ["Saturday"], startTime: "10:00", endTime: "12:00" },
        ],
        overrides: [{ date: day(2), startTime: "12:00", endTime: "14:00" }],
      },
    });
    expect(created.status).toBe(201);
    const schedule = created.body.data;
    expect(schedule).toMatchObject({ id: expect.any(Number), name: "Working hours", timeZone: "Europe/Berlin", isDefault: true });

    // create without availability (the node sends none when no rule is filled in); isDefault false.
    const bare = await calV2(caller.key, "POST", "/schedules", { apiVersion: v, body: { name: "Evenings", timeZone: "UTC", isDefault: false } });
    expect(bare.status).toBe(201);
    expect(bare.body.data).toMatchObject({ id: expect.any(Number), name: "Evenings", isDefault: false });

    // searchSchedules and schedule getMany: GET /v2/schedules; reads data[].{id,name}.
    const list = await calV2(caller.key, "GET", "/schedules", { apiVersion: v });
    expect(list.status).toBe(200);
    expect(list.body.data.map((s: { id: number; name: string }) => [s.id, s.name])).toEqual(
      expect.arrayContaining([
        [schedule.id, "Working hours"],
        [bare.body.data.id, "Evenings"],
      ]),
    );

    // get: the id from the resource locator, as a string path segment.
    const got = await calV2(caller.key, "GET", "/schedules/{scheduleId}", { apiVersion: v, params: { scheduleId: String(schedule.id) } });
    expect(got.status).toBe(200);
    expect(got.body.data).toMatchObject({ id: schedule.id, name: "Working hours" });

    // update: PATCH with every Update Field the node offers.
    const updated = await calV2(caller.key, "PATCH", "/schedules/{scheduleId}", {
      apiVersion: v,
      params: { scheduleId: String(bare.body.data.id) },
      body: {
        name: "Late shift",
        timeZone: "America/New_York",
        isDefault: true,
        availability: [{ days: ["Monday", "Wednesday"], startTime: "13:00", endTime: "21:00" }],
        overrides: [{ date: day(3), startTime: "09:00", endTime: "10:00" }],
      },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.data).toMatchObject({ id: bare.body.data.id, name: "Late shift", timeZone: "America/New_York", isDefault: true });

    // delete: DELETE with n8n's default `{}` body; the node only needs a 2xx.
    const deleted = await calV2(caller.key, "DELETE", "/schedules/{scheduleId}", { apiVersion: v, params: { scheduleId: String(schedule.id) } });
    expect(ok(deleted.status)).toBe(true);
    const gone = await calV2(caller.key, "GET", "/schedules/{scheduleId}", { apiVersion: v, params: { scheduleId: String(schedule.id) } });
    expect(gone.status).toBe(404);
  });
});

describe("n8n Cal.com node — slots (cal-api-version 2024-09-04)", () => {
  it("Get Many: { eventTypeId, start, end } plus the options; data is keyed by date with entries carrying start", async () => {
    const { host, eventType } = await createHostWithEventType();
    const start = berlin(MON, "00:00");
    const end = berlin(day(1), "23:59");

    const plain = await calV2(host.key, "GET", "/slots", { apiVersion: CAL_API_VERSION.SLOTS, query: { eventTypeId: eventType.id, start, end } });
    expect(plain.status).toBe(200);
    // flattenSlots: Object.entries(data) → { date, ...entry }.
    const flat = Object.entries(plain.body.data as Record<string, { start: string }[]>).flatMap(([date, entries]) => entries.map((e) => ({ date, ...e })));
    expect(flat.length).toBeGreaterThan(0);
    expect(flat[0]).toEqual({ date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), start: expect.any(String) });

    // n8n's own workflow test (test/node/slot/getMany.workflow.json) sends plain dates: start=YYYY-MM-DD, end=YYYY-MM-DD.
    const byDate = await calV2(host.key, "GET", "/slots", { apiVersion: CAL_API_VERSION.SLOTS, query: { eventTypeId: eventType.id, start: MON, end: day(1) } });
    expect(byDate.status).toBe(200);
    expect(Object.keys(byDate.body.data)).toEqual(expect.arrayContaining([MON]));

    const booked = await createBooking(host.user.id, berlin(MON, "09:00"), berlin(MON, "09:30"), { eventTypeId: eventType.id });
    const withOptions = await calV2(host.key, "GET", "/slots", {
      apiVersion: CAL_API_VERSION.SLOTS,
      query: { eventTypeId: eventType.id, start, end, timeZone: BERLIN, duration: 30, bookingUidToReschedule: booked.uid },
    });
    expect(withOptions.status).toBe(200);
    const monday = (withOptions.body.data[MON] as { start: string }[]).map((s) => new Date(s.start).toISOString());
    // The booking being moved counts as free, so its own slot is offered.
    expect(monday).toContain(berlin(MON, "09:00"));
  });
});

describe("n8n Cal.com node — bookings", () => {
  const W = CAL_API_VERSION.BOOKINGS_WRITE;

  it("create (required fields, then every Additional Field it can send), get, reschedule with its options, cancel", async () => {
    const { host, eventType } = await createHostWithEventType();
    const booker = await createCaller();

    // create, required fields only: { eventTypeId (number), start, attendee: { name, timeZone, email } }.
    const created = await calV2(booker.key, "POST", "/bookings", {
      apiVersion: W,
      body: { eventTypeId: eventType.id, start: berlin(MON, "09:00"), attendee: { name: "Jane Doe", timeZone: "Europe/Berlin", email: "jane@example.com" } },
    });
    expect(created.status).toBe(201);
    const booking = created.body.data;
    expect(booking).toMatchObject({ uid: expect.any(String), id: expect.any(Number), start: berlin(MON, "09:00") });

    // the node's attendee email is optional: a booking by phone alone (its email a never-mailed placeholder).
    const byPhone = await calV2(booker.key, "POST", "/bookings", {
      apiVersion: W,
      body: { eventTypeId: eventType.id, start: berlin(MON, "11:00"), attendee: { name: "Pat Phone", timeZone: "Europe/Berlin", phoneNumber: "+4915112345678" } },
    });
    expect(byPhone.status).toBe(201);
    expect(byPhone.body.data.uid).toEqual(expect.any(String));

    // create with the Additional Fields the node maps (instant: true is refused: no instant meetings, a listed difference; recurrenceCount below).
    const full = await calV2(booker.key, "POST", "/bookings", {
      apiVersion: W,
      body: {
        eventTypeId: eventType.id,
        start: berlin(MON, "10:00"),
        attendee: { name: "John Roe", timeZone: "America/New_York", email: "john@example.com", phoneNumber: "+4915112345678", language: "en" },
        guests: ["guest.one@example.com", "guest.two@example.com"],
        lengthInMinutes: 30,
        metadata: { crm: "42" },
        bookingFieldsResponses: { notes: "Agenda" },
      },
    });
    expect(full.status).toBe(201);
    expect(full.body.data).toMatchObject({ uid: expect.any(String), metadata: { crm: "42" } });
    expect(full.body.data.attendees.map((a: { email: string }) => a.email)).toEqual(["john@example.com", "guest.one@example.com", "guest.two@example.com"]);

    // get: GET /v2/bookings/{uid} with 2026-02-25; reads data.
    const got = await calV2(booker.key, "GET", "/bookings/{bookingUid}", { apiVersion: W, params: { bookingUid: booking.uid } });
    expect(got.status).toBe(200);
    expect(got.body.data.uid).toBe(booking.uid);

    // reschedule with every option the node offers except seatUid (the type is not seated).
    const moved = await calV2(host.key, "POST", "/bookings/{bookingUid}/reschedule", {
      apiVersion: W,
      params: { bookingUid: booking.uid },
      body: { start: berlin(day(1), "11:00"), reschedulingReason: "Clash", rescheduledBy: host.user.email, rescheduleWithSameHost: true },
    });
    expect(moved.status).toBe(201);
    expect(moved.body.data).toMatchObject({ uid: expect.any(String), start: berlin(day(1), "11:00") });
    expect(moved.body.data.uid).not.toBe(booking.uid);

    // cancel with a reason (cancelSubsequentBookings false is not sent: the node sends only true).
    const cancelled = await calV2(booker.key, "POST", "/bookings/{bookingUid}/cancel", {
      apiVersion: W,
      params: { bookingUid: moved.body.data.uid },
      body: { cancellationReason: "No longer needed" },
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.data).toMatchObject({ uid: moved.body.data.uid, status: "cancelled" });

    // cancel with no option set: the body is n8n's default `{}`.
    const bare = await calV2(booker.key, "POST", "/bookings/{bookingUid}/cancel", { apiVersion: W, params: { bookingUid: full.body.data.uid } });
    expect(bare.status).toBe(200);
    expect(bare.body.data.status).toBe("cancelled");
  });

  it("cancel with seatUid on a seated booking; create with Recurrence Count, then cancel with cancelSubsequentBookings: true", async () => {
    const { eventType } = await createHostWithEventType({ seatsPerTimeSlot: 3 });
    const booker = await createCaller();
    const seat = await calV2(booker.key, "POST", "/bookings", {
      apiVersion: W,
      body: { eventTypeId: eventType.id, start: berlin(day(2), "09:00"), attendee: { name: "Jane Doe", timeZone: "UTC", email: "jane@example.com" } },
    });
    expect(seat.status).toBe(201);
    const seatUid = seat.body.data.seatUid ?? seat.body.data.attendees?.[0]?.seatUid;
    expect(typeof seatUid).toBe("string");
    const cancelled = await calV2(booker.key, "POST", "/bookings/{bookingUid}/cancel", {
      apiVersion: W,
      params: { bookingUid: seat.body.data.uid },
      body: { cancellationReason: "Sick", seatUid },
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.data.uid).toBe(seat.body.data.uid);

    // create with Recurrence Count on a weekly recurring event type: data is one entry per occurrence.
    const { host, eventType: weekly } = await createHostWithEventType({ recurringEvent: { freq: 2, interval: 1, count: 4 } });
    const series = await calV2(booker.key, "POST", "/bookings", {
      apiVersion: W,
      body: { eventTypeId: weekly.id, start: berlin(day(2), "10:00"), attendee: { name: "Jane Doe", timeZone: "Europe/Berlin", email: "jane@example.com" }, recurrenceCount: 3 },
    });
    expect(series.status).toBe(201);
    expect(Array.isArray(series.body.data)).toBe(true);
    expect(series.body.data.map((b: { start: string }) => b.start)).toEqual([0, 7, 14].map((n) => berlin(day(2 + n), "10:00")));

    // cancel the second occurrence with cancelSubsequentBookings: true; the third goes with it.
    const [first, second, third] = series.body.data as { uid: string }[];
    const withSubsequent = await calV2(booker.key, "POST", "/bookings/{bookingUid}/cancel", {
      apiVersion: W,
      params: { bookingUid: second!.uid },
      body: { cancelSubsequentBookings: true },
    });
    expect(withSubsequent.status).toBe(200);
    expect(withSubsequent.body.data.status).toBe("cancelled");
    const statusOf = async (uid: string) => (await calV2(host.key, "GET", "/bookings/{bookingUid}", { apiVersion: W, params: { bookingUid: uid } })).body.data.status;
    expect([await statusOf(first!.uid), await statusOf(third!.uid)]).toEqual(["accepted", "cancelled"]);
  });

  describe("Get Many (cal-api-version 2026-05-01, limit + cursor)", () => {
    let host: Caller;
    let eventTypeId: number;
    const COUNT = 120;
    const starts: string[] = [];

    beforeAll(async () => {
      host = await createCaller();
      await createSchedule(host.user.id, BERLIN);
      const eventType = await createEventType(host.user.id);
      eventTypeId = eventType.id;
      // 120 upcoming bookings, 16 a weekday (09:00–16:30 Berlin), written directly.
      for (let i = 0; i < COUNT; i += 1) {
        const date = day(Math.floor(i / 16 / 5) * 7 + (Math.floor(i / 16) % 5));
        const start = new Date(Date.parse(berlin(date, "09:00")) + (i % 16) * 30 * 60_000).toISOString();
        const end = new Date(Date.parse(start) + 30 * 60_000).toISOString();
        starts.push(start);
        await createBooking(host.user.id, start, end, { eventTypeId: eventType.id });
      }
    });

    it("Return All walks the cursor to the end: limit=100, then cursor + limit=100, 120 distinct bookings", async () => {
      const { records, sent, pages } = await calV2AllItems(host.key, "/bookings", CAL_API_VERSION.BOOKINGS_LIST, {}, Infinity);
      expect(pages.map((p) => p.status)).toEqual([200, 200]);
      expect(sent.map((r) => r.headers["cal-api-version"])).toEqual(["2026-05-01", "2026-05-01"]);
      expect(sent[0].query).toEqual({ limit: String(MAX_PAGE_SIZE) });
      expect(sent[1].query).toEqual({ limit: String(MAX_PAGE_SIZE), cursor: pages[0].body.pagination.nextCursor });
      expect(pages[0].body.pagination).toMatchObject({ hasMore: true, nextCursor: expect.any(String) });
      expect(pages[1].body.pagination).toMatchObject({ hasMore: false, nextCursor: null });
      expect(records).toHaveLength(COUNT);
      expect(new Set(records.map((b) => b.uid)).size).toBe(COUNT);
      // No status and no sort: Cal.com 2026-05-01 walks start times backwards.
      expect(records.map((b) => b.start)).toEqual([...starts].sort().reverse());

      // With the Status filter at its default (upcoming) the walk goes forwards.
      const upcoming = await calV2AllItems(host.key, "/bookings", CAL_API_VERSION.BOOKINGS_LIST, { status: "upcoming" }, Infinity);
      expect(upcoming.sent.map((r) => r.query)).toEqual([
        { status: "upcoming", limit: "100" },
        { status: "upcoming", limit: "100", cursor: upcoming.pages[0].body.pagination.nextCursor },
      ]);
      expect(upcoming.records.map((b) => b.start)).toEqual([...starts].sort());
    });

    it("a Limit of 150 asks for 100, then the 50 still missing; a Limit of 7 asks once for 7", async () => {
      const big = await calV2AllItems(host.key, "/bookings", CAL_API_VERSION.BOOKINGS_LIST, {}, 150);
      expect(big.sent.map((r) => r.query.limit)).toEqual(["100", "50"]);
      expect(big.records).toHaveLength(COUNT);

      const small = await calV2AllItems(host.key, "/bookings", CAL_API_VERSION.BOOKINGS_LIST, {}, 7);
      expect(small.sent).toHaveLength(1);
      expect(small.sent[0].query).toEqual({ limit: "7" });
      expect(small.records.map((b) => b.start)).toEqual([...starts].sort().reverse().slice(0, 7));
      expect(small.pages[0].body.pagination.hasMore).toBe(true);
    });

    it("a Limit of 40 with every filter the node offers: one request, the filters as sent", async () => {
      // toQuery(filters): afterStart, beforeEnd, eventTypeId, sortStart, status (no attendee/team match here).
      const filters = { status: "upcoming", sortStart: "desc", eventTypeId: String(eventTypeId), afterStart: berlin(MON, "00:00"), beforeEnd: berlin(addDays(MON, 365), "00:00") };
      const { records, sent } = await calV2AllItems(host.key, "/bookings", CAL_API_VERSION.BOOKINGS_LIST, filters, 40);
      expect(sent).toHaveLength(1);
      expect(sent[0].query).toEqual({ ...filters, limit: "40" });
      expect(records.map((b) => b.start)).toEqual([...starts].sort().reverse().slice(0, 40));

      const none = await calV2AllItems(host.key, "/bookings", CAL_API_VERSION.BOOKINGS_LIST, { attendeeEmail: "nobody@example.com", attendeeName: "Nobody" }, Infinity);
      expect(none.pages[0].status).toBe(200);
      expect(none.records).toEqual([]);
      expect(none.sent).toHaveLength(1);
    });
  });
});

describe("n8n Cal.com node, declarative form (Cal.node.ts requestDefaults baseURL {host}/v2, cal-api-version 2024-08-13)", () => {
  const V = "2024-08-13";

  it("Get Many pages by take/skip of 100, Get and Cancel read data", async () => {
    const host = await createCaller();
    await createSchedule(host.user.id, BERLIN);
    const eventType = await createEventType(host.user.id);
    const uids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const start = berlin(day(i), "09:00");
      uids.push((await createBooking(host.user.id, start, berlin(day(i), "09:30"), { eventTypeId: eventType.id })).uid);
    }
    // Return All: offset pagination, limitParameter take, offsetParameter skip, pageSize 100.
    const page = await calV2(host.key, "GET", "/bookings", { apiVersion: V, query: { take: 100, skip: 0 } });
    expect(page.status).toBe(200);
    expect(page.body.data.map((b: { uid: string }) => b.uid).sort()).toEqual([...uids].sort());
    // Limit 2 and a status filter: { take: 2, status }.
    const limited = await calV2(host.key, "GET", "/bookings", { apiVersion: V, query: { take: 2, status: "upcoming" } });
    expect(limited.body.data).toHaveLength(2);

    const got = await calV2(host.key, "GET", "/bookings/{bookingUid}", { apiVersion: V, params: { bookingUid: uids[0] } });
    expect(got.body.data.uid).toBe(uids[0]);
    const cancelled = await calV2(host.key, "POST", "/bookings/{bookingUid}/cancel", { apiVersion: V, params: { bookingUid: uids[0] }, body: { cancellationReason: "Moved" } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.data.status).toBe("cancelled");
  });
});
