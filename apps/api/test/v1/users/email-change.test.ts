import { getPrisma } from "@slotbase/prisma";
import { deliverDueNotifications, EMAIL_CHANGE_TTL_MS } from "@slotbase/features";
import { startMailServer, type TestMailServer } from "@slotbase/features/testing/mail-server";
import { api } from "../../support/api";
import { useTestDatabase } from "../../support/database";
import { createAdmin, createCaller, type Caller } from "../../support/fixtures";
import { createHostedBooking } from "../../support/scheduling";

useTestDatabase();

let mail: TestMailServer;
const savedEnv = { ...process.env };

beforeAll(async () => {
  mail = await startMailServer();
  process.env.EMAIL_SERVER = mail.url;
  process.env.NOTIFICATIONS_SEND_TIMEOUT_MS = "5000";
});
afterAll(async () => {
  process.env = savedEnv;
  await mail.close();
});

/** Delivers the outbox to the SMTP server and returns the token the mail to `address` carries. */
async function tokenMailedTo(address: string): Promise<string> {
  await deliverDueNotifications();
  const received = mail.mails.filter((m) => m.to.includes(address));
  expect(received).toHaveLength(1);
  const [message] = received;
  expect(message!.subject).toBe("Confirm your new email address");
  const token = /^ {4}(\S{20,})$/m.exec(message!.text)?.[1];
  expect(token).toBeDefined();
  return token!;
}

const changeEmail = (caller: Caller, email: string, key = caller.key) =>
  api("PATCH /v1/users/{id}", { params: { id: caller.user.id }, key, body: { email } });
const confirm = (caller: Caller, token: string, key = caller.key) =>
  api("POST /v1/users/{id}/confirm-email", { params: { id: caller.user.id }, key, body: { token } });

describe("a user's email change waits for the new address to confirm it", () => {
  it("keeps the old email, shows the pending one, mails a token, and switches on confirmation", async () => {
    const user = await createCaller();
    const requested = await changeEmail(user, "New.Address@Example.com");
    expect(requested.status).toBe(200);
    expect(requested.body.user.email).toBe(user.user.email);
    expect(requested.body.user.pendingEmail).toBe("new.address@example.com");

    const token = await tokenMailedTo("new.address@example.com");
    const prisma = await getPrisma();
    // The database keeps only the token's hash; the sent mail's outbox row no longer holds it.
    expect(JSON.stringify(await prisma.emailChange.findMany())).not.toContain(token);
    expect(JSON.stringify(await prisma.notification.findMany({ where: { template: "account.email-change" } }))).not.toContain(token);

    const confirmed = await confirm(user, token);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.user.email).toBe("new.address@example.com");
    expect(confirmed.body.user.pendingEmail).toBeNull();
    expect(new Date(confirmed.body.user.emailVerified).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("accepts a token once", async () => {
    const user = await createCaller();
    await changeEmail(user, `once-${user.user.id}@example.com`);
    const token = await tokenMailedTo(`once-${user.user.id}@example.com`);
    expect((await confirm(user, token)).status).toBe(200);
    const again = await confirm(user, token);
    expect(again.status).toBe(400);
    expect(again.body.details).toEqual([expect.objectContaining({ field: "body.token", rule: "invalid_token" })]);
  });

  it("honours only the latest request", async () => {
    const user = await createCaller();
    await changeEmail(user, `first-${user.user.id}@example.com`);
    const first = await tokenMailedTo(`first-${user.user.id}@example.com`);
    await changeEmail(user, `second-${user.user.id}@example.com`);
    const second = await tokenMailedTo(`second-${user.user.id}@example.com`);
    expect((await confirm(user, first)).status).toBe(400);
    const confirmed = await confirm(user, second);
    expect(confirmed.body.user.email).toBe(`second-${user.user.id}@example.com`);
  });

  it("refuses an expired token", async () => {
    const user = await createCaller();
    await changeEmail(user, `late-${user.user.id}@example.com`);
    const token = await tokenMailedTo(`late-${user.user.id}@example.com`);
    const prisma = await getPrisma();
    await prisma.emailChange.updateMany({ where: { userId: user.user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await confirm(user, token)).status).toBe(400);
    const shown = await api("GET /v1/users/{id}", { params: { id: user.user.id }, key: user.key });
    expect(shown.body.user.pendingEmail).toBeNull();
    expect(shown.body.user.email).toBe(user.user.email);
  });

  it("lets tokens live EMAIL_CHANGE_TTL_MS (24 hours)", async () => {
    const user = await createCaller();
    const before = Date.now();
    await changeEmail(user, `ttl-${user.user.id}@example.com`);
    const prisma = await getPrisma();
    const [change] = await prisma.emailChange.findMany({ where: { userId: user.user.id } });
    expect(EMAIL_CHANGE_TTL_MS).toBe(24 * 3_600_000);
    expect(change!.expiresAt.getTime()).toBeGreaterThanOrEqual(before + EMAIL_CHANGE_TTL_MS);
    expect(change!.expiresAt.getTime()).toBeLessThan(Date.now() + EMAIL_CHANGE_TTL_MS + 1000);
  });

  it("is the user's own token: someone else's key gets a 404 and changes nothing", async () => {
    const user = await createCaller();
    const other = await createCaller();
    await changeEmail(user, `mine-${user.user.id}@example.com`);
    const token = await tokenMailedTo(`mine-${user.user.id}@example.com`);
    expect((await confirm(user, token, other.key)).status).toBe(404);
    // Nor may the other user confirm it as their own.
    const asOther = await api("POST /v1/users/{id}/confirm-email", { params: { id: other.user.id }, key: other.key, body: { token } });
    expect(asOther.status).toBe(400);
    expect((await confirm(user, token)).status).toBe(200);
  });

  it("refuses an address another user has (409) and one taken while waiting", async () => {
    const user = await createCaller();
    const other = await createCaller();
    const taken = await changeEmail(user, other.user.email);
    expect(taken.status).toBe(409);
    expect(taken.body.details).toEqual([expect.objectContaining({ field: "body.email", rule: "unique" })]);

    const wanted = `contested-${user.user.id}@example.com`;
    await changeEmail(user, wanted);
    const token = await tokenMailedTo(wanted);
    const admin = await createAdmin();
    expect((await changeEmail(other, wanted, admin.key)).status).toBe(200);
    const late = await confirm(user, token);
    expect(late.status).toBe(409);
    expect(late.body.details).toEqual([expect.objectContaining({ field: "body.email" })]);
  });

  it("lets an unrestricted admin set an email directly, as confirmed (trust in the admin)", async () => {
    const admin = await createAdmin();
    const user = await createCaller({ emailConfirmed: false });
    const result = await changeEmail(user, `set-by-admin-${user.user.id}@example.com`, admin.key);
    expect(result.status).toBe(200);
    expect(result.body.user.email).toBe(`set-by-admin-${user.user.id}@example.com`);
    expect(result.body.user.emailVerified).not.toBeNull();
    expect(result.body.user.pendingEmail).toBeNull();
  });
});

describe("attendee rights come only from a confirmed email (the takeover of issue 9)", () => {
  it("B setting their email to the attendee address of A's booking gains nothing", async () => {
    const a = await createCaller();
    const b = await createCaller();
    const { booking } = await createHostedBooking(a, { attendees: 1 });
    const prisma = await getPrisma();
    const [attendee] = await prisma.attendee.findMany({ where: { bookingId: booking.id } });

    const patched = await changeEmail(b, attendee!.email);
    expect(patched.status).toBe(200);
    expect(patched.body.user.email).toBe(b.user.email);

    const read = await api("GET /v2/bookings/{bookingUid}", { params: { bookingUid: booking.uid }, key: b.key });
    expect(read.status).toBe(404);
    const cancel = await api("POST /v2/bookings/{bookingUid}/cancel", { params: { bookingUid: booking.uid }, key: b.key, body: {} });
    expect(cancel.status).toBe(404);
    const list = await api("GET /v2/bookings", { key: b.key });
    expect(list.body.data.map((item: { uid: string }) => item.uid)).not.toContain(booking.uid);
    const v1 = await api("GET /v1/bookings/{id}", { params: { id: booking.id }, key: b.key });
    expect(v1.status).toBe(404);
    expect((await prisma.booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe("ACCEPTED");
  });

  it("a user whose email was never confirmed does not see the bookings that address attends", async () => {
    const host = await createCaller();
    const unconfirmed = await createCaller({ emailConfirmed: false });
    const { booking } = await createHostedBooking(host, { attendees: 0 });
    const prisma = await getPrisma();
    await prisma.attendee.create({ data: { bookingId: booking.id, email: unconfirmed.user.email, name: "Guest", timeZone: "UTC" } });
    expect((await api("GET /v2/bookings/{bookingUid}", { params: { bookingUid: booking.uid }, key: unconfirmed.key })).status).toBe(404);
    await prisma.user.update({ where: { id: unconfirmed.user.id }, data: { emailVerified: new Date() } });
    expect((await api("GET /v2/bookings/{bookingUid}", { params: { bookingUid: booking.uid }, key: unconfirmed.key })).status).toBe(200);
  });
});
