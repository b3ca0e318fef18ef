import { unwrap, type Schema, type SlotbaseClient } from "@slotbase/client";

type Attendee = Schema<"BookingCreateBodyV2">["attendee"];

/**
 * Books the first free slot of an event type in the week starting tomorrow (UTC):
 * GET /v2/slots, then POST /v2/bookings with the earliest slot it offers.
 */
export async function bookFirstSlot(client: SlotbaseClient, eventTypeId: number, attendee: Attendee) {
  const from = new Date();
  from.setUTCHours(24, 0, 0, 0); // tomorrow, 00:00 UTC
  const to = new Date(from.getTime() + 7 * 24 * 60 * 60 * 1000);

  const slots = unwrap(
    await client.GET("/v2/slots", {
      params: { query: { eventTypeId, start: from.toISOString(), end: to.toISOString(), timeZone: "UTC" } },
    }),
  );
  // { status: "success", data: { "YYYY-MM-DD": [{ start: "…" }, …], … } }
  const [first] = Object.values(slots.data)
    .flat()
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  if (!first) throw new Error(`Event type ${eventTypeId} has no free slot before ${to.toISOString()}`);

  const booked = await client.POST("/v2/bookings", { body: { eventTypeId, start: first.start, attendee } });
  if (booked.error) {
    // typed as the v2 error body: { status: "error", error: { code, message, details, requestId } }
    throw new Error(`Booking ${first.start} failed (${booked.response.status} ${booked.error.error.code}): ${booked.error.error.message}`);
  }
  const booking = booked.data.data; // a recurring event type books a series: one booking per occurrence
  return Array.isArray(booking) ? booking[0]! : booking;
}
