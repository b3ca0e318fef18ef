import { getPrisma } from "@slotbase/prisma";
import { api } from "../support/api";
import { useTestDatabase } from "../support/database";
import { createCaller, type Caller } from "../support/fixtures";
import { createHostWithEventType } from "../support/scheduling";
import { berlin, nextMonday } from "../support/dates";

useTestDatabase();

/**
 * Seat attendees are a caller-supplied value that grants rights (an attendee's email makes its
 * confirmed owner an attendee of the booking): what they may see of the others follows the
 * event type's seatsShowAttendees, in every read (booking get, list, attendees).
 */
const MON = nextMonday();
const person = (email: string) => ({ name: "Seat holder", email, timeZone: "Europe/London" });

async function seatedBooking(seatsShowAttendees: boolean) {
  const { host, eventType } = await createHostWithEventType({ seatsPerTimeSlot: 3, seatsShowAttendees });
  const alice = await createCaller();
  const bob = await createCaller();
  const bookerA = await createCaller();
  const bookerB = await createCaller();
  const body = (email: string) => ({ eventTypeId: eventType.id, start: berlin(MON, "10:00"), attendee: person(email) });
  const first = await api("POST /v2/bookings", { key: bookerA.key, body: body(alice.user.email) });
  expect(first.status).toBe(201);
  const second = await api("POST /v2/bookings", { key: bookerB.key, body: body(bob.user.email) });
  expect(second.status).toBe(201);
  return { host, alice, bob, bookerA, bookerB, uid: first.body.data.uid as string, id: (first.body.data.id as number) };
}

const emailsSeenBy = async (caller: Caller, uid: string) =>
  ((await api("GET /v2/bookings/{bookingUid}", { key: caller.key, params: { bookingUid: uid } })).body.data.attendees as { email: string }[]).map((a) => a.email);

describe("a seated booking that hides its attendees from one another", () => {
  it("shows each seat holder and each seat's booker only their own seat; the host sees all", async () => {
    const { host, alice, bob, bookerA, bookerB, uid } = await seatedBooking(false);
    expect(await emailsSeenBy(alice, uid)).toEqual([alice.user.email]);
    expect(await emailsSeenBy(bob, uid)).toEqual([bob.user.email]);
    expect(await emailsSeenBy(bookerA, uid)).toEqual([alice.user.email]);
    expect(await emailsSeenBy(bookerB, uid)).toEqual([bob.user.email]);
    expect((await emailsSeenBy(host, uid)).sort()).toEqual([alice.user.email, bob.user.email].sort());
  });

  it("keeps other seats out of lists and of /v1/attendees", async () => {
    const { alice, bob, uid, id } = await seatedBooking(false);
    const listed = await api("GET /v2/bookings", { key: alice.key });
    const mine = listed.body.data.find((b: { uid: string }) => b.uid === uid);
    expect(mine.attendees.map((a: { email: string }) => a.email)).toEqual([alice.user.email]);
    const attendees = await api("GET /v1/attendees", { key: alice.key, query: { bookingId: String(id) } });
    expect(attendees.body.attendees.map((a: { email: string }) => a.email)).toEqual([alice.user.email]);
    const prisma = await getPrisma();
    const bobRow = await prisma.attendee.findFirstOrThrow({ where: { bookingId: id, email: bob.user.email } });
    expect((await api("GET /v1/attendees/{id}", { key: alice.key, params: { id: bobRow.id } })).status).toBe(404);
    expect(JSON.stringify(listed.body)).not.toContain(bob.user.email);
  });
});

describe("cancelling and moving a seated booking", () => {
  it("a seat's booker gives up only the seat they took; the others keep theirs", async () => {
    const { host, alice, bob, bookerB, uid } = await seatedBooking(false);
    const cancelled = await api("POST /v2/bookings/{bookingUid}/cancel", { key: bookerB.key, params: { bookingUid: uid }, body: {} });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.data.attendees.map((a: { email: string }) => a.email)).toEqual([bob.user.email]);
    const left = await api("GET /v2/bookings/{bookingUid}", { key: host.key, params: { bookingUid: uid } });
    expect(left.body.data.status).toBe("accepted");
    expect(left.body.data.attendees.map((a: { email: string }) => a.email)).toEqual([alice.user.email]);
    // Having given up their seat, they have nothing left there.
    expect((await api("GET /v2/bookings/{bookingUid}", { key: bookerB.key, params: { bookingUid: uid } })).status).toBe(404);
  });

  it("a seat holder cannot move everyone's seats; the organizer can", async () => {
    const { host, alice, uid } = await seatedBooking(false);
    const body = { start: berlin(MON, "11:00") };
    const refused = await api("POST /v2/bookings/{bookingUid}/reschedule", { key: alice.key, params: { bookingUid: uid }, body });
    expect(refused.status).toBe(403);
    const moved = await api("POST /v2/bookings/{bookingUid}/reschedule", { key: host.key, params: { bookingUid: uid }, body });
    expect(moved.status).toBe(201);
  });
});

describe("a seated booking that shows its attendees", () => {
  it("shows every seat to every seat holder", async () => {
    const { alice, bob, uid } = await seatedBooking(true);
    expect((await emailsSeenBy(alice, uid)).sort()).toEqual([alice.user.email, bob.user.email].sort());
  });
});

describe("group bookings by username (Cal.com's dynamic booking)", () => {
  it("only include users who accept them", async () => {
    const { host, eventType } = await createHostWithEventType();
    const willing = await createCaller();
    const unwilling = await createCaller();
    const prisma = await getPrisma();
    await prisma.user.update({ where: { id: unwilling.user.id }, data: { allowDynamicBooking: false } });
    const query = (usernames: string[]) => ({
      eventTypeSlug: eventType.slug,
      usernameList: usernames,
      startTime: MON,
      endTime: MON,
      timeZone: "Europe/Berlin",
    });
    expect((await api("GET /v1/slots", { key: willing.key, query: query([host.user.username!, willing.user.username!]) })).status).toBe(200);
    const refused = await api("GET /v1/slots", { key: willing.key, query: query([host.user.username!, unwilling.user.username!]) });
    expect(refused.status).toBe(403);
    expect(refused.body.details).toEqual([expect.objectContaining({ field: "query.usernameList", rule: "dynamic_booking" })]);
  });
});
