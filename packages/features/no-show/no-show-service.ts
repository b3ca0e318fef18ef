import { getPrisma } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";
import { accessOf } from "../access/access";
import { conflict, invalid as invalidInput, type FieldIssue } from "../errors/domain-errors";
import { bookingToChange } from "../bookings/booking-children";
import { enqueueNoShowDeliveries } from "../webhooks/enqueue-deliveries";
import { kickWebhookDelivery } from "../webhooks/worker";

/**
 * Marks (or unmarks) a booking's attendees and/or its host as no-shows, Cal.com's
 * handleMarkNoShow without its gaps: the host's flag is checked too (not only the attendees'),
 * it can be cleared again, an email that is not an attendee of the booking is a 400 rather
 * than silently skipped, and nothing fails as a 500.
 *
 * Only the organizer side (host, event type owner, team OWNER/ADMIN, system admin) marks
 * no-shows; an attendee gets 403, anyone else 404. Only an accepted booking that has started
 * can be marked.
 */
export interface NoShowInput {
  bookingUid: string;
  attendees?: { email: string; noShow: boolean }[];
  noShowHost?: boolean;
}

export interface NoShowResult {
  message: string;
  /** The attendees changed by this call, as sent (emails as stored). */
  attendees: { email: string; noShow: boolean }[];
  /** The host's no-show flag after this call. */
  noShowHost: boolean;
}

const invalid = (details: FieldIssue[]) => invalidInput(details.map((d) => `${d.field}: ${d.message}`).join("; "), details);

function messageFor(attendees: NoShowResult["attendees"], noShowHost: boolean | undefined): string {
  if (attendees.length === 1 && noShowHost === undefined) {
    const [only] = attendees as [NoShowResult["attendees"][number]];
    return only.noShow ? `${only.email} marked as no-show` : `${only.email} unmarked as no-show`;
  }
  if (attendees.length === 0 && noShowHost !== undefined) return noShowHost ? "Host marked as no-show" : "Host unmarked as no-show";
  return "No-show updated";
}

export async function markNoShow(auth: AuthContext, input: NoShowInput, now: Date = new Date()): Promise<NoShowResult> {
  const access = await accessOf(auth);
  const prisma = await getPrisma();
  const result = await prisma.$transaction(async (db) => {
    const booking = await bookingToChange(db, access, { uid: input.bookingUid }, "bookingUid");
    if (booking.status !== "ACCEPTED") {
      throw conflict(`Only accepted bookings can be marked as no-show; this one is ${booking.status.toLowerCase()}.`, [
        { field: "bookingUid", rule: "status", message: `The booking is ${booking.status}` },
      ]);
    }
    if (booking.startTime.getTime() > now.getTime()) {
      throw invalid([{ field: "bookingUid", rule: "not_started", message: "Cannot mark no-show before the meeting has started" }]);
    }

    const requested = input.attendees ?? [];
    const onBooking = new Map(booking.attendees.map((a) => [a.email.toLowerCase(), a.email]));
    const unknown = requested.flatMap((entry, index) =>
      onBooking.has(entry.email.toLowerCase())
        ? []
        : [{ field: `attendees.${index}.email`, rule: "attendee", message: `${entry.email} is not an attendee of this booking` }],
    );
    if (unknown.length > 0) throw invalid(unknown);

    const attendees: NoShowResult["attendees"] = [];
    for (const entry of requested) {
      const email = entry.email.toLowerCase();
      await db.attendee.updateMany({
        where: { bookingId: booking.id, email: { equals: email, mode: "insensitive" } },
        data: { noShow: entry.noShow },
      });
      attendees.push({ email: onBooking.get(email) ?? email, noShow: entry.noShow });
    }
    let noShowHost = booking.noShowHost ?? false;
    if (input.noShowHost !== undefined) {
      await db.booking.update({ where: { id: booking.id }, data: { noShowHost: input.noShowHost } });
      noShowHost = input.noShowHost;
    }
    const marked = { message: messageFor(attendees, input.noShowHost), attendees, noShowHost };
    await enqueueNoShowDeliveries(db, booking, marked);
    return marked;
  });
  kickWebhookDelivery();
  return result;
}
