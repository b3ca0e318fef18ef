import { api } from "../../support/api";
import { useTestDatabase } from "../../support/database";
import { createCaller, type Caller } from "../../support/fixtures";
import { createBooking, createHostWithEventType } from "../../support/scheduling";
import { addDays, berlin, nextMonday } from "../../support/dates";

useTestDatabase();

// MON is a Monday ahead (computed from today); hosts work 09:00–17:00 Berlin.
const MON = nextMonday();
const day = (n: number) => addDays(MON, n);

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
    expect(fields(await reserve({ eventTypeId: "7", slotStart: berlin(MON, "09:00") }))).toContain("body.eventTypeId");
    expect(fields(await reserve({ eventTypeId, slotStart: berlin(MON, "09:00"), reservationDuration: 0 }))).toContain("body.reservationDuration");
    expect(fields(await reserve({ eventTypeId, slotStart: berlin(MON, "09:00"), reservationDuration: 61 }))).toContain("body.reservationDuration");
    expect(fields(await reserve({ eventTypeId, slotStart: berlin(MON, "09:00"), extra: 1 }))).toContain("body.extra");
  });

  it("answers 404 for an unknown event type", async () => {
    const result = await reserve({ eventTypeId: 777777, slotStart: berlin(MON, "09:00") });
    expect(result.status).toBe(404);
  });

  it("answers 422 for a time that is not a slot: outside hours, misaligned, in the past, booked", async () => {
    await createBooking(host.user.id, berlin(MON, "11:00"), berlin(MON, "11:30"));
    for (const slotStart of [berlin(MON, "06:00"), berlin(MON, "09:10"), "2020-01-06T08:00:00Z", berlin(MON, "11:00"), berlin(day(5), "09:00")]) {
      const result = await reserve({ eventTypeId, slotStart });
      expect(result.status).toBe(422);
      expect(result.body.error.code).toBe("unprocessable_entity");
    }
  });

  it("refuses a duration the event type does not offer", async () => {
    const result = await reserve({ eventTypeId, slotStart: berlin(MON, "09:00"), slotDuration: 45 });
    expect(result.status).toBe(400);
  });

  it("keeps a hold as it was when moving it to a busy slot fails", async () => {
    const booker = await createCaller();
    const { reservationUid } = (await reserve({ eventTypeId, slotStart: berlin(day(1), "09:00") }, booker)).body.data;
    await createBooking(host.user.id, berlin(day(1), "10:00"), berlin(day(1), "10:30"));
    const moved = await api("PATCH /v2/slots/reservations/{uid}", { key: booker.key, params: { uid: reservationUid }, body: { slotStart: berlin(day(1), "10:00") } });
    expect(moved.status).toBe(422);
    const kept = await api("GET /v2/slots/reservations/{uid}", { key: booker.key, params: { uid: reservationUid } });
    expect(kept.body.data.slotStart).toBe(berlin(day(1), "09:00"));
  });

  it("answers 404 for an unknown uid and 400 for an empty PATCH", async () => {
    expect((await api("GET /v2/slots/reservations/{uid}", { key: host.key, params: { uid: "nope" } })).status).toBe(404);
    expect((await api("DELETE /v2/slots/reservations/{uid}", { key: host.key, params: { uid: "nope" } })).status).toBe(404);
    const booker = await createCaller();
    const { reservationUid } = (await reserve({ eventTypeId, slotStart: berlin(day(2), "09:00") }, booker)).body.data;
    expect((await api("PATCH /v2/slots/reservations/{uid}", { key: booker.key, params: { uid: reservationUid }, body: {} })).status).toBe(400);
  });
});
