import { createTestDatabase, type TestDatabase } from "@slotbase/prisma/testing";
import { deliverDueNotifications, enqueueBookingNotifications, type BookingChange } from "../../notifications";
import { createBooking, createHost, DEFAULT_ATTENDEES } from "./fixtures";
import { icsLines, icsValue, startMailServer, type ReceivedMail, type TestMailServer } from "../../testing/mail-server";

let db: TestDatabase;
let server: TestMailServer;
const savedEnv = { ...process.env };

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startMailServer();
  process.env.EMAIL_SERVER = server.url;
  delete process.env.EMAIL_FROM;
  process.env.NOTIFICATIONS_SEND_TIMEOUT_MS = "5000";
});
afterAll(async () => {
  process.env = savedEnv;
  await server.close();
  await db.close();
});
beforeEach(() => {
  server.mails.length = 0;
});

async function queue(change: BookingChange): Promise<void> {
  await db.prisma.$transaction((tx) => enqueueBookingNotifications(tx, change));
}

async function queueAndDeliver(change: BookingChange): Promise<ReceivedMail[]> {
  await queue(change);
  const result = await deliverDueNotifications();
  expect(result).toMatchObject({ retried: 0, failed: 0 });
  await server.waitFor(result.sent);
  return [...server.mails];
}

function mailTo(mails: ReceivedMail[], email: string): ReceivedMail {
  const mail = mails.find((m) => m.rcptTo.includes(email));
  if (!mail) throw new Error(`no mail to ${email}; got ${mails.map((m) => m.rcptTo.join(",")).join(" | ")}`);
  return mail;
}

const START = "2030-03-04T09:00:00Z";

describe("booking emails", () => {
  it("created: the host and every attendee get a mail with their own local time and a REQUEST invite", async () => {
    const host = await createHost(db.prisma, { name: "Grace Hopper", timeZone: "Europe/Berlin" });
    const booking = await createBooking(db.prisma, { hostId: host.id, start: START, title: "Intro call" });

    const mails = await queueAndDeliver({ kind: "created", bookingId: booking.id });

    expect(mails).toHaveLength(3);
    expect(mails.map((m) => m.rcptTo).flat().sort()).toEqual([host.email, "ada@example.com", "alan@example.org"].sort());
    expect(mailTo(mails, host.email).subject).toBe("New booking: Intro call on Mon, 4 Mar 2030, 10:00");
    expect(mailTo(mails, "ada@example.com").subject).toBe("New booking: Intro call on Mon, 4 Mar 2030, 04:00");
    expect(mailTo(mails, "alan@example.org").subject).toBe("New booking: Intro call on Mon, 4 Mar 2030, 18:00");

    const ada = mailTo(mails, "ada@example.com");
    expect(ada.from).toBe("Slotbase <no-reply@slotbase.local>");
    expect(ada.mailFrom).toBe("no-reply@slotbase.local");
    expect(ada.to).toContain("ada@example.com");
    expect(ada.text).toContain("Hi Ada Lovelace,");
    expect(ada.text).toContain("Your booking with Grace Hopper is scheduled.");
    expect(ada.text).toContain("When:   Mon, 4 Mar 2030, 04:00 – 04:30 (America/New_York)");
    expect(ada.text).toContain("Where:  https://meet.example.com/intro");
    expect(ada.text).toContain(`Booking reference: ${booking.uid}`);
    expect(mailTo(mails, host.email).text).toContain('Ada Lovelace and Alan Turing booked "Intro call" with you.');

    for (const mail of mails) {
      expect(mail.calendarMethod).toBe("REQUEST");
      expect(icsValue(mail.ics, "METHOD")).toBe("REQUEST");
      expect(icsValue(mail.ics, "UID")).toBe(`${booking.uid}@slotbase`);
      expect(icsValue(mail.ics, "SEQUENCE")).toBe("0");
      expect(icsValue(mail.ics, "STATUS")).toBe("CONFIRMED");
      expect(icsValue(mail.ics, "DTSTART")).toBe("20300304T090000Z");
      expect(icsValue(mail.ics, "DTEND")).toBe("20300304T093000Z");
      expect(icsValue(mail.ics, "DTSTAMP")).toMatch(/^\d{8}T\d{6}Z$/);
      expect(icsValue(mail.ics, "SUMMARY")).toBe("Intro call");
      expect(icsValue(mail.ics, "LOCATION")).toBe("https://meet.example.com/intro");
      expect(icsLines(mail.ics, "ORGANIZER")).toEqual([`ORGANIZER;CN="Grace Hopper":MAILTO:${host.email}`]);
      const attendees = icsLines(mail.ics, "ATTENDEE");
      expect(attendees).toHaveLength(2);
      expect(attendees.join("\n")).toContain("mailto:ada@example.com");
      expect(attendees.join("\n")).toContain("mailto:alan@example.org");
    }

    const rows = await db.prisma.notification.findMany({ where: { bookingId: booking.id } });
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row).toMatchObject({ status: "SUCCEEDED", attempts: 1, channel: "email", template: "booking.created", lastError: null });
      expect(row.sentAt).toBeInstanceOf(Date);
      expect(mailTo(mails, row.recipient).messageId).toBe(`<${row.id}@slotbase.local>`);
    }
  });

  it.each([
    { kind: "requested", status: "PENDING", prefix: "Booking request", method: "REQUEST", icsStatus: "TENTATIVE", sequence: 0 },
    { kind: "confirmed", status: "ACCEPTED", prefix: "Confirmed", method: "REQUEST", icsStatus: "CONFIRMED", sequence: 1 },
    { kind: "declined", status: "REJECTED", prefix: "Declined", method: "CANCEL", icsStatus: "CANCELLED", sequence: 1 },
    { kind: "cancelled", status: "CANCELLED", prefix: "Cancelled", method: "CANCEL", icsStatus: "CANCELLED", sequence: 2 },
  ] as const)("$kind: subject '$prefix: …', METHOD:$method, STATUS:$icsStatus, the booking's SEQUENCE", async ({ kind, status, prefix, method, icsStatus, sequence }) => {
    const host = await createHost(db.prisma, { timeZone: "UTC" });
    const booking = await createBooking(db.prisma, {
      hostId: host.id,
      start: "2030-05-06T14:00:00Z",
      title: "Design review",
      status,
      iCalSequence: sequence,
      cancellationReason: kind === "cancelled" ? "Host is ill" : undefined,
      rejectionReason: kind === "declined" ? "Fully booked that week" : undefined,
    });

    const mails = await queueAndDeliver({ kind, bookingId: booking.id });

    expect(mails.map((m) => m.rcptTo[0]).sort()).toEqual([host.email, ...DEFAULT_ATTENDEES.map((a) => a.email)].sort());
    expect(mailTo(mails, host.email).subject).toBe(`${prefix}: Design review on Mon, 6 May 2030, 14:00`);
    expect(mailTo(mails, "ada@example.com").subject).toBe(`${prefix}: Design review on Mon, 6 May 2030, 10:00`);
    for (const mail of mails) {
      expect(mail.calendarMethod).toBe(method);
      expect(icsValue(mail.ics, "METHOD")).toBe(method);
      expect(icsValue(mail.ics, "STATUS")).toBe(icsStatus);
      expect(icsValue(mail.ics, "UID")).toBe(`${booking.uid}@slotbase`);
      expect(icsValue(mail.ics, "SEQUENCE")).toBe(String(sequence));
    }
    if (kind === "cancelled") expect(mailTo(mails, "ada@example.com").text).toContain("Reason: Host is ill");
    if (kind === "declined") expect(mailTo(mails, "ada@example.com").text).toContain("Reason: Fully booked that week");
    if (kind === "requested") expect(mailTo(mails, host.email).text).toContain("It needs your confirmation.");
    const templates = await db.prisma.notification.findMany({ where: { bookingId: booking.id }, select: { template: true } });
    expect(templates.map((t) => t.template)).toEqual(Array(3).fill(`booking.${kind}`));
  });

  it("rescheduled: the new booking's mails carry the same UID with a higher SEQUENCE, and the old time", async () => {
    const host = await createHost(db.prisma, { timeZone: "Europe/Berlin" });
    const original = await createBooking(db.prisma, { hostId: host.id, start: "2030-06-03T08:00:00Z", title: "Planning" });
    const first = await queueAndDeliver({ kind: "created", bookingId: original.id });
    server.mails.length = 0;

    // What the booking service does: the old booking is cancelled, a new one carries its iCalUID.
    await db.prisma.booking.update({ where: { id: original.id }, data: { status: "CANCELLED", rescheduled: true } });
    const moved = await createBooking(db.prisma, {
      hostId: host.id,
      start: "2030-06-05T12:00:00Z",
      title: "Planning",
      iCalUID: original.iCalUID,
      iCalSequence: original.iCalSequence + 1,
      fromReschedule: original.uid,
    });
    const mails = await queueAndDeliver({
      kind: "rescheduled",
      bookingId: moved.id,
      previousBooking: { uid: original.uid, startTime: original.startTime, endTime: original.endTime },
    });

    expect(mails.map((m) => m.rcptTo[0]).sort()).toEqual(first.map((m) => m.rcptTo[0]).sort());
    expect(mailTo(mails, host.email).subject).toBe("Rescheduled: Planning on Wed, 5 Jun 2030, 14:00");
    expect(mailTo(mails, host.email).text).toContain("Was:    Mon, 3 Jun 2030, 10:00 – 10:30 (Europe/Berlin)");
    for (const mail of mails) {
      const before = mailTo(first, mail.rcptTo[0]);
      expect(icsValue(mail.ics, "UID")).toBe(icsValue(before.ics, "UID"));
      expect(Number(icsValue(mail.ics, "SEQUENCE"))).toBeGreaterThan(Number(icsValue(before.ics, "SEQUENCE")));
      expect(icsValue(mail.ics, "METHOD")).toBe("REQUEST");
      expect(icsValue(mail.ics, "STATUS")).toBe("CONFIRMED");
      expect(icsValue(mail.ics, "DTSTART")).toBe("20300605T120000Z");
    }
  });

  it("rescheduled to another host: the previous host's event is cancelled (same UID), the new host is invited", async () => {
    const oldHost = await createHost(db.prisma, { name: "Old Host", timeZone: "UTC" });
    const newHost = await createHost(db.prisma, { name: "New Host", timeZone: "UTC" });
    const original = await createBooking(db.prisma, { hostId: oldHost.id, start: "2030-07-01T09:00:00Z", status: "CANCELLED", iCalSequence: 0 });
    const moved = await createBooking(db.prisma, {
      hostId: newHost.id,
      start: "2030-07-02T09:00:00Z",
      iCalUID: original.iCalUID,
      iCalSequence: 1,
      fromReschedule: original.uid,
    });

    const mails = await queueAndDeliver({ kind: "rescheduled", bookingId: moved.id, previousBooking: { uid: original.uid, startTime: original.startTime, endTime: original.endTime } });

    expect(mails).toHaveLength(4);
    const former = mailTo(mails, oldHost.email);
    expect(former.subject).toBe("Cancelled: Intro call on Mon, 1 Jul 2030, 09:00");
    expect(former.text).toContain("now hosted by New Host");
    expect(icsValue(former.ics, "METHOD")).toBe("CANCEL");
    expect(icsValue(former.ics, "UID")).toBe(original.iCalUID);
    expect(icsValue(former.ics, "SEQUENCE")).toBe("1");
    expect(icsValue(mailTo(mails, newHost.email).ics, "METHOD")).toBe("REQUEST");
  });

  it("renders from the snapshot taken when queued: later edits of the booking do not change the mail", async () => {
    const host = await createHost(db.prisma);
    const booking = await createBooking(db.prisma, { hostId: host.id, start: "2030-08-01T10:00:00Z", title: "Original title" });
    await queue({ kind: "created", bookingId: booking.id });
    await db.prisma.booking.update({ where: { id: booking.id }, data: { title: "Edited later", startTime: new Date("2030-08-02T10:00:00Z"), endTime: new Date("2030-08-02T10:30:00Z") } });

    await deliverDueNotifications();
    const mails = await server.waitFor(3);
    for (const mail of mails) {
      expect(mail.subject).toMatch(/^New booking: Original title on Thu, 1 Aug 2030/);
      expect(icsValue(mail.ics, "DTSTART")).toBe("20300801T100000Z");
    }
  });

  it("queues nothing when the booking's transaction rolls back", async () => {
    const host = await createHost(db.prisma);
    const booking = await createBooking(db.prisma, { hostId: host.id, start: "2030-09-01T10:00:00Z" });
    await expect(
      db.prisma.$transaction(async (tx) => {
        await enqueueBookingNotifications(tx, { kind: "created", bookingId: booking.id });
        throw new Error("booking failed after queueing");
      }),
    ).rejects.toThrow("booking failed after queueing");
    expect(await db.prisma.notification.count({ where: { bookingId: booking.id } })).toBe(0);
  });

  it("falls back to <uid>@slotbase and SEQUENCE 0 when the booking has no iCalUID", async () => {
    const host = await createHost(db.prisma);
    const booking = await createBooking(db.prisma, { hostId: host.id, start: "2030-10-01T10:00:00Z", iCalUID: null });
    const mails = await queueAndDeliver({ kind: "created", bookingId: booking.id });
    expect(mails.map((m) => icsValue(m.ics, "UID"))).toEqual(Array(3).fill(`${booking.uid}@slotbase`));
    expect(mails.map((m) => icsValue(m.ics, "SEQUENCE"))).toEqual(["0", "0", "0"]);
  });

  it("one mail per address (a host who is also an attendee gets the host's), none to a missing host", async () => {
    const host = await createHost(db.prisma, { email: "Both@Example.com" });
    const booking = await createBooking(db.prisma, {
      hostId: host.id,
      start: "2030-11-01T10:00:00Z",
      attendees: [
        { name: "Host Again", email: "both@example.com", timeZone: "UTC" },
        { name: "Guest", email: "guest@example.com", timeZone: "UTC" },
      ],
    });
    const mails = await queueAndDeliver({ kind: "created", bookingId: booking.id });
    expect(mails.map((m) => m.rcptTo[0].toLowerCase()).sort()).toEqual(["both@example.com", "guest@example.com"]);
    expect(mailTo(mails, "guest@example.com").text).toContain("Your booking with");

    server.mails.length = 0;
    const hostless = await createBooking(db.prisma, { hostId: null, start: "2030-11-02T10:00:00Z" });
    const hostlessMails = await queueAndDeliver({ kind: "cancelled", bookingId: hostless.id });
    expect(hostlessMails.map((m) => m.rcptTo[0]).sort()).toEqual(DEFAULT_ATTENDEES.map((a) => a.email).sort());
    expect(icsLines(hostlessMails[0].ics, "ORGANIZER")).toEqual(['ORGANIZER;CN="Slotbase":MAILTO:no-reply@slotbase.local']);
  });

  it("seated events: attendees do not see each other unless the event type shows them; attendeeIds/includeHost limit who is told", async () => {
    const host = await createHost(db.prisma, { name: "Workshop Host" });
    const eventType = await db.prisma.eventType.create({ data: { title: "Workshop", slug: `workshop-${host.id}`, length: 60, userId: host.id, seatsPerTimeSlot: 10 } });
    const booking = await createBooking(db.prisma, { hostId: host.id, start: "2030-12-02T10:00:00Z", eventTypeId: eventType.id, title: "Workshop" });

    const mails = await queueAndDeliver({ kind: "created", bookingId: booking.id });
    const ada = mailTo(mails, "ada@example.com");
    expect(icsLines(ada.ics, "ATTENDEE")).toHaveLength(1);
    expect(ada.text).not.toContain("alan@example.org");
    expect(icsLines(mailTo(mails, host.email).ics, "ATTENDEE")).toHaveLength(2);

    server.mails.length = 0;
    const newSeat = await db.prisma.attendee.create({ data: { bookingId: booking.id, name: "Late Comer", email: "late@example.com", timeZone: "UTC" } });
    const seatMails = await queueAndDeliver({ kind: "created", bookingId: booking.id, attendeeIds: [newSeat.id] });
    expect(seatMails.map((m) => m.rcptTo[0]).sort()).toEqual([host.email, "late@example.com"].sort());

    // One attendee gives up their seat: only they get the cancellation.
    server.mails.length = 0;
    const seatCancel = await queueAndDeliver({ kind: "cancelled", bookingId: booking.id, attendeeIds: [newSeat.id], includeHost: false });
    expect(seatCancel.map((m) => m.rcptTo[0])).toEqual(["late@example.com"]);
    expect(icsValue(seatCancel[0].ics, "METHOD")).toBe("CANCEL");
  });

  it("uses EMAIL_FROM as the sender", async () => {
    process.env.EMAIL_FROM = "Acme Scheduling <bookings@acme.test>";
    try {
      const host = await createHost(db.prisma);
      const booking = await createBooking(db.prisma, { hostId: host.id, start: "2031-01-06T10:00:00Z", attendees: [{ name: "Zoë Ünal", email: "zoe@example.com", timeZone: "Europe/Istanbul" }] });
      const mails = await queueAndDeliver({ kind: "created", bookingId: booking.id });
      const zoe = mailTo(mails, "zoe@example.com");
      expect(zoe.from).toBe("Acme Scheduling <bookings@acme.test>");
      expect(zoe.mailFrom).toBe("bookings@acme.test");
      expect(zoe.messageId).toMatch(/@acme\.test>$/);
      expect(zoe.text).toContain("Hi Zoë Ünal,");
      expect(zoe.text).toContain("(Europe/Istanbul)");
    } finally {
      delete process.env.EMAIL_FROM;
    }
  });
});
