import { randomUUID } from "node:crypto";
import { getPrisma } from "@slotbase/prisma";
import { api } from "../../support/api";
import { describeAuthMatrix } from "../../support/auth-matrix";
import { useTestDatabase } from "../../support/database";
import { createCaller, type Caller } from "../../support/fixtures";
import { createHostWithEventType, nextWeekdaySlot, WEEKDAY_SLOTS_FROM } from "../../support/scheduling";
import { addDays } from "../../support/dates";

useTestDatabase();

let eventTypeId: number;
let host: Caller;
beforeAll(async () => {
  const made = await createHostWithEventType();
  host = made.host;
  eventTypeId = made.eventType.id;
});


/** A live hold made by `owner`, written directly (the owner's key may be expired or scoped in the matrix). */
async function holdOf(owner: Caller) {
  const prisma = await getPrisma();
  const start = new Date(nextWeekdaySlot().start);
  const hold = await prisma.slotReservation.create({
    data: {
      uid: randomUUID(),
      eventTypeId,
      userId: host.user.id,
      reservedById: owner.user.id,
      slotUtcStartDate: start,
      slotUtcEndDate: new Date(start.getTime() + 30 * 60_000),
      releaseAt: new Date(Date.now() + 5 * 60_000),
    },
  });
  return { params: { uid: hold.uid } };
}

// A booking page without a key may hold a slot, and read back only a hold made without a key.
describeAuthMatrix({ operation: "POST /v2/slots/reservations", scope: "slots:write", anonymousStatus: 201, request: () => ({ body: { eventTypeId, slotStart: nextWeekdaySlot().start } }) });
describeAuthMatrix({ operation: "GET /v2/slots/reservations/{uid}", scope: "slots:read", ownedObject: true, anonymousStatus: 404, request: holdOf });
describeAuthMatrix({
  operation: "PATCH /v2/slots/reservations/{uid}",
  scope: "slots:write",
  ownedObject: true,
  request: async (owner) => ({ ...(await holdOf(owner)), body: { slotStart: nextWeekdaySlot().start } }),
});
describeAuthMatrix({ operation: "DELETE /v2/slots/reservations/{uid}", scope: "slots:write", ownedObject: true, request: holdOf });

describe("holds — what others learn", () => {
  it("does not reveal who holds a slot or its uid to others", async () => {
    const holder = await createCaller();
    const { params } = await holdOf(holder);
    const other = await createCaller();
    const slots = await api("GET /v2/slots", { key: other.key, query: { eventTypeId: String(eventTypeId), start: WEEKDAY_SLOTS_FROM, end: addDays(WEEKDAY_SLOTS_FROM, 27) } });
    expect(JSON.stringify(slots.body)).not.toContain(params.uid);
  });
});
