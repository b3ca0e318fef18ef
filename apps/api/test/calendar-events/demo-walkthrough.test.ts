import { getPrisma } from "@slotbase/prisma";
import { seedDemoData } from "@slotbase/features/scripts/seed-demo-data";
import { instant, weekdaysBetween } from "../support/dates";
import { api } from "../support/api";
import { useTestDatabase } from "../support/database";
import { BOOKING_PREVIEW, calendarEvents, CUSTOMER_ACCOUNT, eventsOf } from "../support/calendar-events";

useTestDatabase();

/** An instant as the API writes it ("…T09:00:00Z"). */
const asApi = (date: Date) => date.toISOString().replace(".000Z", "Z");

/**
 * The README's calendar-events walkthrough on the demo data (bookings on the next three
 * weekdays, whenever the test runs): the public room's demo days, anonymously and as a member,
 * the desk pool's counts, and a customer's booking preview.
 */
it("shows the demo room's days to anyone, customers to members, desk counts, and a booking preview", async () => {
  const prisma = await getPrisma();
  const { adminKey: key, days } = await seedDemoData(prisma);
  const [day1, , day3] = days as [string, string, string];
  const DEMO_DAYS = { start_date: day1, end_date: day3, timezone: "Europe/Berlin" };
  const seeded = async (uid: string) => prisma.booking.findUniqueOrThrow({ where: { uid } });
  const [room1, room2] = [await seeded("seed-room-1"), await seeded("seed-room-2")];
  const room = await prisma.calendar.findFirstOrThrow({ where: { slug: "room-orion" } });
  const desks = await prisma.calendar.findFirstOrThrow({ where: { slug: "desk-pool" } });

  const anonymous = await calendarEvents({ resource_id: room.uuid, ...DEMO_DAYS });
  expect(anonymous.status).toBe(200);
  expect(eventsOf(anonymous, "period")).toHaveLength(weekdaysBetween(day1, day3).length); // 3: the demo days are weekdays
  expect(eventsOf(anonymous, "period_fragment").length).toBeGreaterThan(3);
  expect(eventsOf(anonymous, "booking").map((e) => [e.start_date, e.display_label, e.customers])).toEqual([
    [asApi(room1.startTime), "Booked", undefined], // day 1, 10:00 Berlin
    [asApi(room2.startTime), "Booked", undefined], // day 2, 14:00 Berlin
  ]);
  expect(eventsOf(anonymous, "blocker").map((e) => e.display_label)).toEqual(["Blocked"]);

  const member = await calendarEvents({ resource_id: room.uuid, ...DEMO_DAYS }, { key });
  const [jordansBooking] = eventsOf(member, "booking");
  expect(jordansBooking.display_label).toBe("Jordan Lee - Book: Meeting room Orion");
  expect(jordansBooking.customers).toEqual([{ id: expect.any(String), first_name: "Jordan", last_name: "Lee" }]);

  const desksView = await calendarEvents({ resource_id: desks.uuid, start_date: day1, end_date: day1, timezone: "Europe/Berlin" }, { key });
  expect(eventsOf(desksView, "booking")).toEqual([]);
  const berlin = (time: string) => asApi(new Date(instant(day1, time, "Europe/Berlin")));
  expect(eventsOf(desksView, "booking_count").map((e) => [e.start_date, e.end_date, e.booking_count])).toEqual([
    [berlin("08:00"), berlin("09:00"), 2],
    [berlin("09:00"), berlin("12:00"), 3],
    [berlin("12:00"), berlin("13:00"), 2],
    [berlin("13:00"), berlin("17:00"), 3],
    [berlin("17:00"), berlin("18:00"), 2],
  ]);

  const account = await api(CUSTOMER_ACCOUNT, { params: { account_id: jordansBooking.customers[0].id }, key });
  expect(account.body.data).toMatchObject({ first_name: "Jordan", last_name: "Lee", email: "jordan.lee@example.com" });
  const preview = await api(BOOKING_PREVIEW, { params: { account_id: jordansBooking.customers[0].id, booking_id: jordansBooking.bookings[0].id }, key });
  expect(preview.status).toBe(200);
  expect(preview.body.data).toMatchObject({
    id: "seed-room-1",
    status: "accepted",
    start_date: asApi(room1.startTime),
    resource: { id: room.uuid, name: "Meeting room Orion" },
    event_type_title: "Book: Meeting room Orion",
    display_label: "Jordan Lee - Book: Meeting room Orion",
    price: null,
  });
});
