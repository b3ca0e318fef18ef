// Seeds the lists benchmark's data in plain SQL (generate_series, deterministic): a booking
// table that grows while what each viewer may see stays the same.
//
// - viewers (created with Prisma, each with an API key): a host with a personal event type; an
//   attendee user whose confirmed email is an attendee's; a booker whose key made bookings; an
//   event-type owner whose event type others host; a team ADMIN of a team with a team event
//   type (the team also has an OWNER, a bystander); a system admin (role ADMIN);
// - 500 other hosts, each with a personal event type: every booking the viewers may not see;
// - bookings of 30 minutes with one attendee each, on a grid of 8,800 three-hour slots from
//   about 2.5 years ago to half a year ahead, visited in a scattered order (a host's j-th
//   booking in slot (j × 379 + the host's offset) mod 8,800), so no two bookings of one host
//   overlap: 90% accepted, 5% pending, 5% cancelled.
//
// At the small size (N bookings): the host's own 52% of N (so offset page 50 of 100 exists for
// them), then "general" rows hosted by the other hosts, of which one in 16 each has the
// attendee's email, was made by the booker, is of the owner's event type, is of the team's
// event type. `grow` adds general rows for the other hosts only: every viewer but the admin
// sees exactly the same bookings at both sizes; only the rows around them grow.
import type { Client } from "pg";
import { createApiKey } from "@slotbase/features/api-keys/create-api-key";
import type { Database } from "@slotbase/prisma";

export const OTHER_HOSTS = 500;
const SLOTS = 8_800;
const SLOT_STEP = 379; // coprime with SLOTS: j × 379 mod 8,800 visits every slot once
const HOST_SHARE = 0.52;
/** One general row in CATEGORY_EVERY belongs to each viewer category. */
const CATEGORY_EVERY = 16;
const DAY_MS = 86_400_000;

export const VIEWERS = ["host", "attendee", "booker", "eventTypeOwner", "teamAdmin", "systemAdmin"] as const;
export type Viewer = (typeof VIEWERS)[number];
export const VIEWER_LABEL: Record<Viewer, string> = {
  host: "host",
  attendee: "attendee (confirmed email)",
  booker: "booker",
  eventTypeOwner: "event-type owner",
  teamAdmin: "team ADMIN",
  systemAdmin: "system admin",
};

export interface SeededViewer {
  userId: number;
  apiKey: string;
  apiKeyId: string;
  role: "USER" | "ADMIN";
}

export interface ListsBenchData {
  viewers: Record<Viewer, SeededViewer>;
  attendeeEmail: string;
  hostEventTypeId: number;
  ownerEventTypeId: number;
  teamEventTypeId: number;
  teamId: number;
  /** Bookings of the host viewer (fixed at the small size). */
  hostRows: number;
  /** General rows that may carry a viewer category (the small size's). */
  categorizedRows: number;
  /** General rows so far. */
  generalRows: number;
  /** The first slot (ms since the epoch). */
  gridStart: number;
  seedMs: number;
}

/** The slots start on a UTC midnight about 2.5 years ago, so the grid ends about half a year ahead. */
export function gridStart(now: number = Date.now()): number {
  return Math.floor(now / DAY_MS) * DAY_MS - 913 * DAY_MS;
}

async function viewerUser(prisma: Database, handle: string, extra: { role?: "USER" | "ADMIN"; emailVerified?: Date } = {}) {
  const user = await prisma.user.create({ data: { email: `${handle}@lists.bench.example.com`, username: handle, name: handle, timeZone: "UTC", ...extra } });
  const { apiKey, key } = await createApiKey(prisma, { userId: user.id, note: "bench:lists" });
  return { user, viewer: { userId: user.id, apiKey: key, apiKeyId: apiKey.id, role: extra.role ?? "USER" } as SeededViewer };
}

/**
 * General rows `from`..`to` (1-based): host h = g mod 500, slot (g div 500 × 379 + h × 97) mod 8,800, category by g mod 16
 * while g ≤ categorized. One attendee each.
 */
async function insertGeneral(pg: Client, data: Omit<ListsBenchData, "seedMs" | "generalRows">, from: number, to: number, firstOtherHostId: number, firstOtherEventTypeId: number) {
  if (to < from) return;
  const params = [
    from,
    to,
    OTHER_HOSTS,
    SLOTS,
    SLOT_STEP,
    new Date(data.gridStart).toISOString(),
    data.categorizedRows,
    CATEGORY_EVERY,
    data.viewers.booker.userId,
    data.ownerEventTypeId,
    data.teamEventTypeId,
    firstOtherHostId,
    firstOtherEventTypeId,
  ];
  await pg.query(
    `INSERT INTO "Booking" ("uid", "userId", "bookedById", "eventTypeId", "title", "startTime", "endTime", "status", "createdAt", "updatedAt")
     SELECT 'lists-g-' || g, $12::int + (g % $3::int), CASE WHEN cat = 1 THEN $9::int END,
            CASE cat WHEN 2 THEN $10::int WHEN 3 THEN $11::int ELSE $13::int + (g % $3::int) END,
            'Bench list booking ' || g, st, st + interval '30 minutes',
            (CASE WHEN g % 20 = 7 THEN 'PENDING' WHEN g % 20 = 13 THEN 'CANCELLED' ELSE 'ACCEPTED' END)::"BookingStatus",
            st - interval '7 days', st - interval '7 days'
     FROM (SELECT g, CASE WHEN g <= $7::int THEN g % $8::int ELSE -1 END AS cat,
                  $6::timestamp + (((g / $3::int) * $5::int + (g % $3::int) * 97) % $4::int) * interval '3 hours' AS st
           FROM generate_series($1::int, $2::int) AS g) AS s`,
    params,
  );
  await pg.query(
    `INSERT INTO "Attendee" ("email", "name", "timeZone", "bookingId")
     SELECT CASE WHEN g <= $3::int AND g % $4::int = 0 THEN $5::text ELSE 'guest-' || g || '@lists.bench.example.com' END, 'Guest ' || g, 'Europe/Berlin', b.id
     FROM generate_series($1::int, $2::int) AS g JOIN "Booking" b ON b."uid" = 'lists-g-' || g`,
    [from, to, data.categorizedRows, CATEGORY_EVERY, data.attendeeEmail],
  );
}

interface OtherIds {
  firstOtherHostId: number;
  firstOtherEventTypeId: number;
}

/** Seeds an empty, migrated database at the small size. */
export async function seedListsBench(prisma: Database, pg: Client, smallSize: number, now: number = Date.now()): Promise<ListsBenchData & OtherIds> {
  const started = Date.now();
  const host = await viewerUser(prisma, "lists-host");
  const attendee = await viewerUser(prisma, "lists-attendee", { emailVerified: new Date(now) });
  const booker = await viewerUser(prisma, "lists-booker");
  const owner = await viewerUser(prisma, "lists-owner");
  const teamAdmin = await viewerUser(prisma, "lists-team-admin");
  const systemAdmin = await viewerUser(prisma, "lists-admin", { role: "ADMIN" });
  const teamOwner = await prisma.user.create({ data: { email: "lists-team-owner@lists.bench.example.com", username: "lists-team-owner", timeZone: "UTC" } });
  const team = await prisma.team.create({ data: { name: "Lists bench team", slug: "lists-bench-team" } });
  await prisma.membership.createMany({
    data: [
      { userId: teamOwner.id, teamId: team.id, role: "OWNER", accepted: true },
      { userId: teamAdmin.user.id, teamId: team.id, role: "ADMIN", accepted: true },
    ],
  });
  const eventType = (title: string, slug: string, owner: { userId?: number; teamId?: number }) =>
    prisma.eventType.create({ data: { title, slug, length: 30, minimumBookingNotice: 0, ...owner } });
  const hostEventType = await eventType("Host 30 min", "host-30", { userId: host.user.id });
  const ownerEventType = await eventType("Owner 30 min", "owner-30", { userId: owner.user.id });
  const teamEventType = await eventType("Team 30 min", "team-30", { teamId: team.id });

  const others = await pg.query<{ id: number }>(
    `INSERT INTO "User" ("email", "username", "name", "timeZone", "updatedAt")
     SELECT 'lists-other-' || i || '@lists.bench.example.com', 'lists-other-' || i, 'Other host ' || i, 'UTC', now()
     FROM generate_series(0, $1::int - 1) AS i ORDER BY i RETURNING id`,
    [OTHER_HOSTS],
  );
  const otherIds = others.rows.map((r) => r.id);
  const firstOtherHostId = otherIds[0]!;
  if (otherIds.at(-1) !== firstOtherHostId + OTHER_HOSTS - 1) throw new Error("the other hosts' ids are not consecutive");
  const ets = await pg.query<{ id: number }>(
    `INSERT INTO "EventType" ("title", "slug", "length", "minimumBookingNotice", "userId", "updatedAt")
     SELECT 'Other 30 min', 'other-30', 30, 0, $1::int + i, now() FROM generate_series(0, $2::int - 1) AS i ORDER BY i RETURNING id`,
    [firstOtherHostId, OTHER_HOSTS],
  );
  const firstOtherEventTypeId = ets.rows[0]!.id;
  if (ets.rows.at(-1)!.id !== firstOtherEventTypeId + OTHER_HOSTS - 1) throw new Error("the other event types' ids are not consecutive");

  const hostRows = Math.round(smallSize * HOST_SHARE);
  const generalRows = smallSize - hostRows;
  const data = {
    viewers: { host: host.viewer, attendee: attendee.viewer, booker: booker.viewer, eventTypeOwner: owner.viewer, teamAdmin: teamAdmin.viewer, systemAdmin: systemAdmin.viewer },
    attendeeEmail: attendee.user.email,
    hostEventTypeId: hostEventType.id,
    ownerEventTypeId: ownerEventType.id,
    teamEventTypeId: teamEventType.id,
    teamId: team.id,
    hostRows,
    categorizedRows: generalRows,
    gridStart: gridStart(now),
  };
  if (hostRows > SLOTS) throw new Error(`the host has ${hostRows} bookings, more than the ${SLOTS} slots`);
  // The host viewer's own bookings: their slots j = 0 … hostRows − 1.
  await pg.query(
    `INSERT INTO "Booking" ("uid", "userId", "eventTypeId", "title", "startTime", "endTime", "status", "createdAt", "updatedAt")
     SELECT 'lists-h-' || j, $1::int, $2::int, 'Host booking ' || j, st, st + interval '30 minutes',
            (CASE WHEN j % 20 = 7 THEN 'PENDING' WHEN j % 20 = 13 THEN 'CANCELLED' ELSE 'ACCEPTED' END)::"BookingStatus",
            st - interval '7 days', st - interval '7 days'
     FROM (SELECT j, $3::timestamp + ((j * $4::int) % $5::int) * interval '3 hours' AS st FROM generate_series(0, $6::int - 1) AS j) AS s`,
    [host.user.id, hostEventType.id, new Date(data.gridStart).toISOString(), SLOT_STEP, SLOTS, hostRows],
  );
  await pg.query(
    `INSERT INTO "Attendee" ("email", "name", "timeZone", "bookingId")
     SELECT 'host-guest-' || b.id || '@lists.bench.example.com', 'Host guest', 'Europe/Berlin', b.id FROM "Booking" b WHERE b."uid" LIKE 'lists-h-%'`,
  );
  await insertGeneral(pg, data, 1, generalRows, firstOtherHostId, firstOtherEventTypeId);
  return { ...data, generalRows, firstOtherHostId, firstOtherEventTypeId, seedMs: Date.now() - started };
}

/** Grows the table to `size` bookings with rows no viewer but the admin sees. */
export async function growListsBench(pg: Client, data: ListsBenchData & OtherIds, size: number): Promise<ListsBenchData & OtherIds> {
  const started = Date.now();
  const target = size - data.hostRows;
  if ((target - 1) / OTHER_HOSTS >= SLOTS) throw new Error(`${size} bookings do not fit ${OTHER_HOSTS} hosts × ${SLOTS} slots`);
  // Chunks keep each statement's memory (and its WAL) bounded.
  for (let from = data.generalRows + 1; from <= target; from += 200_000) {
    await insertGeneral(pg, data, from, Math.min(target, from + 199_999), data.firstOtherHostId, data.firstOtherEventTypeId);
  }
  return { ...data, generalRows: target, seedMs: Date.now() - started };
}

/** Bookings each viewer may see, as the seed made them (checked against the database and the API's totals). */
export function expectedVisible(data: ListsBenchData, size: number): Record<Viewer, number> {
  const categorized = (cat: number) => Math.floor((data.categorizedRows - cat) / CATEGORY_EVERY) + (cat === 0 ? 0 : 1);
  return {
    host: data.hostRows,
    attendee: categorized(0),
    booker: categorized(1),
    eventTypeOwner: categorized(2),
    teamAdmin: categorized(3),
    systemAdmin: size,
  };
}
