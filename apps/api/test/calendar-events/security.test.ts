import { getPrisma } from "@slotbase/prisma";
import { api } from "../support/api";
import { describeAuthMatrix } from "../support/auth-matrix";
import { useTestDatabase } from "../support/database";
import { addKey, createCaller, type Caller } from "../support/fixtures";
import { memberOf } from "../support/roles";
import { addCalendar, createWorkspace, ownedWorkspace } from "../support/workspaces";
import { addDays, nextMonday, UTC } from "../support/dates";
import { BOOKING_PREVIEW, bookCalendar, CALENDAR_EVENTS, calendarEvents, CUSTOMER_ACCOUNT, eventsOf, firstError } from "../support/calendar-events";

useTestDatabase();

const MON = nextMonday({ zones: [UTC] });
const at = (time: string) => `${MON}T${time}:00Z`;
const range = { start_date: at("00:00"), end_date: `${addDays(MON, 1)}T00:00:00Z` };

/** A workspace the owner OWNs with a private calendar booked by Jane. */
async function bookedWorkspace(owner: Caller, options: { isPublic?: boolean } = {}) {
  const team = await createWorkspace(owner);
  const calendar = await addCalendar(team, { isPublic: options.isPublic ?? false });
  const booking = await bookCalendar(calendar.id, at("10:00"), at("11:00"), { attendees: [{ name: "Jane Doe", email: `jane-${team.id}@example.com` }] });
  const account = await (await getPrisma()).customerAccount.findFirstOrThrow({ where: { teamId: team.id } });
  return { team, calendar, booking, account };
}

describeAuthMatrix({
  operation: CALENDAR_EVENTS,
  scope: "calendars:read",
  ownedObject: true,
  team: { need: "read" },
  anonymousStatus: 404,
  request: async (owner) => ({ query: { resource_id: (await bookedWorkspace(owner)).calendar.uuid, ...range } }),
});
describeAuthMatrix({
  operation: CUSTOMER_ACCOUNT,
  scope: "calendars:read",
  ownedObject: true,
  team: { need: "read" },
  request: async (owner) => ({ params: { account_id: (await bookedWorkspace(owner)).account.uuid } }),
});
describeAuthMatrix({
  operation: BOOKING_PREVIEW,
  scope: "calendars:read",
  ownedObject: true,
  team: { need: "read" },
  request: async (owner) => {
    const { account, booking } = await bookedWorkspace(owner);
    return { params: { account_id: account.uuid, booking_id: booking.uid } };
  },
});

describe("who sees what on calendar events", () => {
  it("shows a public calendar to a key of someone outside its workspace, without personal data", async () => {
    const { calendar } = await bookedWorkspace(await createCaller(), { isPublic: true });
    const outsider = await createCaller();
    const result = await calendarEvents({ resource_id: calendar.uuid, ...range }, { key: outsider.key });
    expect(result.status).toBe(200);
    const [booking] = eventsOf(result, "booking");
    expect(booking.display_label).toBe("Booked");
    expect(booking.customers).toBeUndefined();
    expect(booking.bookings).toBeUndefined();
    expect(JSON.stringify(result.body)).not.toContain("jane");
    expect(result.headers["cache-control"]).toBe("private, no-cache");
  });

  it("never treats a bad key as anonymous, even for a public calendar (401)", async () => {
    const { calendar } = await bookedWorkspace(await createCaller(), { isPublic: true });
    const result = await calendarEvents({ resource_id: calendar.uuid, ...range }, { key: "cal_0000000000000000000000000000000000000000000000000000000000000000" });
    expect(result.status).toBe(401);
    expect(firstError(result)).toMatchObject({ status: "401", code: "unauthorized" });
  });

  it("refuses a key without calendars:read even for a public calendar (403 naming it)", async () => {
    const { calendar } = await bookedWorkspace(await createCaller(), { isPublic: true });
    const scoped = await createCaller({ scopes: ["bookings:read"] });
    const result = await calendarEvents({ resource_id: calendar.uuid, ...range }, { key: scoped.key });
    expect(result.status).toBe(403);
    expect(firstError(result).detail).toContain("calendars:read");
  });

  it("answers 404 for the whole request when one of the resources is not visible, whether or not it exists", async () => {
    const owner = await createCaller();
    const visible = await bookedWorkspace(owner, { isPublic: true });
    const hidden = await bookedWorkspace(await createCaller());
    const existing = await calendarEvents({ "resource_id[]": [visible.calendar.uuid, hidden.calendar.uuid], ...range });
    const missing = await calendarEvents({ "resource_id[]": [visible.calendar.uuid, "00000000-0000-4000-8000-000000000000"], ...range });
    expect(existing.status).toBe(404);
    expect(missing.status).toBe(404);
    const generic = (result: typeof existing, uuid: string) => ({ ...firstError(result), id: undefined, detail: firstError(result).detail.replace(uuid, "<uuid>") });
    expect(generic(existing, hidden.calendar.uuid)).toEqual(generic(missing, "00000000-0000-4000-8000-000000000000"));
  });

  it("gives a member's key restricted to another workspace only the public view", async () => {
    const owner = await createCaller();
    const { calendar } = await bookedWorkspace(owner, { isPublic: true });
    const { team: other } = await ownedWorkspace();
    const member = await memberOf(other.id, "MEMBER");
    const restricted = await addKey(member.user, { teamId: other.id });
    const result = await calendarEvents({ resource_id: calendar.uuid, ...range }, { key: restricted.key });
    expect(eventsOf(result, "booking")[0].display_label).toBe("Booked");
  });
});

describe("customer accounts", () => {
  it("let the account's own user read it and preview their booking, by their confirmed email", async () => {
    const owner = await createCaller();
    const { account, booking, team } = await bookedWorkspace(owner);
    const jane = await createCaller({ email: `jane-${team.id}@example.com` });
    const read = await api(CUSTOMER_ACCOUNT, { params: { account_id: account.uuid }, key: jane.key });
    expect(read.status).toBe(200);
    expect(read.body.data.upcoming_bookings.map((b: { id: string }) => b.id)).toEqual([booking.uid]);
    const preview = await api(BOOKING_PREVIEW, { params: { account_id: account.uuid, booking_id: booking.uid }, key: jane.key });
    expect(preview.status).toBe(200);
  });

  it("are a 404 to a user whose matching email is not confirmed", async () => {
    const { account, team } = await bookedWorkspace(await createCaller());
    const unconfirmed = await createCaller({ email: `jane-${team.id}@example.com`, emailConfirmed: false });
    const read = await api(CUSTOMER_ACCOUNT, { params: { account_id: account.uuid }, key: unconfirmed.key });
    expect(read.status).toBe(404);
  });

  it("preview only bookings that involve the account (another customer's booking is a 404)", async () => {
    const owner = await createCaller();
    const { account, calendar } = await bookedWorkspace(owner);
    const other = await bookCalendar(calendar.id, at("12:00"), at("13:00"), { attendees: [{ name: "Max Muster", email: "max@example.com" }] });
    const result = await api(BOOKING_PREVIEW, { params: { account_id: account.uuid, booking_id: other.uid }, key: owner.key });
    expect(result.status).toBe(404);
    expect(firstError(result)).toMatchObject({ status: "404", code: "not_found" });
  });

  it("are kept per workspace: the same person booking in two workspaces has two accounts, each seen only by its members", async () => {
    const first = await createCaller();
    const second = await createCaller();
    const a = await bookedWorkspace(first);
    const teamB = await createWorkspace(second);
    const calendarB = await addCalendar(teamB);
    await bookCalendar(calendarB.id, at("10:00"), at("11:00"), { attendees: [{ name: "Jane Doe", email: `jane-${a.team.id}@example.com` }] });
    const accountB = await (await getPrisma()).customerAccount.findFirstOrThrow({ where: { teamId: teamB.id } });
    expect(accountB.uuid).not.toBe(a.account.uuid);
    expect((await api(CUSTOMER_ACCOUNT, { params: { account_id: accountB.uuid }, key: first.key })).status).toBe(404);
    expect((await api(BOOKING_PREVIEW, { params: { account_id: a.account.uuid, booking_id: a.booking.uid }, key: second.key })).status).toBe(404);
  });
});
