import { randomBytes } from "node:crypto";
import { getPrisma } from "@slotbase/prisma";
import { api } from "../../support/api";
import { useTestDatabase } from "../../support/database";
import { createCaller, type Caller } from "../../support/fixtures";
import { addCalendar, addSchedule, CALENDAR, expectWorkspaceError, ofCalendar, ownedWorkspace, workspaceSnapshot } from "../../support/workspaces";

useTestDatabase();

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

/** A booking of `calendarId` hosted by `host`, written directly; times are computed from now. */
async function calendarBooking(host: Caller, calendarId: number, startMs: number, status: "ACCEPTED" | "PENDING" | "CANCELLED" = "ACCEPTED", attendees = 1) {
  const prisma = await getPrisma();
  return prisma.booking.create({
    data: {
      uid: randomBytes(8).toString("hex"),
      title: "Room booking",
      startTime: new Date(startMs),
      endTime: new Date(startMs + HOUR),
      calendarId,
      status,
      userId: host.user.id,
      attendees: {
        create: Array.from({ length: attendees }, (_, i) => ({ email: `guest${i}-${randomBytes(3).toString("hex")}@example.com`, name: `Guest ${i}`, timeZone: "UTC" })),
      },
    },
  });
}

describe("workspace calendars — delete", () => {
  // Whole hours from now, so no two bookings of one host overlap and every "upcoming" one is ahead whenever this runs.
  const nextHour = Math.ceil(Date.now() / HOUR) * HOUR;

  it("deletes a calendar without bookings, with its schedules", async () => {
    const { owner, team } = await ownedWorkspace();
    const calendar = await addCalendar(team);
    const kept = await addCalendar(team);
    await addSchedule(calendar.id);
    await addSchedule(calendar.id, { recurrence: "daily", daysOfWeek: [] });
    const result = await api(`DELETE ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, calendar) });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ deleted: true, id: calendar.id });
    expectWorkspaceError(await api(`GET ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, calendar) }), 404, "not_found");
    const prisma = await getPrisma();
    expect(await prisma.calendar.findUnique({ where: { id: calendar.id } })).toBeNull();
    expect(await prisma.calendarSchedule.count({ where: { calendarId: calendar.id } })).toBe(0);
    expect((await workspaceSnapshot(team)).map((c) => c.id)).toEqual([kept.id]);
    // Deleting it again: it is gone.
    expectWorkspaceError(await api(`DELETE ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, calendar) }), 404, "not_found");
  });

  it("force=true on a calendar without bookings simply deletes it", async () => {
    const { owner, team } = await ownedWorkspace();
    const calendar = await addCalendar(team);
    const result = await api(`DELETE ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, calendar), query: { force: "true" } });
    expect(result.body).toEqual({ deleted: true, id: calendar.id });
  });

  it("refuses (409, naming how many) a calendar with upcoming accepted or pending bookings; force=true cancels them, queues the emails and deletes", async () => {
    const { owner, team } = await ownedWorkspace();
    const calendar = await addCalendar(team);
    const prisma = await getPrisma();
    const accepted = await calendarBooking(owner, calendar.id, nextHour + 2 * DAY, "ACCEPTED", 2);
    const pending = await calendarBooking(owner, calendar.id, nextHour + 3 * DAY, "PENDING");
    const later = await calendarBooking(owner, calendar.id, nextHour + 30 * DAY, "ACCEPTED");
    const alreadyCancelled = await calendarBooking(owner, calendar.id, nextHour + 4 * DAY, "CANCELLED");
    const past = await calendarBooking(owner, calendar.id, nextHour - 3 * DAY, "ACCEPTED");
    const otherCalendar = await addCalendar(team);
    const elsewhere = await calendarBooking(owner, otherCalendar.id, nextHour + 5 * DAY, "ACCEPTED");
    const notificationsBefore = await prisma.notification.count();

    const refused = await api(`DELETE ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, calendar) });
    const error = expectWorkspaceError(refused, 409, "conflict");
    expect(error.message).toMatch(/\b3 upcoming bookings\b/);
    expect(error.message).toMatch(/force=true/);
    expect(error.details).toEqual([expect.objectContaining({ field: "query.force", rule: "upcoming_bookings", message: expect.stringContaining("3") })]);
    expect(await prisma.calendar.findUnique({ where: { id: calendar.id } })).not.toBeNull();
    for (const booking of [accepted, pending, later, alreadyCancelled, past]) {
      expect(await prisma.booking.findUniqueOrThrow({ where: { id: booking.id } })).toEqual(booking);
    }
    expect(await prisma.notification.count()).toBe(notificationsBefore);

    // force=false is the same as no force.
    expect((await api(`DELETE ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, calendar), query: { force: "false" } })).status).toBe(409);

    const forced = await api(`DELETE ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, calendar), query: { force: "true" } });
    expect(forced.status).toBe(200);
    expect(forced.body).toEqual({ deleted: true, id: calendar.id });
    expect(await prisma.calendar.findUnique({ where: { id: calendar.id } })).toBeNull();

    for (const booking of [accepted, pending, later]) {
      const row = await prisma.booking.findUniqueOrThrow({ where: { id: booking.id } });
      expect(row).toMatchObject({ status: "CANCELLED", cancellationReason: "The calendar was deleted.", cancelledBy: owner.user.email.toLowerCase(), calendarId: null });
      expect(row.iCalSequence).toBe(booking.iCalSequence + 1);
    }
    // Untouched: the past booking, the one already cancelled, another calendar's.
    expect(await prisma.booking.findUniqueOrThrow({ where: { id: past.id } })).toMatchObject({ status: "ACCEPTED", cancellationReason: null, calendarId: null });
    expect(await prisma.booking.findUniqueOrThrow({ where: { id: alreadyCancelled.id } })).toMatchObject({ status: "CANCELLED", cancellationReason: null });
    expect(await prisma.booking.findUniqueOrThrow({ where: { id: elsewhere.id } })).toEqual(elsewhere);

    // One cancellation email per recipient (the host and each attendee) of each cancelled booking, queued.
    const queued = await prisma.notification.findMany({ where: { bookingId: { in: [accepted.id, pending.id, later.id] } } });
    const attendees = await prisma.attendee.findMany({ where: { bookingId: { in: [accepted.id, pending.id, later.id] } } });
    expect(queued).toHaveLength(3 + attendees.length);
    for (const notification of queued) expect(notification).toMatchObject({ template: "booking.cancelled", status: "PENDING", channel: "email" });
    expect(queued.filter((n) => n.bookingId === accepted.id).map((n) => n.recipient).sort()).toEqual(
      [owner.user.email, ...attendees.filter((a) => a.bookingId === accepted.id).map((a) => a.email)].sort(),
    );
    expect(await prisma.notification.count({ where: { bookingId: { in: [past.id, alreadyCancelled.id, elsewhere.id] } } })).toBe(0);
  });

  it("counts one upcoming booking in the singular", async () => {
    const { owner, team } = await ownedWorkspace();
    const calendar = await addCalendar(team);
    await calendarBooking(owner, calendar.id, nextHour + 40 * DAY);
    const refused = await api(`DELETE ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, calendar) });
    expect(expectWorkspaceError(refused, 409, "conflict").message).toMatch(/\b1 upcoming booking\b/);
  });

  it("past bookings (and cancelled or declined ones) do not block deleting", async () => {
    const { owner, team } = await ownedWorkspace();
    const calendar = await addCalendar(team);
    const prisma = await getPrisma();
    const past = await calendarBooking(owner, calendar.id, nextHour - 10 * DAY);
    const cancelled = await calendarBooking(owner, calendar.id, nextHour + 10 * DAY, "CANCELLED");
    const rejected = await prisma.booking.update({ where: { id: (await calendarBooking(owner, calendar.id, nextHour + 11 * DAY)).id }, data: { status: "REJECTED" } });
    const result = await api(`DELETE ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, calendar) });
    expect(result.status).toBe(200);
    expect(await prisma.booking.findUniqueOrThrow({ where: { id: past.id } })).toMatchObject({ status: "ACCEPTED", calendarId: null });
    expect(await prisma.booking.findUniqueOrThrow({ where: { id: cancelled.id } })).toMatchObject({ status: "CANCELLED", calendarId: null });
    expect(await prisma.booking.findUniqueOrThrow({ where: { id: rejected.id } })).toMatchObject({ status: "REJECTED", calendarId: null });
    expect(await prisma.notification.count({ where: { bookingId: { in: [past.id, cancelled.id, rejected.id] } } })).toBe(0);
  });

  it("deleting a parent deletes its children and grandchildren with their schedules, and nothing else", async () => {
    const { owner, team } = await ownedWorkspace();
    const building = await addCalendar(team, { name: "Building" });
    const floor = await addCalendar(team, { name: "Floor", parentId: building.id });
    const room = await addCalendar(team, { name: "Room", parentId: floor.id });
    const sibling = await addCalendar(team, { name: "Annex" });
    const siblingChild = await addCalendar(team, { name: "Annex room", parentId: sibling.id });
    await addSchedule(floor.id);
    await addSchedule(room.id);
    const siblingSchedule = await addSchedule(siblingChild.id);
    const result = await api(`DELETE ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, building) });
    expect(result.body).toEqual({ deleted: true, id: building.id });
    const prisma = await getPrisma();
    expect((await workspaceSnapshot(team)).map((c) => c.id)).toEqual([sibling.id, siblingChild.id]);
    expect(await prisma.calendarSchedule.count({ where: { calendarId: { in: [floor.id, room.id] } } })).toBe(0);
    expect(await prisma.calendarSchedule.findUnique({ where: { id: siblingSchedule.id } })).toEqual(siblingSchedule);
  });

  it("deleting a child leaves its parent", async () => {
    const { owner, team } = await ownedWorkspace();
    const parent = await addCalendar(team);
    const child = await addCalendar(team, { parentId: parent.id });
    expect((await api(`DELETE ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, child) })).status).toBe(200);
    expect((await workspaceSnapshot(team)).map((c) => c.id)).toEqual([parent.id]);
  });

  it("counts its children's (and grandchildren's) upcoming bookings too, and force cancels them all", async () => {
    const { owner, team } = await ownedWorkspace();
    const building = await addCalendar(team);
    const floor = await addCalendar(team, { parentId: building.id });
    const room = await addCalendar(team, { parentId: floor.id });
    const prisma = await getPrisma();
    const own = await calendarBooking(owner, building.id, nextHour + 50 * DAY);
    const ofFloor = await calendarBooking(owner, floor.id, nextHour + 51 * DAY, "PENDING");
    const ofRoom = await calendarBooking(owner, room.id, nextHour + 52 * DAY);
    const refused = await api(`DELETE ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, building) });
    expect(expectWorkspaceError(refused, 409, "conflict").message).toMatch(/\b3 upcoming bookings\b/);
    expect(await workspaceSnapshot(team)).toHaveLength(3);

    // Deleting only the room counts only the room's.
    const roomRefused = await api(`DELETE ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, room) });
    expect(expectWorkspaceError(roomRefused, 409, "conflict").message).toMatch(/\b1 upcoming booking\b/);

    const forced = await api(`DELETE ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, building), query: { force: "true" } });
    expect(forced.status).toBe(200);
    expect(await workspaceSnapshot(team)).toEqual([]);
    for (const booking of [own, ofFloor, ofRoom]) {
      expect(await prisma.booking.findUniqueOrThrow({ where: { id: booking.id } })).toMatchObject({ status: "CANCELLED", cancellationReason: "The calendar was deleted." });
      expect(await prisma.notification.count({ where: { bookingId: booking.id, template: "booking.cancelled" } })).toBe(2);
    }
  });

  it("a booking under way (started, not ended) still counts as upcoming", async () => {
    const { owner, team } = await ownedWorkspace();
    const calendar = await addCalendar(team);
    const prisma = await getPrisma();
    const now = Date.now();
    const running = await prisma.booking.create({
      data: {
        uid: randomBytes(8).toString("hex"),
        title: "Running",
        startTime: new Date(now - 10 * 60_000),
        endTime: new Date(now + 50 * 60_000 + 100 * DAY),
        calendarId: calendar.id,
        status: "ACCEPTED",
        userId: (await createCaller()).user.id,
        attendees: { create: [{ email: "running@example.com", name: "Runner", timeZone: "UTC" }] },
      },
    });
    expect((await api(`DELETE ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, calendar) })).status).toBe(409);
    expect(await prisma.booking.findUniqueOrThrow({ where: { id: running.id } })).toEqual(running);
  });
});
