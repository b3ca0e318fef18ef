// An independent check of a GET /api/v1/calendar-events answer: the benchmark's own reading of
// the database rows (plain node-postgres, no service or engine code) and its own recomputation
// of what the view must show. Shares nothing with packages/features/calendar-events or
// packages/scheduling: local times are converted with Intl, occupancy is counted here.
//
// For each resource asked for (no resource here has children):
// - periods: the weekly schedules' occurrences (the only kind this benchmark seeds), local
//   wall-clock times in the resource's zone, clipped to the range;
// - period_fragment: inside a period; no blocker overlaps it; between any two changes of what
//   occupies the resource, the bookings (ACCEPTED, PENDING) and live holds running (1 unit each)
//   number occupancy × capacity, below the capacity; fragments do not overlap, adjacent ones
//   differ; what a period's fragments leave out is blocked or full; a capacity-1 resource's
//   fragments never overlap one of its booking events;
// - capacity ≤ 25: every booking in the range is one `booking` event with its times (clipped),
//   for members with its uid, status and customers (the attendees' customer accounts), for
//   anonymous callers without customers or booking ids; no booking_count;
// - capacity > 25: no `booking` events; `booking_count` events, each counting the bookings
//   running at its midpoint and throughout (between any two changes), together covering every
//   booked minute (Σ count × length = Σ booked time in the range);
// - every live hold in range is a `reserved_booking` (expired holds are not), every blocker a
//   `blocker`, each with its times clipped to the range;
// and over the whole answer: events belong to the resources asked for with their name and
// capacity, lie in the range, have unique ids and come sorted by start, then resource.
import type { Client } from "pg";

export interface ViewQuery {
  resourceUuids: readonly string[];
  range: { start: number; end: number };
  authenticated: boolean;
}

interface Span {
  start: number;
  end: number;
}

interface ScheduleRow {
  availabilityType: string;
  recurrence: string;
  startMinute: number;
  endMinute: number;
  daysOfWeek: number[];
  startDate: string;
  endDate: string | null;
}

interface CustomerTruth {
  id: string;
  first_name: string;
  last_name: string;
}

interface BookingTruth extends Span {
  uid: string;
  status: string;
  customers: CustomerTruth[];
}

interface HoldTruth extends Span {
  uid: string;
  releaseAt: number;
}

interface ResourceTruth {
  id: number;
  uuid: string;
  name: string;
  capacity: number;
  timeZone: string;
  schedules: ScheduleRow[];
  bookings: BookingTruth[];
  holds: HoldTruth[];
  blockers: (Span & { uid: string })[];
}

/** What the database holds for a view, read when the answer is checked. */
export interface ViewTruth {
  query: ViewQuery;
  resources: Map<string, ResourceTruth>;
}

interface WireEvent {
  id: string;
  type: string;
  start_date: string;
  end_date: string;
  resource_id: string;
  resource_name: string;
  quota: number;
  occupancy: number;
  is_available: boolean;
  is_blocker: boolean;
  display_label?: string;
  customers?: CustomerTruth[];
  bookings?: { id: string; status: string }[];
  color_map?: { bg: string; text: string };
  booking_count?: number;
}

interface Event extends WireEvent, Span {}

const EVENT_TYPES = new Set(["period", "period_fragment", "booking", "reserved_booking", "blocker", "booking_count"]);
const UTC_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const MAX_CAPACITY_WITH_BOOKINGS = 25;
const MINUTE = 60_000;
const DAY = 86_400_000;
const ms = (column: string) => `(extract(epoch FROM ${column}) * 1000)::float8`;

/** Reads the rows a view is drawn from: the resources, schedules, bookings with customers, holds (live or not) and blockers overlapping the range. */
export async function loadViewTruth(pg: Client, query: ViewQuery): Promise<ViewTruth> {
  const from = new Date(query.range.start).toISOString();
  const to = new Date(query.range.end).toISOString();
  const uuids = [...query.resourceUuids];
  const calendars = await pg.query<{ id: number; uuid: string; name: string; capacity: number; timeZone: string }>(
    `SELECT id, uuid::text, name, capacity, "timeZone" FROM "Calendar" WHERE uuid = ANY($1::uuid[])`,
    [uuids],
  );
  const ids = calendars.rows.map((c) => c.id);
  const schedules = await pg.query<ScheduleRow & { calendarId: number }>(
    `SELECT "calendarId", "availabilityType"::text AS "availabilityType", recurrence::text AS recurrence, "startMinute", "endMinute", "daysOfWeek",
       "startDate"::text AS "startDate", "endDate"::text AS "endDate"
     FROM "CalendarSchedule" WHERE "calendarId" = ANY($1::int[]) ORDER BY id`,
    [ids],
  );
  const bookings = await pg.query<{ id: number; calendarId: number; uid: string; status: string; start: number; end: number }>(
    `SELECT id, "calendarId", uid, lower(status::text) AS status, ${ms('"startTime"')} AS start, ${ms('"endTime"')} AS "end"
     FROM "Booking" WHERE "calendarId" = ANY($1::int[]) AND status IN ('ACCEPTED', 'PENDING') AND "endTime" > $2::timestamp AND "startTime" < $3::timestamp`,
    [ids, from, to],
  );
  const customers = await pg.query<CustomerTruth & { bookingId: number }>(
    `SELECT a."bookingId", ca.uuid::text AS id, ca."firstName" AS first_name, ca."lastName" AS last_name
     FROM "Attendee" a
     JOIN "Booking" b ON b.id = a."bookingId"
     JOIN "Calendar" c ON c.id = b."calendarId"
     JOIN "CustomerAccount" ca ON ca."teamId" = c."teamId" AND ca.email = lower(a.email)
     WHERE a."bookingId" = ANY($1::int[])
     ORDER BY a."bookingId", a.id`,
    [bookings.rows.map((b) => b.id)],
  );
  const holds = await pg.query<HoldTruth & { calendarId: number }>(
    `SELECT "calendarId", uid, ${ms('"slotUtcStartDate"')} AS start, ${ms('"slotUtcEndDate"')} AS "end", ${ms('"releaseAt"')} AS "releaseAt"
     FROM "SlotReservation" WHERE "calendarId" = ANY($1::int[]) AND "slotUtcEndDate" > $2::timestamp AND "slotUtcStartDate" < $3::timestamp`,
    [ids, from, to],
  );
  const blockers = await pg.query<Span & { uid: string; calendarId: number }>(
    `SELECT "calendarId", uid, ${ms('"startTime"')} AS start, ${ms('"endTime"')} AS "end"
     FROM "Blocker" WHERE "calendarId" = ANY($1::int[]) AND "endTime" > $2::timestamp AND "startTime" < $3::timestamp`,
    [ids, from, to],
  );
  const customersOf = new Map<number, CustomerTruth[]>();
  for (const { bookingId, ...customer } of customers.rows) customersOf.set(bookingId, [...(customersOf.get(bookingId) ?? []), customer]);
  const resources = new Map<string, ResourceTruth>();
  for (const c of calendars.rows) {
    resources.set(c.uuid, {
      ...c,
      schedules: schedules.rows.filter((s) => s.calendarId === c.id).map(({ calendarId: _, ...s }) => s),
      bookings: bookings.rows.filter((b) => b.calendarId === c.id).map((b) => ({ uid: b.uid, status: b.status, start: b.start, end: b.end, customers: customersOf.get(b.id) ?? [] })),
      holds: holds.rows.filter((h) => h.calendarId === c.id).map(({ calendarId: _, ...h }) => h),
      blockers: blockers.rows.filter((x) => x.calendarId === c.id).map(({ calendarId: _, ...x }) => x),
    });
  }
  return { query, resources };
}

// ---- Local wall-clock times, with Intl only ----

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at `instant` (ms, local minus UTC). */
function offsetMs(zone: string, instant: number): number {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    formatters.set(zone, format);
  }
  const part = Object.fromEntries(format.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(Number(part.year), Number(part.month) - 1, Number(part.day), Number(part.hour), Number(part.minute), Number(part.second));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant of `minute` minutes after local midnight of the date whose UTC midnight is `dateMs`, in `zone`. */
function localToUtc(zone: string, dateMs: number, minute: number): number {
  const local = dateMs + minute * MINUTE;
  const guess = local - offsetMs(zone, local);
  const corrected = local - offsetMs(zone, guess);
  return corrected;
}

const dateMsOf = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
const localDateMs = (zone: string, instant: number) => Math.floor((instant + offsetMs(zone, instant)) / DAY) * DAY;

/** The open periods of weekly `available` schedules over `range` (merged, clipped); null when a schedule is of another kind. */
export function expectedPeriods(schedules: readonly ScheduleRow[], zone: string, range: Span): Span[] | null {
  if (schedules.some((s) => s.availabilityType !== "available" || s.recurrence !== "weekly")) return null;
  const windows: Span[] = [];
  const last = localDateMs(zone, range.end) + DAY;
  for (let day = localDateMs(zone, range.start) - DAY; day <= last; day += DAY) {
    const weekday = new Date(day).getUTCDay();
    for (const s of schedules) {
      if (!s.daysOfWeek.includes(weekday) || day < dateMsOf(s.startDate) || (s.endDate !== null && day > dateMsOf(s.endDate))) continue;
      const start = localToUtc(zone, day, s.startMinute);
      const end = s.endMinute > s.startMinute ? localToUtc(zone, day, s.endMinute) : localToUtc(zone, day + DAY, s.endMinute);
      windows.push({ start: Math.max(start, range.start), end: Math.min(end, range.end) });
    }
  }
  const merged: Span[] = [];
  for (const w of windows.filter((w) => w.end > w.start).sort((a, b) => a.start - b.start)) {
    const prev = merged[merged.length - 1];
    if (prev && w.start <= prev.end) prev.end = Math.max(prev.end, w.end);
    else merged.push({ ...w });
  }
  return merged;
}

// ---- The check ----

const iso = (instant: number) => `${new Date(instant).toISOString().slice(0, 19)}Z`;
const span = (s: Span) => `${iso(s.start)}–${iso(s.end)}`;
const clip = (s: Span, range: Span): Span => ({ start: Math.max(s.start, range.start), end: Math.min(s.end, range.end) });
const overlaps = (a: Span, b: Span) => a.start < b.end && a.end > b.start;
const covers = (s: Span, t: number) => s.start <= t && t < s.end;
const key = (s: Span) => `${s.start}|${s.end}`;

function sameMultiset(expected: Span[], actual: Span[]): { missing: Span[]; extra: Span[] } {
  const left = new Map<string, number>();
  for (const s of expected) left.set(key(s), (left.get(key(s)) ?? 0) + 1);
  const extra: Span[] = [];
  for (const s of actual) {
    const n = left.get(key(s)) ?? 0;
    if (n > 0) left.set(key(s), n - 1);
    else extra.push(s);
  }
  const missing = expected.filter((s) => {
    const n = left.get(key(s)) ?? 0;
    if (n === 0) return false;
    left.set(key(s), n - 1);
    return true;
  });
  return { missing, extra };
}

/** The pieces of `s` between consecutive `boundaries` (sorted) that fall inside it. */
function pieces(s: Span, boundaries: readonly number[]): Span[] {
  const inside = boundaries.filter((t) => t > s.start && t < s.end);
  const cuts = [s.start, ...inside, s.end];
  return cuts.slice(1).map((end, i) => ({ start: cuts[i]!, end }));
}

/** `period` minus the (sorted, disjoint) `parts`. */
function gaps(period: Span, parts: readonly Span[]): Span[] {
  const out: Span[] = [];
  let cursor = period.start;
  for (const p of parts) {
    if (p.start > cursor) out.push({ start: cursor, end: p.start });
    cursor = Math.max(cursor, p.end);
  }
  if (cursor < period.end) out.push({ start: cursor, end: period.end });
  return out;
}

export interface CheckSummary {
  problems: string[];
  events: number;
  byType: Record<string, number>;
}

function parseEvents(body: unknown, problems: string[]): { events: Event[]; withSchedule: string[] } | null {
  const data = (body as { data?: { events?: unknown; resources_with_schedule?: unknown } } | null)?.data;
  if (!data || !Array.isArray(data.events) || !Array.isArray(data.resources_with_schedule)) {
    problems.push("not { data: { events: [], resources_with_schedule: [] } }");
    return null;
  }
  const events: Event[] = [];
  for (const raw of data.events as WireEvent[]) {
    const bad = (why: string) => problems.push(`malformed event (${why}): ${JSON.stringify(raw).slice(0, 300)}`);
    if (typeof raw !== "object" || raw === null) {
      bad("not an object");
      continue;
    }
    if (typeof raw.id !== "string" || raw.id === "") bad("id");
    else if (!EVENT_TYPES.has(raw.type)) bad("type");
    else if (!UTC_SECONDS.test(raw.start_date) || !UTC_SECONDS.test(raw.end_date)) bad("start_date/end_date not UTC with Z");
    else if (typeof raw.occupancy !== "number" || raw.occupancy < 0 || raw.occupancy > 1) bad("occupancy");
    else if (typeof raw.is_available !== "boolean" || typeof raw.is_blocker !== "boolean") bad("is_available/is_blocker");
    else {
      const start = Date.parse(raw.start_date);
      const end = Date.parse(raw.end_date);
      if (!(end > start)) bad("end not after start");
      else events.push({ ...raw, start, end });
    }
  }
  return { events, withSchedule: data.resources_with_schedule as string[] };
}

function checkResource(resource: ResourceTruth, events: Event[], query: ViewQuery, now: number, problems: string[]): void {
  const where = `${resource.name} (${resource.uuid}, capacity ${resource.capacity})`;
  const problem = (text: string) => problems.push(`${where}: ${text}`);
  const { range, authenticated } = query;
  const capacity = resource.capacity;
  const ofType = (type: string) => events.filter((e) => e.type === type).sort((a, b) => a.start - b.start || a.end - b.end);

  const bookings = resource.bookings.map((b) => ({ ...b, shown: clip(b, range) })).filter((b) => b.shown.end > b.shown.start);
  const liveHolds = resource.holds.filter((h) => h.releaseAt > now).map((h) => clip(h, range)).filter((s) => s.end > s.start);
  const blockers = resource.blockers.map((x) => clip(x, range)).filter((s) => s.end > s.start);
  const occupants: Span[] = [...bookings.map((b) => b.shown), ...liveHolds];
  const boundaries = [...new Set([...occupants, ...blockers].flatMap((s) => [s.start, s.end]))].sort((a, b) => a - b);
  const level = (t: number) => occupants.reduce((n, s) => n + (covers(s, t) ? 1 : 0), 0);
  const blocked = (t: number) => blockers.some((s) => covers(s, t));

  // Periods.
  const periods = expectedPeriods(resource.schedules, resource.timeZone, range);
  if (periods === null) {
    problem("has a schedule other than weekly opening hours: this check cannot recompute its periods");
    return;
  }
  const periodDiff = sameMultiset(periods, ofType("period"));
  if (periodDiff.missing.length > 0 || periodDiff.extra.length > 0) {
    problem(`periods differ: expected ${periods.length}, got ${ofType("period").length}; missing ${periodDiff.missing.slice(0, 3).map(span).join(", ") || "none"}; unexpected ${periodDiff.extra.slice(0, 3).map(span).join(", ") || "none"}`);
  }

  // Fragments.
  const fragments = ofType("period_fragment");
  const bookingEvents = ofType("booking");
  for (const [i, f] of fragments.entries()) {
    const used = f.occupancy * capacity;
    if (!periods.some((p) => p.start <= f.start && f.end <= p.end)) problem(`period_fragment ${span(f)} is not inside a period`);
    if (blockers.some((x) => overlaps(x, f))) problem(`period_fragment ${span(f)} overlaps a blocker`);
    if (capacity === 1) {
      const clash = bookingEvents.find((b) => overlaps(b, f));
      if (clash) problem(`period_fragment ${span(f)} overlaps the booking event ${span(clash)}`);
    }
    for (const piece of pieces(f, boundaries)) {
      const n = level((piece.start + piece.end) / 2);
      if (Math.abs(n - used) > 1e-9 || n >= capacity) {
        problem(`period_fragment ${span(f)}: occupancy ${f.occupancy} (${used} of ${capacity}), but ${n} bookings and live holds run in ${span(piece)}`);
        break;
      }
    }
    const next = fragments[i + 1];
    if (next && next.start < f.end) problem(`period_fragments ${span(f)} and ${span(next)} overlap`);
    if (next && next.start === f.end && next.occupancy === f.occupancy) problem(`period_fragments ${span(f)} and ${span(next)} touch with the same occupancy: not one stretch`);
  }
  for (const period of periods) {
    for (const gap of gaps(period, fragments.filter((f) => overlaps(f, period)))) {
      for (const piece of pieces(gap, boundaries)) {
        const mid = (piece.start + piece.end) / 2;
        if (!blocked(mid) && level(mid) < capacity) {
          problem(`no period_fragment for ${span(piece)} in the period ${span(period)}, where ${level(mid)} of ${capacity} units are in use and nothing blocks it`);
          break;
        }
      }
    }
  }

  // Bookings, or booking counts.
  const counts = ofType("booking_count");
  if (capacity <= MAX_CAPACITY_WITH_BOOKINGS) {
    if (counts.length > 0) problem(`${counts.length} booking_count events, but capacity ${capacity} ≤ ${MAX_CAPACITY_WITH_BOOKINGS} shows bookings one by one`);
    if (authenticated) {
      const byUid = new Map(bookings.map((b) => [b.uid, b]));
      const seen = new Set<string>();
      for (const e of bookingEvents) {
        const uid = e.bookings?.length === 1 ? e.bookings[0]!.id : undefined;
        const truth = uid === undefined ? undefined : byUid.get(uid);
        if (!truth) {
          problem(`booking event ${span(e)} names no booking of this resource in the range (bookings: ${JSON.stringify(e.bookings)})`);
          continue;
        }
        if (seen.has(truth.uid)) problem(`booking ${truth.uid} shown twice`);
        seen.add(truth.uid);
        if (e.start !== truth.shown.start || e.end !== truth.shown.end) problem(`booking ${truth.uid}: shown ${span(e)}, booked ${span(truth)} (in range ${span(truth.shown)})`);
        if (e.bookings![0]!.status !== truth.status) problem(`booking ${truth.uid}: status ${e.bookings![0]!.status}, in the database ${truth.status}`);
        if (JSON.stringify(e.customers ?? null) !== JSON.stringify(truth.customers)) {
          problem(`booking ${truth.uid}: customers ${JSON.stringify(e.customers ?? null)}, expected ${JSON.stringify(truth.customers)}`);
        }
      }
      const missing = bookings.filter((b) => !seen.has(b.uid));
      if (missing.length > 0) problem(`${missing.length} bookings in the range not shown, e.g. ${missing[0]!.uid} ${span(missing[0]!)}`);
    } else {
      const personal = bookingEvents.find((e) => e.customers !== undefined || e.bookings !== undefined);
      if (personal) problem(`an anonymous booking event carries customers or booking ids: ${JSON.stringify(personal).slice(0, 300)}`);
      const diff = sameMultiset(bookings.map((b) => b.shown), bookingEvents);
      if (diff.missing.length > 0 || diff.extra.length > 0) {
        problem(`booking events differ from the ${bookings.length} bookings in the range: missing ${diff.missing.slice(0, 3).map(span).join(", ") || "none"}; unexpected ${diff.extra.slice(0, 3).map(span).join(", ") || "none"}`);
      }
    }
  } else {
    if (bookingEvents.length > 0) problem(`${bookingEvents.length} booking events, but capacity ${capacity} > ${MAX_CAPACITY_WITH_BOOKINGS} shows booking counts`);
    const bookingBounds = [...new Set(bookings.flatMap((b) => [b.shown.start, b.shown.end]))].sort((a, b) => a - b);
    let counted = 0;
    for (const [i, c] of counts.entries()) {
      const n = c.booking_count;
      const running = bookings.filter((b) => covers(b.shown, (c.start + c.end) / 2)).length;
      if (typeof n !== "number" || !Number.isInteger(n) || n < 1) problem(`booking_count event ${span(c)} without a positive booking_count (${n})`);
      else if (n !== running) problem(`booking_count event ${span(c)}: booking_count ${n}, but ${running} bookings run at its midpoint`);
      // Back-to-back bookings keep the count: within the event it must stay n between any two changes.
      const uneven = pieces(c, bookingBounds).find((piece) => bookings.filter((b) => covers(b.shown, (piece.start + piece.end) / 2)).length !== n);
      if (uneven) problem(`booking_count event ${span(c)}: booking_count ${n}, but ${bookings.filter((b) => covers(b.shown, (uneven.start + uneven.end) / 2)).length} bookings run in ${span(uneven)}`);
      const next = counts[i + 1];
      if (next && next.start < c.end) problem(`booking_count events ${span(c)} and ${span(next)} overlap`);
      if (next && next.start === c.end && next.booking_count === n) problem(`booking_count events ${span(c)} and ${span(next)} touch with the same count: not one stretch`);
      counted += (c.end - c.start) * (n ?? 0);
    }
    const booked = bookings.reduce((sum, b) => sum + (b.shown.end - b.shown.start), 0);
    if (counted !== booked) problem(`booking_count events cover ${counted / MINUTE} booked minutes, the ${bookings.length} bookings in the range ${booked / MINUTE}`);
  }

  // Holds and blockers.
  const holdDiff = sameMultiset(liveHolds, ofType("reserved_booking"));
  if (holdDiff.missing.length > 0 || holdDiff.extra.length > 0) {
    problem(`reserved_booking events differ from the ${liveHolds.length} live holds in the range: missing ${holdDiff.missing.map(span).join(", ") || "none"}; unexpected ${holdDiff.extra.map(span).join(", ") || "none"}`);
  }
  const blockerEvents = ofType("blocker");
  const blockerDiff = sameMultiset(blockers, blockerEvents);
  if (blockerDiff.missing.length > 0 || blockerDiff.extra.length > 0) {
    problem(`blocker events differ from the ${blockers.length} blockers in the range: missing ${blockerDiff.missing.map(span).join(", ") || "none"}; unexpected ${blockerDiff.extra.map(span).join(", ") || "none"}`);
  }
  if (blockerEvents.some((e) => !e.is_blocker)) problem("a blocker event with is_blocker false");
}

/**
 * Checks one answer (the parsed 200 body) against the database rows in `truth`; `now` is when
 * the request was made (which holds are live). Returns the problems found (empty: correct).
 */
export function checkCalendarEvents(body: unknown, truth: ViewTruth, now: number): CheckSummary {
  const problems: string[] = [];
  const { query } = truth;
  const parsed = parseEvents(body, problems);
  if (!parsed) return { problems, events: 0, byType: {} };
  const { events, withSchedule } = parsed;

  for (const uuid of query.resourceUuids) if (!truth.resources.has(uuid)) problems.push(`resource ${uuid} is not in the database`);
  const expectedWithSchedule = [...truth.resources.values()].filter((r) => r.schedules.length > 0).map((r) => r.uuid).sort();
  if (JSON.stringify([...withSchedule].sort()) !== JSON.stringify(expectedWithSchedule)) {
    problems.push(`resources_with_schedule lists ${withSchedule.length} resources, expected ${expectedWithSchedule.length}`);
  }

  const ids = new Set<string>();
  for (const [i, e] of events.entries()) {
    const resource = truth.resources.get(e.resource_id);
    if (!resource) problems.push(`event ${e.type} ${span(e)} of resource ${e.resource_id}, which was not asked for`);
    else if (e.resource_name !== resource.name || e.quota !== resource.capacity) {
      problems.push(`event ${e.type} ${span(e)}: resource_name ${e.resource_name} and quota ${e.quota}, expected ${resource.name} and ${resource.capacity}`);
    }
    if (e.start < query.range.start || e.end > query.range.end) problems.push(`event ${e.type} ${span(e)} of ${e.resource_id} is not clipped to the range ${span(query.range)}`);
    if (ids.has(e.id)) problems.push(`event id ${e.id} is used twice`);
    ids.add(e.id);
    const prev = events[i - 1];
    if (prev && (prev.start > e.start || (prev.start === e.start && prev.resource_id > e.resource_id))) {
      problems.push(`events not sorted by start, then resource: ${prev.type} ${span(prev)} (${prev.resource_id}) before ${e.type} ${span(e)} (${e.resource_id})`);
    }
  }

  const byResource = new Map<string, Event[]>();
  for (const e of events) {
    const list = byResource.get(e.resource_id);
    if (list) list.push(e);
    else byResource.set(e.resource_id, [e]);
  }
  for (const resource of truth.resources.values()) checkResource(resource, byResource.get(resource.uuid) ?? [], query, now, problems);

  const byType: Record<string, number> = {};
  for (const e of events) byType[e.type] = (byType[e.type] ?? 0) + 1;
  return { problems, events: events.length, byType };
}
