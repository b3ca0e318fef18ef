import { randomBytes } from "node:crypto";
import { getPrisma, type SelectedCalendarModel } from "@slotbase/prisma";
import type { Caller } from "../../support/fixtures";

/** A selected calendar written straight to the database. */
export async function selectedCalendar(owner: Caller | number, data: { integration?: string; externalId?: string } = {}): Promise<SelectedCalendarModel> {
  const prisma = await getPrisma();
  const userId = typeof owner === "number" ? owner : owner.user.id;
  return prisma.selectedCalendar.create({ data: { integration: "google_calendar", externalId: `cal-${randomBytes(4).toString("hex")}@example.com`, ...data, userId } });
}

/** Its Cal.com id, `<userId>_<integration>_<externalId>`. */
export const idOf = (row: { userId: number; integration: string; externalId: string }) => `${row.userId}_${row.integration}_${row.externalId}`;

export const selectedRows = async (userId: number) =>
  (await getPrisma()).selectedCalendar.findMany({ where: { userId }, orderBy: [{ integration: "asc" }, { externalId: "asc" }] });
