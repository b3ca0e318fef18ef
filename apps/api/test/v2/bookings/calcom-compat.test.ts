import { getPrisma } from "@slotbase/prisma";
import { api } from "../../support/api";
import { bookV2 as book, listV2 as list } from "../../support/bookings-v2";
import { useTestDatabase } from "../../support/database";
import { createCaller, type Caller } from "../../support/fixtures";
import { createBooking, createEventType, createHostWithEventType, createSchedule, createTeamEventType } from "../../support/scheduling";
import { createTeam } from "../../support/teams";
import { addDays, berlin, BERLIN, localIso, nextMonday } from "../../support/dates";

/*
 * What a Cal.com v2 client (cal-api-version 2024-08-13, and n8n's 2026-05-01 list) relies on:
 * the output shape (every response here is also checked against Cal.com's contract by api()),
 * the two pagination styles, the filters, and the request forms Cal.com documents.
 */

useTestDatabase();

// MON is a Monday ahead (computed from today); hosts work 09:00–17:00 Berlin.
const MON = nextMonday();
const attendee = { name: "Jordan Lee", email: "jordan@example.com", timeZone: "Europe/London" };

describe("the booking as Cal.com's BookingOutput_2024_08_13", () => {
  it("omits optional fields without a value (never null) and sends Cal.com's required ones", async () => {
    const { host, eventType } = await createHostWithEventType();
    const created = await book(await createCaller(), { eventTypeId: eventType.id, start: berlin(MON, "09:00"), attendee, guests: ["guest@example.com"] });
    expect(created.status).toBe(201);
    const booking = created.body.data;
    for (const absent of ["cancellationReason", "cancelledByEmail", "rescheduledFromUid", "rescheduledToUid", "meetingUrl", "seatUid", "recurringBookingUid"]) {
      expect(booking).not.toHaveProperty(absent);
    }
    expect(booking.attendees[0]).not.toHaveProperty("phoneNumber");
    expect(booking).toMatchObject({ description: "", location: "", eventType: { id: eventType.id, slug: eventType.slug }, guests: ["guest@example.com"], icsUid: expect.any(String) });
    expect(booking.hosts).toEqual([{ id: host.user.id, name: expect.any(String), email: host.user.email, displayEmail: host.user.email, username: expect.any(String), timeZone: expect.any(String) }]);
    expect(booking.attendees[0]).toEqual({ name: "Jordan Lee", email: "jordan@example.com", displayEmail: "jordan@example.com", timeZone: "Europe/London", language: "en", absent: false });

    const cancelled = await api("POST /v2/bookings/{bookingUid}/cancel", { key: host.key, params: { bookingUid: booking.uid }, body: { cancellationReason: "Ill" } });
    expect(cancelled.body.data).toMatchObject({ status: "cancelled", cancellationReason: "Ill", cancelledByEmail: host.user.email });
  });

  it("seated event types: the seat taken on create, seats per attendee, cancelling one seat by seatUid", async () => {
    const { host, eventType } = await createHostWithEventType({ seatsPerTimeSlot: 3 });
    const first = await book(await createCaller(), { eventTypeId: eventType.id, start: berlin(MON, "10:00"), attendee, bookingFieldsResponses: { notes: "front row" } });
    expect(first.status).toBe(201);
    expect(first.body.data.seatUid).toEqual(expect.any(String));
    expect(first.body.data).not.toHaveProperty("bookingFieldsResponses");
    const second = await book(await createCaller(), { eventTypeId: eventType.id, start: berlin(MON, "10:00"), attendee: { ...attendee, email: "sam@example.com" } });
    expect(second.body.data.uid).toBe(first.body.data.uid);
    expect(second.body.data.seatUid).not.toBe(first.body.data.seatUid);

    const seen = await api("GET /v2/bookings/{bookingUid}", { key: host.key, params: { bookingUid: first.body.data.uid } });
    expect(seen.body.data.attendees.map((a: { seatUid: string }) => a.seatUid).sort()).toEqual([first.body.data.seatUid, second.body.data.seatUid].sort());
    expect(seen.body.data.attendees[0]).toMatchObject({ seatUid: expect.any(String), bookingFieldsResponses: expect.any(Object), metadata: expect.any(Object) });

    const unknownSeat = await api("POST /v2/bookings/{bookingUid}/cancel", { key: host.key, params: { bookingUid: first.body.data.uid }, body: { seatUid: "no-such-seat" } });
    expect(unknownSeat.status).toBe(404);
    const one = await api("POST /v2/bookings/{bookingUid}/cancel", { key: host.key, params: { bookingUid: first.body.data.uid }, body: { seatUid: second.body.data.seatUid } });
    expect(one.status).toBe(200);
    const after = await api("GET /v2/bookings/{bookingUid}", { key: host.key, params: { bookingUid: first.body.data.uid } });
    expect(after.body.data.status).toBe("accepted");
    expect(after.body.data.attendees.map((a: { email: string }) => a.email)).toEqual(["jordan@example.com"]);
  });

  it("a seat holder cannot cancel someone else's seat by its uid", async () => {
    const { eventType } = await createHostWithEventType({ seatsPerTimeSlot: 3 });
    const alice = await createCaller();
    const bob = await createCaller();
    const mine = await book(alice, { eventTypeId: eventType.id, start: berlin(MON, "11:00"), attendee });
    const theirs = await book(bob, { eventTypeId: eventType.id, start: berlin(MON, "11:00"), attendee: { ...attendee, email: "bob@example.com" } });
    const refused = await api("POST /v2/bookings/{bookingUid}/cancel", { key: alice.key, params: { bookingUid: mine.body.data.uid }, body: { seatUid: theirs.body.data.seatUid } });
    expect(refused.status).toBe(404);
    const prisma = await getPrisma();
    expect(await prisma.bookingSeat.count({ where: { referenceUid: theirs.body.data.seatUid } })).toBe(1);
  });
});

describe("GET /v2/bookings paging", () => {
  let host: Caller;
  let uids: string[];
  beforeAll(async () => {
    host = await createCaller();
    const eventType = await createEventType(host.user.id);
    uids = [];
    for (let i = 0; i < 14; i += 1) {
      const start = new Date(`${addDays(MON, i)}T08:00:00Z`);
      const made = await createBooking(host.user.id, start.toISOString(), new Date(start.getTime() + 1_800_000).toISOString(), { eventTypeId: eventType.id });
      uids.push(made.uid);
    }
  });

  it("answers Cal.com's pagination object with take/skip", async () => {
    const page = await list(host, { take: "5", skip: "10" });
    expect(page.status).toBe(200);
    expect(page.body.pagination).toEqual({ totalItems: 14, totalItemsExact: true, remainingItems: 0, returnedItems: 4, itemsPerPage: 5, currentPage: 3, totalPages: 3, hasNextPage: false, hasPreviousPage: true });
    const first = await list(host, {});
    expect(first.body.pagination).toMatchObject({ totalItems: 14, returnedItems: 10, remainingItems: 4, currentPage: 1, hasNextPage: true, hasPreviousPage: false });
  });

  it("n8n's cal-api-version 2026-05-01 with limit=100 gets all 14, not 10", async () => {
    const all = await list(host, { limit: "100" }, "2026-05-01");
    expect(all.status).toBe(200);
    expect(all.body.data).toHaveLength(14);
    expect(all.body.pagination).toEqual({ nextCursor: null, hasMore: false });
    // Without a status Cal.com walks backwards from the far future.
    expect(all.body.data[0].uid).toBe(uids[13]);
  });

  it("walks every booking once by cursor, in both directions", async () => {
    for (const sortStart of ["asc", "desc"]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 10; pages += 1) {
        const page = await list(host, { limit: "4", sortStart, ...(cursor ? { cursor } : {}) }, "2026-05-01");
        expect(page.status).toBe(200);
        seen.push(...page.body.data.map((b: { uid: string }) => b.uid));
        if (!page.body.pagination.hasMore) break;
        cursor = page.body.pagination.nextCursor;
      }
      expect(seen).toEqual(sortStart === "asc" ? uids : [...uids].reverse());
    }
  });

  it("refuses a cursor it did not issue, one of another sort, skip with a cursor, and two cursor sorts", async () => {
    const bad = await list(host, { cursor: "not-a-cursor" }, "2026-05-01");
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]).toMatchObject({ field: "query.cursor" });
    const first = await list(host, { limit: "2", sortStart: "asc" }, "2026-05-01");
    const other = await list(host, { limit: "2", sortCreated: "asc", cursor: first.body.pagination.nextCursor }, "2026-05-01");
    expect(other.status).toBe(400);
    expect(other.body.error.details[0]).toMatchObject({ field: "query.cursor" });
    const skip = await list(host, { skip: "2" }, "2026-05-01");
    expect(skip.status).toBe(400);
    expect(skip.body.error.details[0]).toMatchObject({ field: "query.skip" });
    const twoSorts = await list(host, { sortStart: "asc", sortEnd: "asc" }, "2026-05-01");
    expect(twoSorts.status).toBe(400);
  });
});

describe("GET /v2/bookings filters Cal.com documents", () => {
  it("bookingUid, created and updated ranges, sortUpdatedAt", async () => {
    const host = await createCaller();
    const eventType = await createEventType(host.user.id);
    const prisma = await getPrisma();
    const made = [];
    for (let i = 0; i < 3; i += 1) {
      const start = `${addDays(MON, i)}T08:00:00.000Z`;
      made.push(await createBooking(host.user.id, start, `${addDays(MON, i)}T08:30:00.000Z`, { eventTypeId: eventType.id }));
    }
    const hourAgo = new Date(Date.now() - 3_600_000);
    const dayAgo = new Date(Date.now() - 86_400_000);
    await prisma.booking.update({ where: { id: made[0]!.id }, data: { createdAt: dayAgo } });
    await prisma.$executeRaw`UPDATE "Booking" SET "updatedAt" = ${dayAgo} WHERE id = ${made[1]!.id}`;

    const one = await list(host, { bookingUid: made[2]!.uid });
    expect(one.body.data.map((b: { uid: string }) => b.uid)).toEqual([made[2]!.uid]);
    const two = await list(host, { bookingUid: `${made[0]!.uid},${made[2]!.uid}` });
    expect(two.body.data).toHaveLength(2);
    const recent = await list(host, { afterCreatedAt: hourAgo.toISOString() });
    expect(recent.body.data.map((b: { uid: string }) => b.uid).sort()).toEqual([made[1]!.uid, made[2]!.uid].sort());
    const old = await list(host, { beforeCreatedAt: hourAgo.toISOString() });
    expect(old.body.data.map((b: { uid: string }) => b.uid)).toEqual([made[0]!.uid]);
    const stale = await list(host, { beforeUpdatedAt: hourAgo.toISOString() });
    expect(stale.body.data.map((b: { uid: string }) => b.uid)).toEqual([made[1]!.uid]);
    const fresh = await list(host, { afterUpdatedAt: hourAgo.toISOString(), sortUpdatedAt: "desc" });
    expect(fresh.body.data).toHaveLength(2);
    const byUpdate = await list(host, { sortUpdatedAt: "asc" });
    expect(byUpdate.body.data[0].uid).toBe(made[1]!.uid);
    // Filters narrow what the caller may see; they never widen it.
    expect((await list(await createCaller(), { bookingUid: made[0]!.uid })).body.data).toEqual([]);
  });
});

describe("POST /v2/bookings request forms", () => {
  it("books by eventTypeSlug with username, and with teamSlug", async () => {
    const { host, eventType } = await createHostWithEventType();
    const byUser = await book(await createCaller(), { eventTypeSlug: eventType.slug, username: host.user.username, start: berlin(MON, "13:00"), attendee });
    expect(byUser.status).toBe(201);
    expect(byUser.body.data.eventType).toEqual({ id: eventType.id, slug: eventType.slug });

    const owner = await createCaller();
    await createSchedule(owner.user.id, "Europe/Berlin");
    const team = await createTeam(owner, [], { slug: `team-${owner.user.id}` });
    const teamType = await createTeamEventType(team.id, [{ userId: owner.user.id }]);
    const byTeam = await book(await createCaller(), { eventTypeSlug: teamType.slug, teamSlug: team.slug, start: berlin(MON, "13:00"), attendee });
    expect(byTeam.status).toBe(201);
    expect(byTeam.body.data.eventTypeId).toBe(teamType.id);
    const unknown = await book(await createCaller(), { eventTypeSlug: "no-such-type", username: host.user.username, start: berlin(MON, "14:00"), attendee });
    expect(unknown.status).toBe(404);
  });

  it("takes Cal.com's typed locations, the organizer's from the event type", async () => {
    const { host, eventType } = await createHostWithEventType({ locations: [{ type: "inPerson", address: "1 Main St" }, { type: "link", link: "https://meet.example.com/x" }] });
    const booker = await createCaller();
    const at = (time: string) => berlin(addDays(MON, 1), time);
    const organizer = await book(booker, { eventTypeId: eventType.id, start: at("09:00"), attendee, location: { type: "address" } });
    expect(organizer.body.data.location).toBe("1 Main St");
    const link = await book(booker, { eventTypeId: eventType.id, start: at("09:30"), attendee, location: { type: "link" } });
    expect(link.body.data).toMatchObject({ location: "https://meet.example.com/x", meetingUrl: "https://meet.example.com/x" });
    const theirs = await book(booker, { eventTypeId: eventType.id, start: at("10:00"), attendee, location: { type: "attendeeAddress", address: "2 Side St" } });
    expect(theirs.body.data.location).toBe("2 Side St");
    const video = await book(booker, { eventTypeId: eventType.id, start: at("10:30"), attendee, location: { type: "integration", integration: "cal-video" } });
    expect(video.body.data.location).toBe("integrations:daily");
    const noPhone = await book(booker, { eventTypeId: eventType.id, start: at("11:00"), attendee, location: { type: "phone" } });
    expect(noPhone.status).toBe(400);
    expect(noPhone.body.error.details[0]).toMatchObject({ field: "body.location" });
    const badType = await book(booker, { eventTypeId: eventType.id, start: at("11:00"), attendee, location: { type: "carrierPigeon" } });
    expect(badType.status).toBe(400);

    const moved = await api("PATCH /v2/bookings/{bookingUid}/location", { key: host.key, params: { bookingUid: theirs.body.data.uid }, body: { location: { type: "phone", phone: "+4930123456" } } });
    expect(moved.status).toBe(200);
    expect(moved.body.data.location).toBe("+4930123456");
  });

  it("books an attendee by phone alone, who is never mailed; without email and phone it is a 400", async () => {
    const { host, eventType } = await createHostWithEventType();
    const byPhone = await book(await createCaller(), { eventTypeId: eventType.id, start: berlin(addDays(MON, 4), "09:00"), attendee: { name: "Pat Phone", timeZone: "Europe/Berlin", phoneNumber: "+4915112345678" } });
    expect(byPhone.status).toBe(201);
    expect(byPhone.body.data.attendees[0]).toMatchObject({ name: "Pat Phone", email: "4915112345678@phone.slotbase.invalid", phoneNumber: "+4915112345678" });
    const prisma = await getPrisma();
    const recipients = (await prisma.notification.findMany({ where: { bookingId: byPhone.body.data.id }, select: { recipient: true } })).map((n) => n.recipient);
    expect(recipients).toEqual([host.user.email]);
    const neither = await book(await createCaller(), { eventTypeId: eventType.id, start: berlin(addDays(MON, 4), "10:00"), attendee: { name: "Nobody", timeZone: "UTC" } });
    expect(neither.status).toBe(400);
    expect(neither.body.error.details).toEqual([expect.objectContaining({ field: "body.attendee.email", message: "Send email, or phoneNumber for a booking by phone" })]);
  });

  it("routing.teamMemberIds narrows who may take a round-robin booking", async () => {
    const owner = await createCaller();
    const mate = await createCaller();
    for (const c of [owner, mate]) await createSchedule(c.user.id, "Europe/Berlin");
    const team = await createTeam(owner, [{ caller: mate }]);
    const eventType = await createTeamEventType(team.id, [{ userId: owner.user.id }, { userId: mate.user.id }]);
    const routed = await book(await createCaller(), { eventTypeId: eventType.id, start: berlin(MON, "15:00"), attendee, routing: { teamMemberIds: [mate.user.id] } });
    expect(routed.status).toBe(201);
    expect(routed.body.data.hosts[0].id).toBe(mate.user.id);
    const nobody = await book(await createCaller(), { eventTypeId: eventType.id, start: berlin(MON, "15:00"), attendee, routing: { teamMemberIds: [mate.user.id] } });
    expect(nobody.status).toBe(409);
  });

  it("refuses instant meetings and recurrence counts it cannot honour, naming the field", async () => {
    const { eventType } = await createHostWithEventType();
    const instant = await book(await createCaller(), { eventTypeId: eventType.id, start: berlin(MON, "16:00"), attendee, instant: true });
    expect(instant.status).toBe(400);
    expect(instant.body.error.details[0]).toMatchObject({ field: "body.instant" });
  });
});

describe("reschedule and cancel options", () => {
  it("reschedule answers 201; rescheduleWithSameHost keeps the host or is a 409", async () => {
    const owner = await createCaller();
    const mate = await createCaller();
    for (const c of [owner, mate]) await createSchedule(c.user.id, "Europe/Berlin");
    const team = await createTeam(owner, [{ caller: mate }]);
    const eventType = await createTeamEventType(team.id, [{ userId: owner.user.id }, { userId: mate.user.id }]);
    const booker = await createCaller();
    const created = await book(booker, { eventTypeId: eventType.id, start: berlin(addDays(MON, 2), "09:00"), attendee });
    const hostId = created.body.data.hosts[0].id;
    // The host is busy at 10:00; the other host is free.
    await createBooking(hostId, berlin(addDays(MON, 2), "10:00"), berlin(addDays(MON, 2), "10:30"));
    const same = await api("POST /v2/bookings/{bookingUid}/reschedule", {
      key: booker.key,
      params: { bookingUid: created.body.data.uid },
      body: { start: berlin(addDays(MON, 2), "10:00"), rescheduleWithSameHost: true, rescheduledBy: "jordan@example.com" },
    });
    expect(same.status).toBe(409);
    const any = await api("POST /v2/bookings/{bookingUid}/reschedule", { key: booker.key, params: { bookingUid: created.body.data.uid }, body: { start: berlin(addDays(MON, 2), "10:00") } });
    expect(any.status).toBe(201);
    expect(any.body.data.hosts[0].id).not.toBe(hostId);
  });

  it("cancelSubsequentBookings cancels the later occurrences of the series, not the earlier ones", async () => {
    const host = await createCaller();
    const eventType = await createEventType(host.user.id);
    const series = "series-" + host.user.id;
    const occurrences = [];
    for (let week = 0; week < 3; week += 1) {
      const day = addDays(MON, 7 * week);
      occurrences.push(await createBooking(host.user.id, berlin(day, "09:00"), berlin(day, "09:30"), { eventTypeId: eventType.id, recurringEventId: series }));
    }
    const cancelled = await api("POST /v2/bookings/{bookingUid}/cancel", { key: host.key, params: { bookingUid: occurrences[1]!.uid }, body: { cancelSubsequentBookings: true } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.data.recurringBookingUid).toBe(series);
    const prisma = await getPrisma();
    const statuses = await prisma.booking.findMany({ where: { recurringEventId: series }, orderBy: { startTime: "asc" }, select: { status: true } });
    expect(statuses.map((s) => s.status)).toEqual(["ACCEPTED", "CANCELLED", "CANCELLED"]);
  });
});

describe("GET /v2/slots parameters Cal.com documents", () => {
  it("usernames books several users together; organizationSlug names an organization that does not exist", async () => {
    const { host, eventType } = await createHostWithEventType();
    const other = await createCaller();
    await createSchedule(other.user.id, "Europe/Berlin", [{ days: [1], start: "09:00", end: "10:00" }]);
    const together = await api("GET /v2/slots", {
      key: host.key,
      query: { eventTypeSlug: eventType.slug, usernames: `${host.user.username},${other.user.username}`, start: MON, end: MON, timeZone: "Europe/Berlin" },
    });
    expect(together.status).toBe(200);
    // Only the hour both work: 09:00 and 09:30.
    expect(together.body.data[MON].map((s: { start: string }) => s.start)).toEqual([localIso(MON, "09:00", BERLIN, { ms: true }), localIso(MON, "09:30", BERLIN, { ms: true })]);
    const one = await api("GET /v2/slots", { key: host.key, query: { eventTypeSlug: eventType.slug, usernames: host.user.username!, start: MON, end: MON } });
    expect(one.status).toBe(400);
    expect(one.body.error.details[0]).toMatchObject({ field: "query.usernames" });
    const org = await api("GET /v2/slots", { key: host.key, query: { eventTypeId: String(eventType.id), organizationSlug: "acme", start: MON, end: MON } });
    expect(org.status).toBe(404);
    expect(org.body.error.details[0]).toMatchObject({ field: "query.organizationSlug" });
  });
});
