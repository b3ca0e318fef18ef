import { getPrisma } from "@slotbase/prisma";
import { parseRangeBound, type Interval } from "@slotbase/scheduling";
import type { AuthContext } from "../auth/auth-context";
import { accessOf } from "../access/access";
import { calendarViewOf, type CalendarView } from "../access/calendar-view-rules";
import { invalidField, notFound } from "../errors/domain-errors";
import { loadCustomers, loadOccupants, loadScheduleRules } from "./calendar-events-data";
import { viewTag } from "./event-identity";
import { MAX_CAPACITY_WITH_BOOKING_EVENTS, resourceEvents, type CalendarEvent, type CalendarEventType } from "./resource-events";
import { loadResourceTrees, occupancyScopeOf, subtreeOf, type ResourceTrees, type TreeCalendar } from "./resource-tree";

/**
 * The calendar-events view (seed 001): for each resource (a workspace calendar) its periods,
 * what is left of them, its bookings (or booking counts above capacity 25), holds and
 * blockers, over one range. Prepared in two steps so that polling is cheap: prepare() reads
 * only the calendars (one query) and yields the view's ETag; load() reads the rest.
 */
export interface CalendarEventsQuery {
  resourceIds: string[];
  startDate?: string;
  endDate?: string;
  timeZone?: string;
  excludeChildResources: boolean;
}

export interface CalendarEventsView {
  events: CalendarEvent[];
  resourcesWithSchedule: string[];
}

export interface PreparedCalendarEvents {
  /** Changes whenever the view would (calendar revisions, live holds, the caller's view of each resource, the range). */
  etag: string;
  /** Whether shared caches may keep it: only anonymous views are public. */
  audience: "public" | "private";
  load(): Promise<CalendarEventsView>;
}

export const DEFAULT_RANGE_DAYS = 7;
export const MAX_RANGE_DAYS = 62;
const DAY = 86_400_000;
const MINUTE = 60_000;
/** Bumped when the view's shape or rules change, so old ETags stop matching. */
const VIEW_VERSION = 1;

const TYPE_ORDER: Record<CalendarEventType, number> = { period: 0, period_fragment: 1, booking_count: 2, booking: 3, reserved_booking: 4, blocker: 5 };

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function byStartResourceType(a: CalendarEvent, b: CalendarEvent): number {
  return a.start - b.start || compareText(a.resourceId, b.resourceId) || TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || a.end - b.end || compareText(a.id, b.id);
}

/** The range asked for: bounds read in `zone` when they carry no offset; `start_date` defaults to the current minute. */
function rangeOf(query: CalendarEventsQuery, zone: string, now: number): Interval {
  const start = query.startDate !== undefined ? parseRangeBound(query.startDate, zone, "start") : Math.floor(now / MINUTE) * MINUTE;
  if (start === null) throw invalidField("start_date", "invalid_date", "Not an ISO 8601 date or date-time");
  const end = query.endDate !== undefined ? parseRangeBound(query.endDate, zone, "end") : start + DEFAULT_RANGE_DAYS * DAY;
  if (end === null) throw invalidField("end_date", "invalid_date", "Not an ISO 8601 date or date-time");
  if (end <= start) throw invalidField("end_date", "after_start", "Must be after start_date");
  if (end - start > MAX_RANGE_DAYS * DAY) throw invalidField("end_date", "range_too_long", `Must be at most ${MAX_RANGE_DAYS} days after start_date`);
  return { start, end };
}

function roughRange(query: CalendarEventsQuery, now: number): Interval {
  try {
    return rangeOf(query, query.timeZone ?? "UTC", now);
  } catch {
    return { start: now - DAY, end: now + (MAX_RANGE_DAYS + 1) * DAY };
  }
}

interface ShownResource {
  calendar: TreeCalendar;
  view: CalendarView;
}

/** The requested resources (404 unless the caller may see each) and, unless excluded, the children the caller may see. */
function shownResources(trees: ResourceTrees, query: CalendarEventsQuery, viewOf: (calendar: TreeCalendar) => CalendarView | null): ShownResource[] {
  const shown = new Map<number, ShownResource>();
  const requested = query.resourceIds.map((uuid) => {
    const calendar = trees.byUuid.get(uuid.toLowerCase());
    const view = calendar ? viewOf(calendar) : null;
    if (!calendar || !view) throw notFound("Resource", { field: "resource_id", rule: "not_found", message: `No resource ${uuid} you may see` });
    shown.set(calendar.id, { calendar, view });
    return calendar;
  });
  if (!query.excludeChildResources) {
    for (const calendar of requested) {
      for (const child of subtreeOf(trees, calendar.id)) {
        const view = viewOf(child);
        if (view && !shown.has(child.id)) shown.set(child.id, { calendar: child, view });
      }
    }
  }
  return [...shown.values()];
}

export async function prepareCalendarEvents(auth: AuthContext | null, query: CalendarEventsQuery, now = Date.now()): Promise<PreparedCalendarEvents> {
  const prisma = await getPrisma();
  // Holds are counted over a window wide enough for any zone the bounds may be read in;
  // the range itself is checked once the resources' zone is known.
  const roughly = roughRange(query, now);
  const [access, trees] = await Promise.all([
    auth ? accessOf(auth) : null,
    loadResourceTrees(prisma, query.resourceIds, { start: roughly.start - DAY, end: roughly.end + DAY }, now),
  ]);
  const resources = shownResources(trees, query, (calendar) => calendarViewOf(access, calendar));
  const first = trees.byUuid.get(query.resourceIds[0]!.toLowerCase())!;
  const range = rangeOf(query, query.timeZone ?? first.timeZone, now);
  const etag = viewTag([
    VIEW_VERSION,
    range,
    query.timeZone ?? null,
    resources.map(({ calendar, view }) => [calendar.id, view]),
    [...trees.calendars.values()].map((calendar) => [calendar.id, calendar.revision]),
    trees.liveHolds,
  ]);
  return {
    etag,
    audience: auth ? "private" : "public",
    load: () => loadView(trees, resources, range, query.timeZone, now),
  };
}

async function loadView(trees: ResourceTrees, resources: ShownResource[], range: Interval, timeZone: string | undefined, now: number): Promise<CalendarEventsView> {
  const prisma = await getPrisma();
  const scopes = new Map(resources.map(({ calendar }) => [calendar.id, occupancyScopeOf(trees, calendar)]));
  const scopeIds = [...new Set([...scopes.values()].flatMap((scope) => scope.calendarIds))];
  const [rules, occupants] = await Promise.all([
    loadScheduleRules(prisma, resources.map(({ calendar }) => calendar.id)),
    loadOccupants(prisma, scopeIds, range, now),
  ]);
  const withCustomers = new Set(
    resources.filter(({ calendar, view }) => view === "detailed" && calendar.capacity <= MAX_CAPACITY_WITH_BOOKING_EVENTS).map(({ calendar }) => calendar.id),
  );
  const customers = await loadCustomers(
    prisma,
    occupants.filter((o) => o.kind === "booking" && withCustomers.has(o.calendarId)).map((o) => o.bookingId),
  );
  const byCalendar = new Map<number, typeof occupants>();
  for (const occupant of occupants) {
    const list = byCalendar.get(occupant.calendarId);
    if (list) list.push(occupant);
    else byCalendar.set(occupant.calendarId, [occupant]);
  }
  const events = resources.flatMap(({ calendar, view }) => {
    const scope = scopes.get(calendar.id)!;
    return resourceEvents({
      calendar,
      view,
      rules: rules.get(calendar.id) ?? [],
      occupants: scope.calendarIds.flatMap((id) => byCalendar.get(id) ?? []),
      exclusive: scope.exclusive,
      customers,
      range,
      dayZone: timeZone ?? calendar.timeZone,
    });
  });
  return {
    events: events.sort(byStartResourceType),
    resourcesWithSchedule: resources.filter(({ calendar }) => calendar.hasSchedules).map(({ calendar }) => calendar.uuid),
  };
}
