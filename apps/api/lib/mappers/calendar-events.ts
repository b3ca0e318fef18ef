import type { BookingPreview, CalendarEvent, CalendarEventsView, CustomerAccountRecord, UpcomingBooking } from "@slotbase/features";
import type { z } from "zod";
import type { BookingPreviewResponse, CalendarEventsResponse, CustomerAccountResponse } from "../schemas/calendar-events";

/** UTC, to the second, with Z (`2027-04-15T10:00:00Z`), as seed 001 shows times. */
const utc = (instant: number | Date) => `${new Date(instant).toISOString().slice(0, 19)}Z`;

const status = (value: string) => value.toLowerCase() as "accepted" | "pending" | "cancelled" | "rejected";

const customer = (c: { id?: string; uuid?: string; firstName: string; lastName: string }) => ({ id: (c.id ?? c.uuid)!, first_name: c.firstName, last_name: c.lastName });

type WireEvent = z.input<typeof CalendarEventsResponse>["data"]["events"][number];

/** Optional fields are added one by one, not spread: a month view maps thousands of events. */
function toWireEvent(event: CalendarEvent, time: (instant: number) => string): WireEvent {
  const wire: WireEvent = {
    id: event.id,
    type: event.type,
    start_date: time(event.start),
    end_date: time(event.end),
    resource_id: event.resourceId,
    resource_name: event.resourceName,
    quota: event.quota,
    occupancy: event.occupancy,
    is_available: event.isAvailable,
    is_blocker: event.isBlocker,
  };
  if (event.displayLabel !== undefined) wire.display_label = event.displayLabel;
  if (event.customers) wire.customers = event.customers.map(customer);
  if (event.bookings) wire.bookings = event.bookings.map((b) => ({ id: b.id, status: status(b.status) as "accepted" | "pending" }));
  if (event.colorMap) wire.color_map = event.colorMap;
  if (event.bookingCount !== undefined) wire.booking_count = event.bookingCount;
  return wire;
}

export function toCalendarEventsResponse(view: CalendarEventsView): z.input<typeof CalendarEventsResponse> {
  // Events share their bounds (a fragment ends where a booking starts): format each instant once.
  const formatted = new Map<number, string>();
  const time = (instant: number) => {
    let text = formatted.get(instant);
    if (text === undefined) formatted.set(instant, (text = utc(instant)));
    return text;
  };
  return { data: { events: view.events.map((event) => toWireEvent(event, time)), resources_with_schedule: view.resourcesWithSchedule } };
}

const toUpcoming = (booking: UpcomingBooking) => ({
  id: booking.uid,
  status: status(booking.status),
  start_date: utc(booking.startTime),
  end_date: utc(booking.endTime),
  resource: { id: booking.resource.uuid, name: booking.resource.name },
});

export function toCustomerAccountResponse(account: CustomerAccountRecord & { upcomingBookings: UpcomingBooking[] }): z.input<typeof CustomerAccountResponse> {
  return {
    data: {
      id: account.uuid,
      workspace_id: account.workspaceUuid,
      first_name: account.firstName,
      last_name: account.lastName,
      email: account.email,
      created_at: utc(account.createdAt),
      upcoming_bookings: account.upcomingBookings.map(toUpcoming),
    },
  };
}

export function toBookingPreviewResponse(preview: BookingPreview): z.input<typeof BookingPreviewResponse> {
  return {
    data: {
      id: preview.uid,
      status: status(preview.status),
      start_date: utc(preview.startTime),
      end_date: utc(preview.endTime),
      resource: { id: preview.resource.uuid, name: preview.resource.name },
      event_type_title: preview.eventTypeTitle,
      location: preview.location,
      customers: preview.customers.map(customer),
      display_label: preview.displayLabel,
      price: preview.price,
      currency: preview.currency,
    },
  };
}
