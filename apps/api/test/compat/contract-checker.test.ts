import { assertMatchesCalcomContract } from "../support/calcom-contract";

/* The checker every v1/v2 test response goes through can fail: wrong shapes are caught. */

const booking = {
  id: 1,
  uid: "abc",
  title: "Intro",
  description: "",
  hosts: [{ id: 2, name: "Ada", email: "ada@example.com", displayEmail: "ada@example.com", username: "ada", timeZone: "UTC" }],
  status: "accepted",
  start: "2030-01-07T09:00:00.000Z",
  end: "2030-01-07T09:30:00.000Z",
  duration: 30,
  eventTypeId: 3,
  eventType: { id: 3, slug: "intro" },
  location: "",
  absentHost: false,
  createdAt: "2030-01-01T00:00:00.000Z",
  updatedAt: "2030-01-01T00:00:00.000Z",
  metadata: {},
  attendees: [{ name: "Jo", email: "jo@example.com", displayEmail: "jo@example.com", timeZone: "UTC", absent: false }],
  bookingFieldsResponses: {},
};
const check = (template: string, method: string, status: number, body: unknown, apiVersion?: string) => () =>
  assertMatchesCalcomContract({ template, method, status, body, apiVersion });

describe("the Cal.com contract checker", () => {
  it("accepts Cal.com's booking shape", () => {
    expect(check("/v2/bookings/{bookingUid}", "GET", 200, { status: "success", data: booking })).not.toThrow();
  });

  it("refuses null where Cal.com omits a field, a missing required field, and a wrong type", () => {
    expect(check("/v2/bookings/{bookingUid}", "GET", 200, { status: "success", data: { ...booking, cancellationReason: null } })).toThrow(/cancellationReason/);
    const { title: _title, ...untitled } = booking;
    expect(check("/v2/bookings/{bookingUid}", "GET", 200, { status: "success", data: untitled })).toThrow(/title/);
    expect(check("/v2/bookings/{bookingUid}", "GET", 200, { status: "success", data: { ...booking, duration: "30" } })).toThrow(/duration/);
  });

  it("accepts a listed difference at its place only (eventType null is listed; hosts null is not)", () => {
    expect(check("/v2/bookings/{bookingUid}", "GET", 200, { status: "success", data: { ...booking, eventTypeId: null, eventType: null } })).not.toThrow();
    expect(check("/v2/bookings/{bookingUid}", "GET", 200, { status: "success", data: { ...booking, hosts: null } })).toThrow(/hosts/);
  });

  it("refuses a success status Cal.com does not answer, and checks the 2026-05-01 list's pagination", () => {
    expect(check("/v2/bookings/{bookingUid}/reschedule", "POST", 200, { status: "success", data: booking })).toThrow(/201/);
    const offset = { status: "success", data: [booking], pagination: { totalItems: 1, remainingItems: 0, returnedItems: 1, itemsPerPage: 10, currentPage: 1, totalPages: 1, hasNextPage: false, hasPreviousPage: false } };
    expect(check("/v2/bookings", "GET", 200, offset)).not.toThrow();
    expect(check("/v2/bookings", "GET", 200, offset, "2026-05-01")).toThrow(/pagination/);
    expect(check("/v2/bookings", "GET", 200, { status: "success", data: [booking], pagination: { nextCursor: null, hasMore: false } }, "2026-05-01")).not.toThrow();
  });

  it("checks v1 envelopes as Cal.com's handlers send them", () => {
    expect(check("/v1/event-types", "GET", 200, { event_types: [] })).not.toThrow();
    expect(check("/v1/event-types", "GET", 200, { eventTypes: [] })).toThrow(/event_types/);
    expect(check("/v1/bookings/{id}/cancel", "DELETE", 200, { success: true, message: "ok", bookingId: 1, bookingUid: "a", onlyRemovedAttendee: false })).not.toThrow();
    expect(check("/v1/bookings/{id}/cancel", "DELETE", 200, { message: "ok" })).toThrow(/success/);
  });
});
