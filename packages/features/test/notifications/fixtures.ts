// Test support: users and bookings created directly with prisma.
import type { PrismaClient } from "@slotbase/prisma";

let counter = 0;

export async function createHost(prisma: PrismaClient, overrides: { name?: string; email?: string; timeZone?: string; timeFormat?: number } = {}) {
  counter += 1;
  return prisma.user.create({
    data: {
      name: overrides.name ?? `Host ${counter}`,
      email: overrides.email ?? `host${counter}-${process.pid}@example.com`,
      timeZone: overrides.timeZone ?? "Europe/Berlin",
      timeFormat: overrides.timeFormat ?? 24,
    },
  });
}

export interface BookingFixture {
  hostId: number | null;
  start: string;
  minutes?: number;
  title?: string;
  status?: "ACCEPTED" | "PENDING" | "CANCELLED" | "REJECTED";
  iCalUID?: string | null;
  iCalSequence?: number;
  location?: string;
  cancellationReason?: string;
  rejectionReason?: string;
  fromReschedule?: string;
  eventTypeId?: number;
  attendees?: { name: string; email: string; timeZone: string }[];
}

export const DEFAULT_ATTENDEES = [
  { name: "Ada Lovelace", email: "ada@example.com", timeZone: "America/New_York" },
  { name: "Alan Turing", email: "alan@example.org", timeZone: "Asia/Tokyo" },
];

export async function createBooking(prisma: PrismaClient, fixture: BookingFixture) {
  counter += 1;
  const start = new Date(fixture.start);
  const uid = `booking-${counter}-${process.pid}`;
  return prisma.booking.create({
    data: {
      uid,
      userId: fixture.hostId,
      eventTypeId: fixture.eventTypeId,
      title: fixture.title ?? "Intro call",
      startTime: start,
      endTime: new Date(start.getTime() + (fixture.minutes ?? 30) * 60_000),
      location: fixture.location ?? "https://meet.example.com/intro",
      status: fixture.status ?? "ACCEPTED",
      iCalUID: fixture.iCalUID === undefined ? `${uid}@slotbase` : fixture.iCalUID,
      iCalSequence: fixture.iCalSequence ?? 0,
      cancellationReason: fixture.cancellationReason,
      rejectionReason: fixture.rejectionReason,
      fromReschedule: fixture.fromReschedule,
      attendees: { create: fixture.attendees ?? DEFAULT_ATTENDEES },
    },
    include: { attendees: true },
  });
}
