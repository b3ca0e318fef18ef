import { Prisma } from "@slotbase/prisma";
import type { Db } from "../slots/bookable-event";

/**
 * The calendars a calendar-events view is computed from, read in one query whatever the number
 * of resources: the whole trees (parents and children) around the requested calendars, since
 * a child is shown with its parent and a calendar of capacity 1 shares its one place with
 * every calendar inside it (as slots/calendar-resource.ts books them).
 */
export interface TreeCalendar {
  id: number;
  uuid: string;
  teamId: number;
  parentId: number | null;
  name: string;
  color: string | null;
  capacity: number;
  timeZone: string;
  isPublic: boolean;
  revision: number;
  hasSchedules: boolean;
}

export interface ResourceTrees {
  calendars: Map<number, TreeCalendar>;
  /** The requested calendars by uuid (absent: no such calendar). */
  byUuid: Map<string, TreeCalendar>;
  /** Each calendar's children, by parent id. */
  children: Map<number, TreeCalendar[]>;
  /** Unexpired holds on any of these calendars overlapping the range: expiry changes the view without a write. */
  liveHolds: number;
}

const MAX_DEPTH = 32;

type TreeRow = TreeCalendar & { liveHolds: number | bigint };

export async function loadResourceTrees(db: Db, uuids: string[], range: { start: number; end: number }, now: number): Promise<ResourceTrees> {
  const rows = await db.$queryRaw<TreeRow[]>(Prisma.sql`
    WITH RECURSIVE up AS (
      SELECT id, "parentId", 0 AS depth FROM "Calendar" WHERE uuid = ANY(${uuids}::uuid[])
      UNION ALL
      SELECT c.id, c."parentId", up.depth + 1 FROM "Calendar" c JOIN up ON c.id = up."parentId" WHERE up.depth < ${MAX_DEPTH}
    ),
    down AS (
      SELECT id, 0 AS depth FROM up WHERE "parentId" IS NULL OR depth = ${MAX_DEPTH}
      UNION ALL
      SELECT c.id, down.depth + 1 FROM "Calendar" c JOIN down ON c."parentId" = down.id WHERE down.depth < ${MAX_DEPTH * 2}
    ),
    tree AS (SELECT id FROM up UNION SELECT id FROM down)
    SELECT c.id, c.uuid::text AS uuid, c."teamId", c."parentId", c.name, c.color, c.capacity, c."timeZone", c."isPublic", c.revision,
      EXISTS (SELECT 1 FROM "CalendarSchedule" s WHERE s."calendarId" = c.id) AS "hasSchedules",
      (SELECT count(*) FROM "SlotReservation" r
        WHERE r."calendarId" IN (SELECT id FROM tree) AND r."releaseAt" > ${new Date(now)}
          AND r."slotUtcEndDate" > ${new Date(range.start)} AND r."slotUtcStartDate" < ${new Date(range.end)}) AS "liveHolds"
    FROM "Calendar" c WHERE c.id IN (SELECT id FROM tree)
    ORDER BY c.id`);
  const calendars = new Map<number, TreeCalendar>();
  const byUuid = new Map<string, TreeCalendar>();
  const wanted = new Set(uuids.map((uuid) => uuid.toLowerCase()));
  const children = new Map<number, TreeCalendar[]>();
  let liveHolds = 0;
  for (const { liveHolds: holds, ...calendar } of rows) {
    liveHolds = Number(holds);
    calendars.set(calendar.id, calendar);
    if (wanted.has(calendar.uuid)) byUuid.set(calendar.uuid, calendar);
    if (calendar.parentId !== null) {
      const siblings = children.get(calendar.parentId);
      if (siblings) siblings.push(calendar);
      else children.set(calendar.parentId, [calendar]);
    }
  }
  return { calendars, byUuid, children, liveHolds };
}

/** The calendar and its ancestors, nearest first. */
function chainOf(trees: ResourceTrees, calendar: TreeCalendar): TreeCalendar[] {
  const chain = [calendar];
  for (let parent = calendar.parentId; parent !== null && chain.length <= MAX_DEPTH; ) {
    const next = trees.calendars.get(parent);
    if (!next || chain.includes(next)) break;
    chain.push(next);
    parent = next.parentId;
  }
  return chain;
}

/** The calendar and every calendar inside it. */
export function subtreeOf(trees: ResourceTrees, rootId: number): TreeCalendar[] {
  const { children } = trees;
  const root = trees.calendars.get(rootId);
  const result: TreeCalendar[] = [];
  const seen = new Set<number>();
  const visit = (calendar: TreeCalendar | undefined, depth: number) => {
    if (!calendar || seen.has(calendar.id) || depth > MAX_DEPTH * 2) return;
    seen.add(calendar.id);
    result.push(calendar);
    for (const child of children.get(calendar.id) ?? []) visit(child, depth + 1);
  };
  visit(root, 0);
  return result;
}

/**
 * What occupies a calendar, as slots/calendar-resource.ts counts it: inside the highest
 * enclosing calendar of capacity 1, everything in that calendar's subtree fills it;
 * otherwise only its own bookings and holds, one unit each (a blocker always fills it).
 */
export function occupancyScopeOf(trees: ResourceTrees, calendar: TreeCalendar): { calendarIds: number[]; exclusive: boolean } {
  const exclusiveRoot = [...chainOf(trees, calendar)].reverse().find((c) => c.capacity === 1);
  if (!exclusiveRoot) return { calendarIds: [calendar.id], exclusive: false };
  return { calendarIds: subtreeOf(trees, exclusiveRoot.id).map((c) => c.id), exclusive: true };
}
