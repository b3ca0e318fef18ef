import { api } from "../../support/api";
import { useTestDatabase } from "../../support/database";
import { createCaller, type Caller } from "../../support/fixtures";
import { createBooking, createHostWithEventType } from "../../support/scheduling";

useTestDatabase();

let host: Caller;
let eventTypeId: number;
beforeAll(async () => {
  const made = await createHostWithEventType();
  host = made.host;
  eventTypeId = made.eventType.id;
});

const reserve = (body: unknown, caller: Caller = host) => api("POST /v2/slots/reservations", { key: caller.key, body });
const fields = (result: { body: { error: { details: { field?: string }[] } } }) => result.body.error.details.map((d) => d.field);

describe("POST /v2/slots/reservations — bad input", () => {
  it("names missing and malformed fields", async () => {
    const missing = await reserve({});
    expect(missing.status).toBe(400);
    expect(fields(missing)).toEqual(expect.arrayContaining(["body.eventTypeId", "body.slotStart"]));
    expect(fields(await reserve({ eventTypeId, slotStart: "2027-03-22 09:00" }))).toContain("body.slotStart");
    expect(fields(await reserve({ eventTypeId: "7", slotStart: "2027-03-22T08:00:00Z" }))).toContain("body.eventTypeId");
    expect(fields(await reserve({ eventTypeId, slotStart: "2027-03-22T08:00:00Z", reservationDuration: 0 }))).toContain("body.reservationDuration");
    expect(fields(await reserve({ eventTypeId, slotStart: "2027-03-22T08:00:00Z", reservationDuration: 61 }))).toContain("body.reservationDuration");
    expect(fields(await reserve({ eventTypeId, slotStart: "2027-03-22T08:00:00Z", extra: 1 }))).toContain("body.extra");
  });

  it("answers 404 for an unknown event type", async () => {
    const result = await reserve({ eventTypeId: 777777, slotStart: "2027-03-22T08:00:00Z" });
    expect(result.status).toBe(404);
  });

  it("answers 422 for a time that is not a slot: outside hours, misaligned, in the past, booked", async () => {
    await createBooking(host.user.id, "2027-03-22T10:00:00Z", "2027-03-22T10:30:00Z");
    for (const slotStart of ["2027-03-22T05:00:00Z", "2027-03-22T08:10:00Z", "2020-01-06T08:00:00Z", "2027-03-22T10:00:00Z", "2027-03-27T08:00:00Z"]) {
      const result = await reserve({ eventTypeId, slotStart });
      expect(result.status).toBe(422);
      expect(result.body.error.code).toBe("unprocessable_entity");
    }
  });

  it("refuses a duration the event type does not offer", async () => {
    const result = await reserve({ eventTypeId, slotStart: "2027-03-22T08:00:00Z", slotDuration: 45 });
    expect(result.status).toBe(400);
  });

  it("keeps a hold as it was when moving it to a busy slot fails", async () => {
    const booker = await createCaller();
    const { reservationUid } = (await reserve({ eventTypeId, slotStart: "2027-03-23T08:00:00Z" }, booker)).body.data;
    await createBooking(host.user.id, "2027-03-23T09:00:00Z", "2027-03-23T09:30:00Z");
    const moved = await api("PATCH /v2/slots/reservations/{uid}", { key: booker.key, params: { uid: reservationUid }, body: { slotStart: "2027-03-23T09:00:00Z" } });
    expect(moved.status).toBe(422);
    const kept = await api("GET /v2/slots/reservations/{uid}", { key: booker.key, params: { uid: reservationUid } });
    expect(kept.body.data.slotStart).toBe("2027-03-23T08:00:00.000Z");
  });

  it("answers 404 for an unknown uid and 400 for an empty PATCH", async () => {
    expect((await api("GET /v2/slots/reservations/{uid}", { key: host.key, params: { uid: "nope" } })).status).toBe(404);
    expect((await api("DELETE /v2/slots/reservations/{uid}", { key: host.key, params: { uid: "nope" } })).status).toBe(404);
    const booker = await createCaller();
    const { reservationUid } = (await reserve({ eventTypeId, slotStart: "2027-03-24T08:00:00Z" }, booker)).body.data;
    expect((await api("PATCH /v2/slots/reservations/{uid}", { key: booker.key, params: { uid: reservationUid }, body: {} })).status).toBe(400);
  });
});
