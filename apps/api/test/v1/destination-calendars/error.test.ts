import { getPrisma } from "@slotbase/prisma";
import { useTestDatabase } from "../../support/database";
import { api } from "../../support/api";
import { createAdmin, createCaller } from "../../support/fixtures";
import { createEventType } from "../../support/scheduling";
import { bookingOf } from "../attendees/fixtures";
import { bookingWithDestination, destinationRow, personalTypeDestination, teamType, userDestination } from "./fixtures";

useTestDatabase();

type Detail = { field?: string; rule?: string; message: string };
const fields = (body: { details: Detail[] }) => body.details.map((d) => d.field);
const calendar = { integration: "google_calendar", externalId: "alex@example.com" };

describe("destination calendars — errors", () => {
  it("needs integration and externalId, trimmed, 1–200 characters, and names each bad field", async () => {
    const caller = await createCaller();
    const missing = await api("POST /v1/destination-calendars", { key: caller.key, body: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe("validation_error");
    expect(fields(missing.body)).toEqual(expect.arrayContaining(["body.integration", "body.externalId"]));
    const cases: [object, string, string][] = [
      [{ ...calendar, integration: "   " }, "body.integration", "too_small"],
      [{ ...calendar, externalId: "" }, "body.externalId", "too_small"],
      [{ ...calendar, integration: "x".repeat(201) }, "body.integration", "too_big"],
      [{ ...calendar, externalId: "x".repeat(201) }, "body.externalId", "too_big"],
      [{ ...calendar, integration: 42 }, "body.integration", "invalid_type"],
      [{ ...calendar, externalId: null }, "body.externalId", "invalid_type"],
      [{ ...calendar, eventTypeId: "abc" }, "body.eventTypeId", "invalid_type"],
      [{ ...calendar, eventTypeId: 0 }, "body.eventTypeId", "too_small"],
      [{ ...calendar, bookingId: 1.5 }, "body.bookingId", "invalid_type"],
      [{ ...calendar, userId: -3 }, "body.userId", "too_small"],
      [{ ...calendar, eventTypeId: 2_147_483_648 }, "body.eventTypeId", "too_big"],
      // Cal.com's credentialId has no column here (no integrations yet): not accepted rather than ignored.
      [{ ...calendar, credentialId: 3 }, "body.credentialId", "unrecognized_key"],
      [{ ...calendar, id: 9 }, "body.id", "unrecognized_key"],
    ];
    for (const [body, field, rule] of cases) {
      const result = await api("POST /v1/destination-calendars", { key: caller.key, body });
      expect({ status: result.status, details: result.body.details }).toEqual({ status: 400, details: expect.arrayContaining([expect.objectContaining({ field, rule })]) });
    }
    expect(await (await getPrisma()).destinationCalendar.count({ where: { userId: caller.user.id } })).toBe(0);
  });

  it("belongs to one event type or one booking, not both", async () => {
    const caller = await createCaller();
    const eventType = await createEventType(caller.user.id);
    const { booking } = await bookingOf(caller);
    const result = await api("POST /v1/destination-calendars", { key: caller.key, body: { ...calendar, eventTypeId: eventType.id, bookingId: booking.id } });
    expect(result.status).toBe(400);
    expect(result.body.details).toEqual([
      expect.objectContaining({ field: "body.eventTypeId", rule: "exclusive" }),
      expect.objectContaining({ field: "body.bookingId", rule: "exclusive" }),
    ]);
  });

  it("refuses a userId next to eventTypeId or bookingId that is not their owner or host", async () => {
    const admin = await createAdmin();
    const owner = await createCaller();
    const someoneElse = await createCaller();
    const eventType = await createEventType(owner.user.id);
    const typeResult = await api("POST /v1/destination-calendars", { key: admin.key, body: { ...calendar, userId: someoneElse.user.id, eventTypeId: eventType.id } });
    expect(typeResult.status).toBe(400);
    expect(typeResult.body.details).toEqual([expect.objectContaining({ field: "body.userId", rule: "mismatch" })]);
    const { booking } = await bookingOf(owner);
    const bookingResult = await api("POST /v1/destination-calendars", { key: admin.key, body: { ...calendar, userId: someoneElse.user.id, bookingId: booking.id } });
    expect(bookingResult.status).toBe(400);
    expect(fields(bookingResult.body)).toEqual(["body.userId"]);
  });

  it("names an event type, booking or user that does not exist (404)", async () => {
    const caller = await createCaller();
    const admin = await createAdmin();
    const cases: [string, object, string][] = [
      [caller.key, { eventTypeId: 2_000_000_000 }, "body.eventTypeId"],
      [caller.key, { bookingId: 2_000_000_000 }, "body.bookingId"],
      [admin.key, { userId: 2_000_000_000 }, "body.userId"],
    ];
    for (const [key, extra, field] of cases) {
      const result = await api("POST /v1/destination-calendars", { key, body: { ...calendar, ...extra } });
      expect(result.status).toBe(404);
      expect(result.body.code).toBe("not_found");
      expect(fields(result.body)).toEqual([field]);
    }
  });

  it("gives each user, event type and booking at most one (409 naming the one there is)", async () => {
    const caller = await createCaller();
    const existing = await userDestination(caller);
    const second = await api("POST /v1/destination-calendars", { key: caller.key, body: calendar });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe("conflict");
    expect(second.body.message).toBe(`User ${caller.user.id} already has a destination calendar (id ${existing.id}): change that one, or delete it first.`);

    const { eventType, destination } = await personalTypeDestination(caller);
    const onType = await api("POST /v1/destination-calendars", { key: caller.key, body: { ...calendar, eventTypeId: eventType.id } });
    expect(onType.status).toBe(409);
    expect(onType.body.message).toContain(`Event type ${eventType.id} already has a destination calendar (id ${destination.id})`);
    expect(onType.body.details).toEqual([expect.objectContaining({ field: "body.eventTypeId", rule: "unique" })]);

    const { booking, destination: onBooking } = await bookingWithDestination(caller);
    const bookingResult = await api("POST /v1/destination-calendars", { key: caller.key, body: { ...calendar, bookingId: booking.id } });
    expect(bookingResult.status).toBe(409);
    expect(bookingResult.body.message).toContain(`(id ${onBooking.id})`);
    expect(fields(bookingResult.body)).toEqual(["body.bookingId"]);
  });

  it("a move onto an owner that already has one is a 409 and changes nothing", async () => {
    const caller = await createCaller();
    const { destination } = await personalTypeDestination(caller);
    const { eventType: taken } = await personalTypeDestination(caller);
    const result = await api("PATCH /v1/destination-calendars/{id}", {
      params: { id: destination.id },
      key: caller.key,
      body: { eventTypeId: taken.id, externalId: "changed@example.com" },
    });
    expect(result.status).toBe(409);
    expect(fields(result.body)).toEqual(["body.eventTypeId"]);
    expect(await destinationRow(destination.id)).toEqual(destination);

    const admin = await createAdmin();
    const mine = await userDestination(caller);
    const theirs = await userDestination(await createCaller());
    const onUser = await api("PATCH /v1/destination-calendars/{id}", { params: { id: mine.id }, key: admin.key, body: { userId: theirs.userId! } });
    expect(onUser.status).toBe(409);
    expect(await destinationRow(mine.id)).toEqual(mine);
  });

  it("keeps the kind of owner: eventTypeId only on an event type's, bookingId only on a booking's", async () => {
    const caller = await createCaller();
    const own = await userDestination(caller);
    const eventType = await createEventType(caller.user.id);
    const { booking } = await bookingOf(caller);
    const toType = await api("PATCH /v1/destination-calendars/{id}", { params: { id: own.id }, key: caller.key, body: { eventTypeId: eventType.id } });
    expect(toType.status).toBe(400);
    expect(toType.body.details).toEqual([expect.objectContaining({ field: "body.eventTypeId", rule: "owner_kind" })]);
    const { destination } = await personalTypeDestination(caller);
    const toBooking = await api("PATCH /v1/destination-calendars/{id}", { params: { id: destination.id }, key: caller.key, body: { bookingId: booking.id } });
    expect(toBooking.status).toBe(400);
    expect(fields(toBooking.body)).toEqual(["body.bookingId"]);
    const userOnType = await api("PATCH /v1/destination-calendars/{id}", { params: { id: destination.id }, key: caller.key, body: { userId: caller.user.id } });
    expect(userOnType.status).toBe(200);
    expect(userOnType.body.destinationCalendar).toMatchObject({ userId: null, eventTypeId: destination.eventTypeId });
    expect(await destinationRow(own.id)).toEqual(own);
    expect(await destinationRow(destination.id)).toEqual(destination);
  });

  it("PATCH needs a field, validates each, and refuses unknown ones", async () => {
    const caller = await createCaller();
    const own = await userDestination(caller);
    const params = { id: own.id };
    const empty = await api("PATCH /v1/destination-calendars/{id}", { params, key: caller.key, body: {} });
    expect(empty.status).toBe(400);
    expect(empty.body.message).toContain("Send at least one field to change");
    const cases: [object, string][] = [
      [{ integration: "" }, "body.integration"],
      [{ externalId: "y".repeat(201) }, "body.externalId"],
      [{ eventTypeId: null }, "body.eventTypeId"],
      [{ credentialId: 1 }, "body.credentialId"],
    ];
    for (const [body, field] of cases) {
      const result = await api("PATCH /v1/destination-calendars/{id}", { params, key: caller.key, body });
      expect(result.status).toBe(400);
      expect(fields(result.body)).toContain(field);
    }
    expect(await destinationRow(own.id)).toEqual(own);
  });

  it("refuses malformed ids (400 naming path.id) and answers 404 for unknown ones", async () => {
    const caller = await createCaller();
    for (const id of ["abc", "0", "-1", "1.5", "99999999999"]) {
      for (const operation of ["GET", "PATCH", "DELETE"]) {
        const result = await api(`${operation} /v1/destination-calendars/{id}`, { params: { id }, key: caller.key, ...(operation === "PATCH" ? { body: { externalId: "x" } } : {}) });
        expect(result.status).toBe(400);
        expect(fields(result.body)).toEqual(["path.id"]);
      }
    }
    const unknown = await api("GET /v1/destination-calendars/{id}", { params: { id: 2_000_000_000 }, key: caller.key });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe("Destination calendar not found.");
  });

  it("validates the list's query", async () => {
    const caller = await createCaller();
    const cases: [Record<string, string>, string][] = [
      [{ take: "0" }, "query.take"],
      [{ take: "101" }, "query.take"],
      [{ page: "0" }, "query.page"],
      [{ userId: "me" }, "query.userId"],
      [{ eventTypeId: "1" }, "query.eventTypeId"],
    ];
    for (const [query, field] of cases) {
      const result = await api("GET /v1/destination-calendars", { key: caller.key, query });
      expect(result.status).toBe(400);
      expect(fields(result.body)).toContain(field);
    }
  });

  it("a team event type's: a plain member may read, not set or change it (403 naming eventTypeId)", async () => {
    const owner = await createCaller();
    const member = await createCaller();
    const { eventType } = await teamType(owner, [{ caller: member }]);
    const refused = await api("POST /v1/destination-calendars", { key: member.key, body: { ...calendar, eventTypeId: eventType.id } });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe("forbidden");
    expect(fields(refused.body)).toEqual(["body.eventTypeId"]);
    expect(await (await getPrisma()).destinationCalendar.count({ where: { eventTypeId: eventType.id } })).toBe(0);
  });
});
