import type { Hold } from "@slotbase/features";
import type { z } from "zod";
import type { ReservationResponse } from "../schemas/reservations";

export function toReservationV2(hold: Hold): z.infer<typeof ReservationResponse> {
  return {
    status: "success",
    data: {
      reservationUid: hold.reservationUid,
      eventTypeId: hold.eventTypeId,
      slotStart: hold.slotStart.toISOString(),
      slotEnd: hold.slotEnd.toISOString(),
      slotDuration: hold.slotDuration,
      reservationDuration: hold.reservationDuration,
      reservationUntil: hold.reservationUntil.toISOString(),
    },
  };
}
