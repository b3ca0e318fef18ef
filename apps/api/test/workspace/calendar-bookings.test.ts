import { getPrisma } from "@slotbase/prisma";
import { api } from "../support/api";
import { useTestDatabase } from "../support/database";
import { createCaller, type Caller } from "../support/fixtures";
import { createSchedule } from "../support/scheduling";
import { createTeam } from "../support/teams";
import { addDays, berlin, BERLIN, nextMonday } from "../support/dates";

useTestDatabase();

/**
 * A workspace calendar booked through a team event type: hostless (the calendar alone) or
 * with hosts, within the calendar's schedules and capacity, one engine for slots, holds and
 * bookings. Races run on separate connections on PostgreSQL (TEST_DATABASE_URL) in CI.
 */
const MON = nextMonday();
const TUE = addDays(MON, 1);
const person = (i: number) => ({ name: `Guest ${i}`, email: `guest${i}@example.com`, timeZone: "UTC" });

interface Room {
  owner: Caller;
  teamId: number;
  workspace: string;
  calendarId: number;
  eventTypeId: number;
}

async function room(options: { capacity?: number; hosts?: Caller[]; parentId?: number; owner?: Caller; teamId?: number; workspace?: string } = {}): Promise<Room> {
  const owner = options.owner ?? (await createCaller());
  const team = options.teamId ? { id: options.teamId, uuid: options.workspace! } : await createTeam(owner, (options.hosts ?? []).map((caller) => ({ caller })));
  const created = await api("POST /api/v2/w/{workspace_uuid}/calendars", {
    key: owner.key,
    params: { workspace_uuid: team.uuid },
    body: { name: `Room ${Math.random().toString(36).slice(2, 8)}`, timeZone: BERLIN, capacity: options.capacity ?? 1, ...(options.parentId ? { parentId: options.parentId } : {}) },
  });
  expect(created.status).toBe(201);
  const eventType = await api("POST /v1/event-types", {
    key: owner.key,
    body: {
      title: "Room booking",
      slug: `room-${created.body.id}`,
      length: 60,
      teamId: team.id,
      schedulingType: "ROUND_ROBIN",
      minimumBookingNotice: 0,
      calendarId: created.body.id,
      ...(options.hosts ? { hosts: options.hosts.map((h) => ({ userId: h.user.id })) } : {}),
    },
  });
  expect(eventType.status).toBe(201);
  return { owner, teamId: team.id, workspace: team.uuid, calendarId: created.body.id, eventTypeId: eventType.body.event_type.id };
}

async function addSchedule(r: Room, body: Record<string, unknown>) {
  const result = await api("POST /api/v2/w/{workspace_uuid}/calendars/{calendar_id}/schedules", {
    key: r.owner.key,
    params: { workspace_uuid: r.workspace, calendar_id: r.calendarId },
    body: { startDate: MON, ...body },
  });
  expect(result.status).toBe(201);
}

const slotsOn = async (r: Room, caller: Caller, date: string) => {
  const result = await api("GET /v2/slots", { key: caller.key, query: { eventTypeId: String(r.eventTypeId), start: date, end: date, timeZone: BERLIN, format: "range" } });
  expect(result.status).toBe(200);
  return (result.body.data[date] ?? []) as { start: string; capacityBooked?: number; capacityRemaining?: number; capacityTotal?: number }[];
};

const book = (r: Room, caller: Caller, start: string, i = 0) =>
  api("POST /v2/bookings", { key: caller.key, body: { eventTypeId: r.eventTypeId, start, attendee: person(i) } });

describe("booking a calendar without hosts", () => {
  it("offers the calendar's hours minus its lunch break, with the capacity left, and refuses the booking after the last place", async () => {
    const r = await room({ capacity: 2 });
    await addSchedule(r, { name: "Weekdays", recurrence: "weekly", daysOfWeek: [1, 2, 3, 4, 5], startTime: "09:00", endTime: "17:00" });
    await addSchedule(r, { name: "Lunch", availabilityType: "unavailable", recurrence: "daily", startTime: "12:00", endTime: "13:00" });
    const booker = await createCaller();
    const slots = await slotsOn(r, booker, MON);
    expect(slots.map((s) => s.start.slice(11, 16))).toEqual(["09:00", "10:00", "11:00", "13:00", "14:00", "15:00", "16:00"]);
    expect(slots[0]).toMatchObject({ capacityBooked: 0, capacityRemaining: 2, capacityTotal: 2 });

    const first = await book(r, booker, berlin(MON, "09:00"), 1);
    expect(first.status).toBe(201);
    expect((await slotsOn(r, booker, MON))[0]).toMatchObject({ capacityBooked: 1, capacityRemaining: 1 });
    expect((await book(r, booker, berlin(MON, "09:00"), 2)).status).toBe(201);
    expect((await slotsOn(r, booker, MON)).map((s) => s.start)).not.toContainEqual(expect.stringContaining("T09:00:00"));
    const third = await book(r, booker, berlin(MON, "09:00"), 3);
    expect(third.status).toBe(409);
    expect(third.body.error.message).toMatch(/GET \/v2\/slots/);
    expect((await book(r, booker, berlin(MON, "12:00"), 4)).status).toBe(409);

    const prisma = await getPrisma();
    const rows = await prisma.booking.findMany({ where: { calendarId: r.calendarId } });
    expect(rows).toHaveLength(2);
    // The booker organizes a resource booked alone, without their own time being taken.
    expect(rows.every((b) => b.userId === booker.user.id && b.bookedById === booker.user.id && !b.exclusive && !b.calendarExclusive)).toBe(true);
  });

  it("a new calendar is open: every hour of the day is offered (v1 and v2, with the capacity left)", async () => {
    const r = await room({ capacity: 4 });
    const caller = await createCaller();
    const slots = await slotsOn(r, caller, TUE);
    expect(slots).toHaveLength(24);
    expect(slots[0]!.start).toContain("T00:00:00");
    const v1 = await api("GET /v1/slots", { key: caller.key, query: { eventTypeId: String(r.eventTypeId), startTime: TUE, endTime: TUE, timeZone: BERLIN } });
    expect(v1.status).toBe(200);
    expect(v1.body.slots[TUE]).toHaveLength(24);
    expect(v1.body.slots[TUE][0]).toMatchObject({ capacityRemaining: 4, capacityTotal: 4 });
  });

  it("a blocker on the calendar fills it, whatever its capacity; a hold takes one place", async () => {
    const r = await room({ capacity: 2 });
    const booker = await createCaller();
    const blocked = await api("POST /v1/blockers", { key: r.owner.key, body: { calendarId: r.calendarId, startTime: berlin(TUE, "10:00"), endTime: berlin(TUE, "12:00"), title: "Cleaning" } });
    expect(blocked.status).toBe(201);
    expect(blocked.body.blocker).toMatchObject({ calendarId: r.calendarId, userId: null });
    const starts = (await slotsOn(r, booker, TUE)).map((s) => s.start);
    expect(starts).not.toContainEqual(expect.stringContaining("T10:00:00"));
    expect(starts).not.toContainEqual(expect.stringContaining("T11:00:00"));

    const hold = await api("POST /v2/slots/reservations", { key: booker.key, body: { eventTypeId: r.eventTypeId, slotStart: berlin(TUE, "14:00") } });
    expect(hold.status).toBe(201);
    const other = await createCaller();
    expect((await slotsOn(r, other, TUE)).find((s) => s.start.includes("T14:00:00"))).toMatchObject({ capacityBooked: 1, capacityRemaining: 1 });
    expect((await book(r, other, berlin(TUE, "14:00"), 1)).status).toBe(201);
    expect((await book(r, other, berlin(TUE, "14:00"), 2)).status).toBe(409);
    // The holder books through their own hold.
    const mine = await api("POST /v2/bookings", { key: booker.key, body: { eventTypeId: r.eventTypeId, start: berlin(TUE, "14:00"), attendee: person(3), reservationUid: hold.body.data.reservationUid } });
    expect(mine.status).toBe(201);
  });

  it("capacity is the most bookings at any instant, not a count of overlaps", async () => {
    const r = await room({ capacity: 2 });
    const prisma = await getPrisma();
    await prisma.eventType.update({ where: { id: r.eventTypeId }, data: { length: 30, metadata: { multipleDuration: [30, 60] } } });
    const booker = await createCaller();
    expect((await api("POST /v2/bookings", { key: booker.key, body: { eventTypeId: r.eventTypeId, start: berlin(TUE, "10:00"), attendee: person(1) } })).status).toBe(201);
    expect((await api("POST /v2/bookings", { key: booker.key, body: { eventTypeId: r.eventTypeId, start: berlin(TUE, "10:30"), attendee: person(2) } })).status).toBe(201);
    // 10:00–11:00 overlaps both, but never both at once: the peak is 1.
    const long = await api("POST /v2/bookings", { key: booker.key, body: { eventTypeId: r.eventTypeId, start: berlin(TUE, "10:00"), lengthInMinutes: 60, attendee: person(3) } });
    expect(long.status).toBe(201);
    expect((await api("POST /v2/bookings", { key: booker.key, body: { eventTypeId: r.eventTypeId, start: berlin(TUE, "10:30"), attendee: person(4) } })).status).toBe(409);
  });
});

describe("booking a calendar with hosts", () => {
  it("needs a free host and free capacity: the calendar's hours meet the hosts'", async () => {
    const owner = await createCaller();
    const host = await createCaller();
    await createSchedule(host.user.id, BERLIN); // Mon–Fri 09:00–17:00
    const r = await room({ owner, hosts: [host] });
    await addSchedule(r, { name: "Mornings", recurrence: "daily", startTime: "06:00", endTime: "12:00" });
    const booker = await createCaller();
    const starts = (await slotsOn(r, booker, MON)).map((s) => s.start.slice(11, 16));
    expect(starts).toEqual(["09:00", "10:00", "11:00"]);
    const made = await book(r, booker, berlin(MON, "09:00"));
    expect(made.status).toBe(201);
    const prisma = await getPrisma();
    const row = await prisma.booking.findFirstOrThrow({ where: { uid: made.body.data.uid } });
    expect(row).toMatchObject({ userId: host.user.id, calendarId: r.calendarId, exclusive: true, calendarExclusive: true });
  });
});

describe("calendars inside calendars", () => {
  it("a booking of a room occupies the building around it when the building takes one booking at a time, and the other way round", async () => {
    const building = await room({ capacity: 1 });
    const inner = await room({ capacity: 1, parentId: building.calendarId, owner: building.owner, teamId: building.teamId, workspace: building.workspace });
    const booker = await createCaller();
    expect((await book(inner, booker, berlin(TUE, "10:00"))).status).toBe(201);
    expect((await slotsOn(building, booker, TUE)).map((s) => s.start)).not.toContainEqual(expect.stringContaining("T10:00:00"));
    expect((await book(building, booker, berlin(TUE, "10:00"))).status).toBe(409);
    expect((await book(building, booker, berlin(TUE, "12:00"))).status).toBe(201);
    expect((await book(inner, booker, berlin(TUE, "12:00"))).status).toBe(409);
  });

  it("a building that takes several bookings is not occupied by its rooms", async () => {
    const hall = await room({ capacity: 3 });
    const corner = await room({ capacity: 1, parentId: hall.calendarId, owner: hall.owner, teamId: hall.teamId, workspace: hall.workspace });
    const booker = await createCaller();
    expect((await book(corner, booker, berlin(TUE, "10:00"))).status).toBe(201);
    expect((await slotsOn(hall, booker, TUE)).find((s) => s.start.includes("T10:00:00"))).toMatchObject({ capacityBooked: 0, capacityRemaining: 3 });
  });
});

describe("capacity under concurrency", () => {
  it("capacity 3, 20 bookers of one slot at once: exactly 3 × 201 and 17 × 409", async () => {
    const r = await room({ capacity: 3 });
    const booker = await createCaller();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => book(r, booker, berlin(TUE, "09:00"), i)));
    expect(results.filter((x) => x.status === 201)).toHaveLength(3);
    expect(results.filter((x) => x.status === 409)).toHaveLength(17);
    const prisma = await getPrisma();
    expect(await prisma.booking.count({ where: { calendarId: r.calendarId, status: "ACCEPTED" } })).toBe(3);
  });

  it("capacity 1, 50 bookers of one slot at once: exactly one", async () => {
    const r = await room({ capacity: 1 });
    const booker = await createCaller();
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => book(r, booker, berlin(TUE, "11:00"), i)));
    expect(results.filter((x) => x.status === 201)).toHaveLength(1);
    expect(results.filter((x) => x.status === 409)).toHaveLength(49);
  });
});

describe("event types that book a calendar", () => {
  it("take a calendar of their own team only, and only as team event types", async () => {
    const r = await room();
    const other = await room();
    const wrongTeam = await api("PATCH /v1/event-types/{id}", { key: r.owner.key, params: { id: r.eventTypeId }, body: { calendarId: other.calendarId } });
    expect(wrongTeam.status).toBe(400);
    expect(wrongTeam.body.details).toEqual([expect.objectContaining({ field: "body.calendarId", rule: "reference" })]);
    const personal = await api("POST /v1/event-types", { key: r.owner.key, body: { title: "Mine", slug: "mine", length: 30, calendarId: r.calendarId } });
    expect(personal.status).toBe(400);
    expect(personal.body.details).toEqual([expect.objectContaining({ field: "body.calendarId", rule: "team_only" })]);
  });
});
