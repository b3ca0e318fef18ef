import type { BookingStatus } from "../generated/client/enums";
import { createTestDatabase, type TestDatabase } from "../testing";

// The hand-written migration 20261121000100_booking_overlap_guards: exclusion constraints on
// Booking (per host and per calendar) and CHECKs. Each test uses its own host/calendar.

let db: TestDatabase;
let team: { id: number };
beforeAll(async () => {
  db = await createTestDatabase();
  team = await db.prisma.team.create({ data: { name: "Overlap team" } });
});
afterAll(() => db.close());

const at = (hhmm: string) => new Date(`2027-01-04T${hhmm}:00Z`);
let counter = 0;

interface BookingOptions {
  userId?: number;
  calendarId?: number;
  status?: BookingStatus;
  exclusive?: boolean;
  calendarExclusive?: boolean;
}

function book(start: string, end: string, options: BookingOptions) {
  return db.prisma.booking.create({
    data: { uid: `overlap-${++counter}`, title: "x", startTime: at(start), endTime: at(end), ...options },
  });
}

const newHost = async () => (await db.prisma.user.create({ data: { email: `host${++counter}@example.com` } })).id;
const newCalendar = async (capacity = 1) =>
  (await db.prisma.calendar.create({ data: { teamId: team.id, name: `Room ${++counter}`, capacity } })).id;

/** Prisma's P2039 carrying PostgreSQL's exclusion violation (23P01) and the constraint's name. */
function exclusionViolation(constraint: string) {
  return expect.objectContaining({
    code: "P2039",
    meta: expect.objectContaining({
      driverAdapterError: expect.objectContaining({
        cause: expect.objectContaining({ originalCode: "23P01", originalMessage: expect.stringContaining(constraint) }),
      }),
    }),
  });
}

describe("one host's accepted bookings", () => {
  it("cannot overlap (SQLSTATE 23P01 surfaced as P2039)", async () => {
    const userId = await newHost();
    await book("10:00", "11:00", { userId });
    await expect(book("10:30", "11:30", { userId })).rejects.toEqual(exclusionViolation("Booking_no_host_overlap"));
    await expect(book("09:00", "12:00", { userId })).rejects.toEqual(exclusionViolation("Booking_no_host_overlap"));
  });

  it("may be back-to-back (ranges are half-open)", async () => {
    const userId = await newHost();
    await book("10:00", "11:00", { userId });
    await expect(book("11:00", "12:00", { userId })).resolves.toBeDefined();
    await expect(book("09:00", "10:00", { userId })).resolves.toBeDefined();
  });

  it("ignore cancelled, rejected and pending bookings", async () => {
    const userId = await newHost();
    await book("10:00", "11:00", { userId });
    for (const status of ["CANCELLED", "REJECTED", "PENDING"] as const) {
      await expect(book("10:00", "11:00", { userId, status })).resolves.toBeDefined();
    }
  });

  it("cannot be made to overlap by re-accepting a cancelled booking", async () => {
    const userId = await newHost();
    await book("10:00", "11:00", { userId });
    const cancelled = await book("10:30", "11:30", { userId, status: "CANCELLED" });
    await expect(
      db.prisma.booking.update({ where: { id: cancelled.id }, data: { status: "ACCEPTED" } }),
    ).rejects.toEqual(exclusionViolation("Booking_no_host_overlap"));
  });

  it("do not block other hosts", async () => {
    await book("10:00", "11:00", { userId: await newHost() });
    await expect(book("10:00", "11:00", { userId: await newHost() })).resolves.toBeDefined();
  });
});

describe("one calendar's accepted bookings", () => {
  it("cannot overlap when the calendar holds one at a time (calendarExclusive), whoever hosts them", async () => {
    const calendarId = await newCalendar();
    await book("10:00", "11:00", { calendarId, userId: await newHost(), calendarExclusive: true });
    await expect(book("10:30", "11:30", { calendarId, userId: await newHost(), calendarExclusive: true })).rejects.toEqual(
      exclusionViolation("Booking_no_calendar_overlap"),
    );
    await expect(book("10:30", "11:30", { calendarId, exclusive: false, calendarExclusive: true })).rejects.toEqual(
      exclusionViolation("Booking_no_calendar_overlap"),
    );
  });

  it("may overlap when the calendar takes several (capacity > 1: counted under its lock instead)", async () => {
    const calendarId = await newCalendar(3);
    await book("10:00", "11:00", { calendarId, exclusive: false });
    await expect(book("10:00", "11:00", { calendarId, exclusive: false })).resolves.toBeDefined();
    await expect(book("10:30", "11:30", { calendarId, exclusive: false })).resolves.toBeDefined();
  });

  it("a booking without a host's time (exclusive false) does not block its organizer", async () => {
    const userId = await newHost();
    await book("10:00", "11:00", { calendarId: await newCalendar(), userId, exclusive: false, calendarExclusive: true });
    await expect(book("10:00", "11:00", { calendarId: await newCalendar(), userId, exclusive: false, calendarExclusive: true })).resolves.toBeDefined();
  });
});

describe("CHECK constraints", () => {
  it("refuse a booking that ends before it starts", async () => {
    await expect(book("11:00", "10:00", { userId: await newHost() })).rejects.toBeDefined();
    await expect(book("11:00", "11:00", { userId: await newHost() })).rejects.toBeDefined();
  });

  it("refuse a calendar with capacity below 1", async () => {
    await expect(newCalendar(0)).rejects.toBeDefined();
  });
});
