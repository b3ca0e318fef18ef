import { getPrisma } from "@slotbase/prisma";
import { seedDemoData } from "@slotbase/features/scripts/seed-demo-data";
import { api } from "../support/api";
import { useTestDatabase } from "../support/database";
import { BOOKING_PREVIEW, calendarEvents, CUSTOMER_ACCOUNT, eventsOf } from "../support/calendar-events";

useTestDatabase();

/**
 * The README's calendar-events walkthrough on the demo data (bookings in the first week of
 * March 2027): the public room's month, anonymously and as a member, the desk pool's counts,
 * and a customer's booking preview.
 */
const MARCH = { start_date: "2027-03-01", end_date: "2027-03-31", timezone: "Europe/Berlin" };

it("shows the demo room's month to anyone, customers to members, desk counts, and a booking preview", async () => {
  const prisma = await getPrisma();
  const { adminKey: key } = await seedDemoData(prisma);
  const room = await prisma.calendar.findFirstOrThrow({ where: { slug: "room-orion" } });
  const desks = await prisma.calendar.findFirstOrThrow({ where: { slug: "desk-pool" } });

  const anonymous = await calendarEvents({ resource_id: room.uuid, ...MARCH });
  expect(anonymous.status).toBe(200);
  expect(eventsOf(anonymous, "period")).toHaveLength(23); // weekdays of March 2027
  expect(eventsOf(anonymous, "period_fragment").length).toBeGreaterThan(23);
  expect(eventsOf(anonymous, "booking").map((e) => [e.start_date, e.display_label, e.customers])).toEqual([
    ["2027-03-01T09:00:00Z", "Booked", undefined],
    ["2027-03-02T13:00:00Z", "Booked", undefined],
  ]);
  expect(eventsOf(anonymous, "blocker").map((e) => e.display_label)).toEqual(["Blocked"]);

  const member = await calendarEvents({ resource_id: room.uuid, ...MARCH }, { key });
  const [jordansBooking] = eventsOf(member, "booking");
  expect(jordansBooking.display_label).toBe("Jordan Lee - Book: Meeting room Orion");
  expect(jordansBooking.customers).toEqual([{ id: expect.any(String), first_name: "Jordan", last_name: "Lee" }]);

  const desksView = await calendarEvents({ resource_id: desks.uuid, start_date: "2027-03-01", end_date: "2027-03-01", timezone: "Europe/Berlin" }, { key });
  expect(eventsOf(desksView, "booking")).toEqual([]);
  expect(eventsOf(desksView, "booking_count").map((e) => [e.start_date.slice(11, 16), e.end_date.slice(11, 16), e.booking_count])).toEqual([
    ["07:00", "08:00", 2],
    ["08:00", "11:00", 3],
    ["11:00", "12:00", 2],
    ["12:00", "16:00", 3],
    ["16:00", "17:00", 2],
  ]);

  const account = await api(CUSTOMER_ACCOUNT, { params: { account_id: jordansBooking.customers[0].id }, key });
  expect(account.body.data).toMatchObject({ first_name: "Jordan", last_name: "Lee", email: "jordan.lee@example.com" });
  const preview = await api(BOOKING_PREVIEW, { params: { account_id: jordansBooking.customers[0].id, booking_id: jordansBooking.bookings[0].id }, key });
  expect(preview.status).toBe(200);
  expect(preview.body.data).toMatchObject({
    id: "seed-room-1",
    status: "accepted",
    start_date: "2027-03-01T09:00:00Z",
    resource: { id: room.uuid, name: "Meeting room Orion" },
    event_type_title: "Book: Meeting room Orion",
    display_label: "Jordan Lee - Book: Meeting room Orion",
    price: null,
  });
});
