import { getPrisma, type BookingStatus } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";
import { accessOf } from "../access/access";
import { assertCustomerAccount } from "../access/calendar-view-rules";
import { notFound } from "../errors/domain-errors";
import { bookingLabel } from "../calendar-events/labels";

/**
 * Customer accounts (seed 001): a workspace's record of someone who books its calendars,
 * created by the database on their first booking there (see the CustomerAccount model). Read
 * by the workspace's members and by the person it records (their confirmed email).
 */
export interface CustomerAccountRecord {
  uuid: string;
  workspaceUuid: string;
  firstName: string;
  lastName: string;
  email: string;
  createdAt: Date;
}

export interface UpcomingBooking {
  uid: string;
  status: BookingStatus;
  startTime: Date;
  endTime: Date;
  resource: { uuid: string; name: string };
}

export interface BookingPreview {
  uid: string;
  status: BookingStatus;
  startTime: Date;
  endTime: Date;
  resource: { uuid: string; name: string };
  eventTypeTitle: string | null;
  location: string | null;
  customers: { uuid: string; firstName: string; lastName: string }[];
  displayLabel: string;
  /** Minor units (cents), as event types store it; null when the event type is free. */
  price: number | null;
  currency: string | null;
}

/** How many upcoming bookings an account lists. */
export const UPCOMING_BOOKINGS_LIMIT = 100;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function readableAccount(auth: AuthContext, accountUuid: string) {
  const prisma = await getPrisma();
  const [access, account] = await Promise.all([
    accessOf(auth),
    UUID.test(accountUuid)
      ? prisma.customerAccount.findUnique({ where: { uuid: accountUuid.toLowerCase() }, include: { team: { select: { uuid: true } } } })
      : null,
  ]);
  assertCustomerAccount(access, account);
  return account!;
}

/** Bookings of the account's workspace's calendars with the account's email among the attendees. */
const bookingsOfAccount = (account: { teamId: number; email: string }) => ({
  calendar: { teamId: account.teamId },
  attendees: { some: { email: account.email } },
});

export async function getCustomerAccount(auth: AuthContext, accountUuid: string, now = new Date()): Promise<CustomerAccountRecord & { upcomingBookings: UpcomingBooking[] }> {
  const account = await readableAccount(auth, accountUuid);
  const prisma = await getPrisma();
  const bookings = await prisma.booking.findMany({
    where: { ...bookingsOfAccount(account), endTime: { gt: now }, status: { in: ["ACCEPTED", "PENDING"] } },
    orderBy: [{ startTime: "asc" }, { id: "asc" }],
    take: UPCOMING_BOOKINGS_LIMIT,
    select: { uid: true, status: true, startTime: true, endTime: true, calendar: { select: { uuid: true, name: true } } },
  });
  return {
    uuid: account.uuid,
    workspaceUuid: account.team.uuid,
    firstName: account.firstName,
    lastName: account.lastName,
    email: account.email,
    createdAt: account.createdAt,
    upcomingBookings: bookings.map(({ calendar, ...booking }) => ({ ...booking, resource: calendar! })),
  };
}

export async function getBookingPreview(auth: AuthContext, accountUuid: string, bookingUid: string): Promise<BookingPreview> {
  const account = await readableAccount(auth, accountUuid);
  const prisma = await getPrisma();
  const booking = await prisma.booking.findFirst({
    where: { uid: bookingUid, ...bookingsOfAccount(account) },
    select: {
      uid: true,
      status: true,
      startTime: true,
      endTime: true,
      location: true,
      calendar: { select: { uuid: true, name: true } },
      eventType: { select: { title: true, price: true, currency: true } },
      attendees: { select: { email: true }, orderBy: { id: "asc" } },
    },
  });
  if (!booking || !booking.calendar) throw notFound("Booking");
  const emails = [...new Set(booking.attendees.map((attendee) => attendee.email.toLowerCase()))];
  const accounts = await prisma.customerAccount.findMany({
    where: { teamId: account.teamId, email: { in: emails } },
    select: { uuid: true, firstName: true, lastName: true, email: true },
  });
  const customers = emails.flatMap((email) => accounts.filter((a) => a.email === email)).map(({ email: _email, ...customer }) => customer);
  const title = booking.eventType?.title ?? null;
  const price = booking.eventType && booking.eventType.price > 0 ? booking.eventType.price : null;
  return {
    uid: booking.uid,
    status: booking.status,
    startTime: booking.startTime,
    endTime: booking.endTime,
    resource: booking.calendar,
    eventTypeTitle: title,
    location: booking.location,
    customers,
    displayLabel: bookingLabel(customers, title),
    price,
    currency: price !== null ? booking.eventType!.currency : null,
  };
}
