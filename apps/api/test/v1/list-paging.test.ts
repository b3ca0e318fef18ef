import { api } from "../support/api";
import { useTestDatabase } from "../support/database";
import { createAdmin, createCaller } from "../support/fixtures";
import { nextLink, queryOf, totalCount } from "../support/list-paging";
import { loadOpenApiDocument } from "../support/response-validator";
import { createTeam } from "../support/teams";
import { createWebhookRow } from "../support/webhooks";
import { createPersonalType } from "./event-types/helpers";

/*
 * Every v1 list (every operation documenting X-Total-Count) sends its paging headers, and the
 * paging rules common to all of them (lib/validation/list-query.ts, lib/http/list-headers.ts).
 * Each resource's own rows, filters and access are tested in its folder.
 */

useTestDatabase();

type Json = Record<string, unknown>;

/** The v1 list operations, as the generated document names them. */
function listOperations(): string[] {
  const document = loadOpenApiDocument() as { paths: Record<string, Record<string, { responses?: Record<string, { headers?: Json }> }>> };
  return Object.entries(document.paths)
    .filter(([path, item]) => path.startsWith("/v1/") && item.get?.responses?.["200"]?.headers?.["X-Total-Count"] !== undefined)
    .map(([path]) => `GET ${path}`);
}

const LISTS = listOperations();

describe("v1 lists", () => {
  it("are the lists there are", () => {
    expect(LISTS).toEqual(
      expect.arrayContaining(
        [
          "users",
          "event-types",
          "teams/{teamId}/event-types",
          "attendees",
          "availabilities",
          "booking-references",
          "event-references",
          "memberships",
          "schedules",
          "webhooks",
          "webhooks/{id}/deliveries",
          "custom-inputs",
          "destination-calendars",
          "selected-calendars",
          "payments",
          "api-keys",
          "teams",
          "blockers",
          "bookings",
        ].map((path) => `GET /v1/${path}`),
      ),
    );
  });

  it.each(LISTS)("%s sends X-Total-Count with every answer, and no Link when nothing remains", async (operation) => {
    const caller = await createCaller();
    const team = await createTeam(caller);
    const webhook = await createWebhookRow(caller);
    const result = await api(operation, { key: caller.key, params: { teamId: team.id, id: webhook.id } });
    expect(result.status).toBe(200);
    const rows = Object.values(result.body as Json).find(Array.isArray) as unknown[];
    expect(totalCount(result)).toBe(rows.length);
    expect(nextLink(result)).toBeUndefined();
  });
});

describe("v1 list paging rules", () => {
  async function callerWithTypes(count: number) {
    const caller = await createCaller();
    const ids: number[] = [];
    for (let i = 0; i < count; i += 1) ids.push((await createPersonalType(caller)).id);
    return { caller, ids };
  }
  const idsOf = (body: { event_types: { id: number }[] }) => body.event_types.map((t) => t.id);

  it("take alone is the first page; page alone is a page of 10", async () => {
    const { caller, ids } = await callerWithTypes(12);
    const firstThree = await api("GET /v1/event-types", { key: caller.key, query: { take: "3" } });
    expect(idsOf(firstThree.body)).toEqual(ids.slice(0, 3));
    expect(totalCount(firstThree)).toBe(12);
    expect(queryOf(nextLink(firstThree)!)).toEqual({ take: "3", page: "2" });
    const second = await api("GET /v1/event-types", { key: caller.key, query: { page: "2" } });
    expect(idsOf(second.body)).toEqual(ids.slice(10, 12));
    expect(nextLink(second)).toBeUndefined();
  });

  it("the Link keeps every other parameter as sent and leaves the key out", async () => {
    const { caller, ids } = await callerWithTypes(3);
    const result = await api("GET /v1/event-types", { key: caller.key, keyIn: "query", query: { userId: String(caller.user.id), take: "1", page: "2" } });
    expect(idsOf(result.body)).toEqual([ids[1]]);
    expect(nextLink(result)).toBe(`/v1/event-types?userId=${caller.user.id}&take=1&page=3`);
    const last = await api("GET /v1/event-types", { key: caller.key, query: queryOf(nextLink(result)!) });
    expect(idsOf(last.body)).toEqual([ids[2]]);
    expect(nextLink(last)).toBeUndefined();
  });

  it("the Link repeats a repeated parameter", async () => {
    const admin = await createAdmin();
    const [a, b] = [await createCaller(), await createCaller()];
    const result = await api("GET /v1/users", { key: admin.key, query: { email: [a.user.email, b.user.email], take: "1" } });
    expect(result.body.users.map((u: { id: number }) => u.id)).toEqual([a.user.id]);
    expect(totalCount(result)).toBe(2);
    expect(queryOf(nextLink(result)!)).toEqual({ email: [a.user.email, b.user.email], take: "1", page: "2" });
    const next = await api("GET /v1/users", { key: admin.key, query: queryOf(nextLink(result)!) });
    expect(next.body.users.map((u: { id: number }) => u.id)).toEqual([b.user.id]);
  });

  it("counts what the caller may see with the filters, not the table", async () => {
    const { caller } = await callerWithTypes(2);
    await callerWithTypes(4);
    const result = await api("GET /v1/event-types", { key: caller.key, query: { take: "1" } });
    expect(totalCount(result)).toBe(2);
  });
});
