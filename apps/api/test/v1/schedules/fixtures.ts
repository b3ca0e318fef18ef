import { getPrisma } from "@slotbase/prisma";
import type { Caller } from "../../support/fixtures";

/** Test data for schedules, availabilities and blockers, written straight to the database. */

const time = (hhmm: string) => new Date(`1970-01-01T${hhmm}:00Z`);

export async function createSchedule(owner: Caller, data: { name?: string; timeZone?: string } = {}) {
  const prisma = await getPrisma();
  return prisma.schedule.create({
    data: {
      userId: owner.user.id,
      name: data.name ?? "Working hours",
      timeZone: data.timeZone ?? "Europe/Berlin",
      availability: { create: [{ userId: owner.user.id, days: [1, 2, 3, 4, 5], startTime: time("09:00"), endTime: time("17:00") }] },
    },
    include: { availability: true },
  });
}

/** A schedule and one weekly rule of it; returns the rule. */
export async function createRule(owner: Caller) {
  const schedule = await createSchedule(owner);
  return schedule.availability[0]!;
}

export async function createBlockerRow(owner: Caller, data: { startTime?: string; endTime?: string; title?: string } = {}) {
  const prisma = await getPrisma();
  return prisma.blocker.create({
    data: {
      userId: owner.user.id,
      title: data.title ?? "Dentist",
      startTime: new Date(data.startTime ?? "2027-03-01T10:00:00Z"),
      endTime: new Date(data.endTime ?? "2027-03-01T11:00:00Z"),
    },
  });
}
