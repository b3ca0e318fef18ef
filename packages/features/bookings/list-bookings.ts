import type { Prisma } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";
import { accessOf } from "../access/access";
import { assertMayFilterByHost, readableBookingsWhere } from "../access/booking-rules";
import { loadBookingRecords, type BookingRecord } from "./booking-record";
import { asSeenBy } from "./booking-lifecycle";

export type BookingStatusFilter = "upcoming" | "recurring" | "past" | "cancelled" | "unconfirmed";

export interface BookingListQuery {
  status?: BookingStatusFilter[];
  attendeeEmails?: string[];
  attendeeName?: string;
  eventTypeIds?: number[];
  teamIds?: number[];
  /** Bookings starting at or after. */
  afterStart?: Date;
  /** Bookings ending at or before. */
  beforeEnd?: Date;
  /** Admins only: one host's bookings. */
  userId?: number;
  sort?: { field: "startTime" | "endTime" | "createdAt"; order: "asc" | "desc" }[];
  skip: number;
  take: number;
}

function statusWhere(status: BookingStatusFilter, now: Date): Prisma.BookingWhereInput {
  switch (status) {
    case "upcoming":
      return { endTime: { gte: now }, status: { in: ["ACCEPTED", "PENDING"] } };
    case "recurring":
      return { endTime: { gte: now }, status: { in: ["ACCEPTED", "PENDING"] }, recurringEventId: { not: null } };
    case "past":
      return { endTime: { lte: now }, status: { in: ["ACCEPTED", "PENDING"] } };
    case "cancelled":
      return { status: { in: ["CANCELLED", "REJECTED"] } };
    case "unconfirmed":
      return { endTime: { gte: now }, status: "PENDING" };
  }
}

/** The caller's bookings (as host, attendee, event type owner or team OWNER/ADMIN; admins: all), filtered and paged. */
export async function listBookings(auth: AuthContext, query: BookingListQuery): Promise<BookingRecord[]> {
  const access = await accessOf(auth);
  if (query.userId !== undefined) assertMayFilterByHost(access, query.userId);
  const now = new Date();
  const and: Prisma.BookingWhereInput[] = [readableBookingsWhere(access)];
  if (query.status?.length) and.push({ OR: query.status.map((s) => statusWhere(s, now)) });
  if (query.attendeeEmails?.length) and.push({ attendees: { some: { email: { in: query.attendeeEmails.map((e) => e.toLowerCase()) } } } });
  if (query.attendeeName) and.push({ attendees: { some: { name: { contains: query.attendeeName, mode: "insensitive" } } } });
  if (query.eventTypeIds?.length) and.push({ eventTypeId: { in: query.eventTypeIds } });
  if (query.teamIds?.length) and.push({ eventType: { teamId: { in: query.teamIds } } });
  if (query.afterStart) and.push({ startTime: { gte: query.afterStart } });
  if (query.beforeEnd) and.push({ endTime: { lte: query.beforeEnd } });
  if (query.userId !== undefined) and.push({ userId: query.userId });
  const orderBy: Prisma.BookingOrderByWithRelationInput[] = [
    ...(query.sort ?? [{ field: "startTime" as const, order: "asc" as const }]).map((s) => ({ [s.field]: s.order })),
    { id: "asc" },
  ];
  const records = await loadBookingRecords({ AND: and }, { skip: query.skip, take: query.take, orderBy });
  return records.map((record) => asSeenBy(access, record));
}
