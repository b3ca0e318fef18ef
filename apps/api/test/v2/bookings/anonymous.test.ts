import { getPrisma } from "@slotbase/prisma";
import { api } from "../../support/api";
import { useTestDatabase } from "../../support/database";
import { createCaller } from "../../support/fixtures";
import { createHostWithEventType } from "../../support/scheduling";
import { addDays, berlin, nextMonday } from "../../support/dates";

/*
 * A public booking page cannot keep a secret: as on Cal.com, it may list slots, hold one and
 * book it without a key, for event types that are not hidden. Everything else needs a key.
 */

useTestDatabase();

const MON = nextMonday();
const attendee = { name: "Ana", email: "ana@example.com", timeZone: "Europe/Lisbon" };

describe("without a key", () => {
  it("lists slots of a public event type; a hidden one does not exist", async () => {
    const { eventType } = await createHostWithEventType();
    const { eventType: hidden } = await createHostWithEventType({ hidden: true });
    const open = await api("GET /v2/slots", { query: { eventTypeId: String(eventType.id), start: MON, end: MON } });
    expect(open.status).toBe(200);
    expect(open.body.data[MON].length).toBeGreaterThan(0);
    const closed = await api("GET /v2/slots", { query: { eventTypeId: String(hidden.id), start: MON, end: MON } });
    expect(closed.status).toBe(404);
    expect(closed.body.error.code).toBe("not_found");
  });

  it("holds a slot, reads the hold back by its uid, and books it; nobody becomes its booker", async () => {
    const { host, eventType } = await createHostWithEventType();
    const start = berlin(MON, "09:00");
    const hold = await api("POST /v2/slots/reservations", { body: { eventTypeId: eventType.id, slotStart: start } });
    expect(hold.status).toBe(201);
    const uid = hold.body.data.reservationUid;
    expect((await api("GET /v2/slots/reservations/{uid}", { params: { uid } })).status).toBe(200);
    // Changing or releasing a hold needs a key.
    expect((await api("PATCH /v2/slots/reservations/{uid}", { params: { uid }, body: { reservationDuration: 10 } })).status).toBe(401);
    expect((await api("DELETE /v2/slots/reservations/{uid}", { params: { uid } })).status).toBe(401);

    const booked = await api("POST /v2/bookings", { body: { eventTypeId: eventType.id, start, attendee, reservationUid: uid } });
    expect(booked.status).toBe(201);
    const prisma = await getPrisma();
    const row = await prisma.booking.findUniqueOrThrow({ where: { uid: booked.body.data.uid } });
    expect(row).toMatchObject({ bookedById: null, userId: host.user.id });
    expect(await prisma.slotReservation.count({ where: { uid } })).toBe(0);

    // Reading, cancelling and moving it need a key (the host's side has it).
    const uidParams = { params: { bookingUid: booked.body.data.uid } };
    expect((await api("GET /v2/bookings/{bookingUid}", uidParams)).status).toBe(401);
    expect((await api("POST /v2/bookings/{bookingUid}/cancel", { ...uidParams, body: {} })).status).toBe(401);
    expect((await api("POST /v2/bookings/{bookingUid}/reschedule", { ...uidParams, body: { start: berlin(MON, "10:00") } })).status).toBe(401);
    expect((await api("GET /v2/bookings", {})).status).toBe(401);
    expect((await api("GET /v2/bookings/{bookingUid}", { ...uidParams, key: host.key })).status).toBe(200);
  });

  it("may not book, hold or read holds of hidden event types, nor hold longer than the default", async () => {
    const { eventType: hidden } = await createHostWithEventType({ hidden: true });
    const { eventType } = await createHostWithEventType();
    const start = berlin(addDays(MON, 1), "09:00");
    expect((await api("POST /v2/bookings", { body: { eventTypeId: hidden.id, start, attendee } })).status).toBe(404);
    expect((await api("POST /v2/slots/reservations", { body: { eventTypeId: hidden.id, slotStart: start } })).status).toBe(404);
    const long = await api("POST /v2/slots/reservations", { body: { eventTypeId: eventType.id, slotStart: start, reservationDuration: 30 } });
    expect(long.status).toBe(403);
    expect(long.body.error.details[0]).toMatchObject({ field: "body.reservationDuration" });
    // A hold made with a key is not readable without one, even by its uid.
    const keyed = await api("POST /v2/slots/reservations", { key: (await createCaller()).key, body: { eventTypeId: eventType.id, slotStart: start } });
    expect((await api("GET /v2/slots/reservations/{uid}", { params: { uid: keyed.body.data.reservationUid } })).status).toBe(404);
  });

  it("a key that is sent is still checked: a bad one is a 401, never anonymous", async () => {
    const { eventType } = await createHostWithEventType();
    const bad = await api("POST /v2/bookings", { key: "cal_live_0000000000000000000000000000", body: { eventTypeId: eventType.id, start: berlin(MON, "11:00"), attendee } });
    expect(bad.status).toBe(401);
  });
});
