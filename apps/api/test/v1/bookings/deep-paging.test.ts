import { LIST_COUNT_LIMIT, LIST_MAX_OFFSET } from "@slotbase/features";
import { getPrisma } from "@slotbase/prisma";
import { api } from "../../support/api";
import { useTestDatabase } from "../../support/database";
import { createCaller, type Caller } from "../../support/fixtures";
import { nextLink, queryOf, totalCount } from "../../support/list-paging";

useTestDatabase();

/*
 * Lists deeper than offset paging reaches: a host with more bookings than the list counts,
 * inserted in SQL. Booking n (from 1) starts n hours after BASE, so the list's order (start,
 * then id) is known without reading it.
 */
const BOOKINGS = LIST_COUNT_LIMIT + 150;
const BASE = Date.now() - 400 * 86_400_000;
const startOf = (n: number) => new Date(BASE + n * 3_600_000).toISOString();

let host: Caller;
beforeAll(async () => {
  host = await createCaller();
  const prisma = await getPrisma();
  await prisma.$executeRaw`
    INSERT INTO "Booking" (uid, "userId", title, "startTime", "endTime")
    SELECT 'deep-' || n, ${host.user.id}, 'Deep', ${new Date(BASE).toISOString()}::timestamp + n * interval '1 hour',
           ${new Date(BASE).toISOString()}::timestamp + n * interval '1 hour' + interval '30 minutes'
    FROM generate_series(1, ${BOOKINGS}) n`;
  await prisma.$executeRaw`
    INSERT INTO "Attendee" (email, name, "timeZone", "bookingId")
    SELECT 'guest-' || b.id || '@example.com', 'Guest', 'UTC', b.id FROM "Booking" b WHERE b."userId" = ${host.user.id}`;
}, 120_000);

const starts = (bookings: { startTime: string }[]) => bookings.map((b) => b.startTime);
const expectedStarts = (from: number, count: number) => Array.from({ length: count }, (_, i) => startOf(from + i));

describe("v1 bookings deeper than offset paging reaches", () => {
  it(`counts up to ${LIST_COUNT_LIMIT} (X-Total-Count-Exact: false beyond) and links the page after offset ${LIST_MAX_OFFSET} by cursor`, async () => {
    const lastOffsetPage = LIST_MAX_OFFSET / 100 + 1;
    const page = await api("GET /v1/bookings", { key: host.key, query: { take: "100", page: String(lastOffsetPage) } });
    expect(page.status).toBe(200);
    expect(starts(page.body.bookings)).toEqual(expectedStarts(LIST_MAX_OFFSET + 1, 100));
    expect(totalCount(page)).toBe(LIST_COUNT_LIMIT);
    expect(page.headers["x-total-count-exact"]).toBe("false");

    const link = nextLink(page)!;
    const query = queryOf(link);
    expect(query).toEqual({ take: "100", cursor: expect.any(String) });
    const next = await api("GET /v1/bookings", { key: host.key, query });
    expect(next.status).toBe(200);
    expect(starts(next.body.bookings)).toEqual(expectedStarts(LIST_MAX_OFFSET + 101, 100));
    expect(next.headers["x-total-count"]).toBeUndefined();
    expect(queryOf(nextLink(next)!)).toEqual({ take: "100", cursor: expect.any(String) });
  });

  it("walks to the last booking by cursor, the last page without a Link", async () => {
    const near = await api("GET /v1/bookings", { key: host.key, query: { take: "100", page: String(LIST_MAX_OFFSET / 100 + 1) } });
    let query = queryOf(nextLink(near)!);
    let seen = 0;
    let last: string | undefined;
    for (let pages = 0; ; pages += 1) {
      expect(pages).toBeLessThan(200);
      const result = await api("GET /v1/bookings", { key: host.key, query: { ...query, take: "100" } });
      expect(result.status).toBe(200);
      seen += result.body.bookings.length;
      last = result.body.bookings.at(-1)?.startTime ?? last;
      const link = nextLink(result);
      if (link === undefined) break;
      query = queryOf(link);
    }
    expect(seen).toBe(BOOKINGS - LIST_MAX_OFFSET - 100);
    expect(last).toBe(startOf(BOOKINGS));
  });

  it("refuses a page deeper than offset paging reaches, and page with cursor, naming page", async () => {
    const tooDeep = await api("GET /v1/bookings", { key: host.key, query: { take: "100", page: String(LIST_MAX_OFFSET / 100 + 2) } });
    expect(tooDeep.status).toBe(400);
    expect(JSON.stringify(tooDeep.body)).toContain("page");
    expect(JSON.stringify(tooDeep.body)).toContain(`${LIST_MAX_OFFSET}`);
    const both = await api("GET /v1/bookings", { key: host.key, query: { take: "10", page: "2", cursor: "abc" } });
    expect(both.status).toBe(400);
    expect(JSON.stringify(both.body)).toContain("page");
  });

  it("keeps the exact count, without X-Total-Count-Exact, while it is within the limit", async () => {
    const few = await api("GET /v1/bookings", { key: host.key, query: { take: "10", dateTo: startOf(26) } });
    expect(few.status).toBe(200);
    expect(totalCount(few)).toBe(25);
    expect(few.headers["x-total-count-exact"]).toBeUndefined();
  });
});

describe("v2 bookings deeper than offset paging reaches", () => {
  it(`answers skip ${LIST_MAX_OFFSET} with a lower-bound total (totalItemsExact false) and refuses a deeper skip naming skip`, async () => {
    const deepest = await api("GET /v2/bookings", { key: host.key, query: { take: "100", skip: String(LIST_MAX_OFFSET) } });
    expect(deepest.status).toBe(200);
    expect(starts(deepest.body.data.map((b: { start: string }) => ({ startTime: b.start })))).toEqual(expectedStarts(LIST_MAX_OFFSET + 1, 100));
    expect(deepest.body.pagination).toMatchObject({ totalItems: LIST_COUNT_LIMIT, totalItemsExact: false, hasNextPage: true, currentPage: LIST_MAX_OFFSET / 100 + 1 });

    const tooDeep = await api("GET /v2/bookings", { key: host.key, query: { take: "100", skip: String(LIST_MAX_OFFSET + 1) } });
    expect(tooDeep.status).toBe(400);
    expect(JSON.stringify(tooDeep.body)).toContain("skip");
  });

  it("pages by cursor from any depth at the same order", async () => {
    const headers = { "cal-api-version": "2026-05-01" };
    const first = await api("GET /v2/bookings", { key: host.key, headers, query: { limit: "250", sortStart: "asc", afterStart: startOf(LIST_COUNT_LIMIT) } });
    expect(first.status).toBe(200);
    expect(first.body.data.map((b: { start: string }) => b.start)).toEqual(expectedStarts(LIST_COUNT_LIMIT, 151));
    expect(first.body.pagination).toEqual({ nextCursor: null, hasMore: false });
  });
});

describe("lists of a booking's rows count up to the limit too", () => {
  it(`GET /v1/attendees says X-Total-Count ${LIST_COUNT_LIMIT} and X-Total-Count-Exact: false; one booking's attendees are counted exactly`, async () => {
    const all = await api("GET /v1/attendees", { key: host.key, query: { take: "10" } });
    expect(all.status).toBe(200);
    expect(all.body.attendees).toHaveLength(10);
    expect(totalCount(all)).toBe(LIST_COUNT_LIMIT);
    expect(all.headers["x-total-count-exact"]).toBe("false");
    const bookingId = String(all.body.attendees[0].bookingId);
    const one = await api("GET /v1/attendees", { key: host.key, query: { take: "10", bookingId } });
    expect(one.body.attendees.map((a: { bookingId: number }) => String(a.bookingId))).toEqual([bookingId]);
    expect(totalCount(one)).toBe(1);
    expect(one.headers["x-total-count-exact"]).toBeUndefined();
  });

  it("another user sees none of them", async () => {
    const stranger = await createCaller();
    const none = await api("GET /v1/attendees", { key: stranger.key, query: { take: "10" } });
    expect(none.status).toBe(200);
    expect(none.body.attendees).toEqual([]);
    expect(totalCount(none)).toBe(0);
  });
});
