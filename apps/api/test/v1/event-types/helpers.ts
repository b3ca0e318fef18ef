import { randomBytes } from "node:crypto";
import { getPrisma } from "@slotbase/prisma";
import type { Caller } from "../../support/fixtures";

export const uniqueSlug = (prefix = "meeting") => `${prefix}-${randomBytes(4).toString("hex")}`;

/** Error detail fields of a response body. */
export const fields = (body: { details: { field?: string }[] }) => body.details.map((d) => d.field);

/** A schedule written directly (the schedules routes belong to another resource). */
export async function createSchedule(owner: Caller, name = "Working hours") {
  const prisma = await getPrisma();
  return prisma.schedule.create({ data: { userId: owner.user.id, name, timeZone: "Europe/Berlin" } });
}

/** A personal event type written directly, for tests about reading and changing it. */
export async function createPersonalType(owner: Caller, data: { slug?: string; title?: string; length?: number } = {}) {
  const prisma = await getPrisma();
  return prisma.eventType.create({
    data: { userId: owner.user.id, title: data.title ?? "30 min", slug: data.slug ?? uniqueSlug(), length: data.length ?? 30 },
  });
}

/** A team event type written directly, with the given hosts. */
export async function createTeamType(teamId: number, hostUserIds: number[] = [], data: { slug?: string } = {}) {
  const prisma = await getPrisma();
  return prisma.eventType.create({
    data: {
      teamId,
      title: "Team call",
      slug: data.slug ?? uniqueSlug("team"),
      length: 30,
      schedulingType: "ROUND_ROBIN",
      hosts: { create: hostUserIds.map((userId) => ({ userId })) },
    },
  });
}
