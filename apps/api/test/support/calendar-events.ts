import { randomBytes } from "node:crypto";
import { getPrisma, type BookingStatus } from "@slotbase/prisma";
import type { ApiCall, ApiResult } from "./api";
import { api } from "./api";

export const CALENDAR_EVENTS = "GET /api/v1/calendar-events";
export const CUSTOMER_ACCOUNT = "GET /api/v1/customer-accounts/{account_id}";
export const BOOKING_PREVIEW = "GET /api/v1/customer-accounts/{account_id}/booking-preview/{booking_id}";

const unique = () => randomBytes(5).toString("hex");

/** GET /api/v1/calendar-events with these query parameters. */
export const calendarEvents = (query: Record<string, string | string[]>, call: Omit<ApiCall, "query"> = {}): Promise<ApiResult> =>
  api(CALENDAR_EVENTS, { ...call, query });

/** A booking of a calendar, written directly (the database creates the attendees' customer accounts). */
export async function bookCalendar(
  calendarId: number,
  start: string,
  end: string,
  options: { attendees?: { name: string; email: string }[]; status?: BookingStatus; eventTypeId?: number; location?: string } = {},
) {
  const prisma = await getPrisma();
  const attendees = options.attendees ?? [{ name: "Jane Doe", email: `jane-${unique()}@example.com` }];
  return prisma.booking.create({
    data: {
      uid: `bk_${unique()}`,
      title: "Room booking",
      calendarId,
      eventTypeId: options.eventTypeId,
      location: options.location,
      startTime: new Date(start),
      endTime: new Date(end),
      status: options.status ?? "ACCEPTED",
      exclusive: false,
      attendees: { create: attendees.map((a) => ({ ...a, timeZone: "UTC" })) },
    },
  });
}

export async function blockCalendar(calendarId: number, start: string, end: string, title = "Maintenance") {
  const prisma = await getPrisma();
  return prisma.blocker.create({ data: { calendarId, title, startTime: new Date(start), endTime: new Date(end) } });
}

/** A hold of a calendar through an event type attached to it (releaseAt: when it expires). */
export async function holdCalendar(calendarId: number, eventTypeId: number, start: string, end: string, releaseAt: Date) {
  const prisma = await getPrisma();
  return prisma.slotReservation.create({
    data: { uid: `hold_${unique()}`, calendarId, eventTypeId, slotUtcStartDate: new Date(start), slotUtcEndDate: new Date(end), releaseAt },
  });
}

export async function calendarEventType(teamId: number, calendarId: number, data: { title?: string; price?: number; currency?: string } = {}) {
  const prisma = await getPrisma();
  return prisma.eventType.create({ data: { title: data.title ?? "Room booking", slug: `room-${unique()}`, length: 60, teamId, calendarId, price: data.price ?? 0, currency: data.currency ?? "usd" } });
}

/** The events of one type, as [start, end] pairs. */
export const spans = (result: ApiResult, type: string) =>
  (result.body.data.events as { type: string; start_date: string; end_date: string }[]).filter((e) => e.type === type).map((e) => [e.start_date, e.end_date]);

export const eventsOf = (result: ApiResult, type: string) => (result.body.data.events as Record<string, any>[]).filter((e) => e.type === type); // eslint-disable-line @typescript-eslint/no-explicit-any

/** The first JSON:API error object of a response. */
export const firstError = (result: ApiResult) => result.body.errors?.[0];
