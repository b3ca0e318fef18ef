import { createHash, randomBytes } from "node:crypto";
import { getPrisma, type Prisma } from "@slotbase/prisma";
import { conflict, invalidField } from "../errors/domain-errors";
import { isUniqueViolation } from "../errors/database-errors";
import { emailChangeNotification } from "../notifications/account-emails";
import { kickNotificationDelivery } from "../notifications/worker";

/**
 * A non-admin's new email takes effect only when the new address proves it received a
 * token: single use, valid EMAIL_CHANGE_TTL (24 h), mailed through the notification outbox
 * in the same transaction that records the request. Only the latest request of a user is
 * valid. The token is never stored: EmailChange keeps its SHA-256.
 */
export const EMAIL_CHANGE_TTL_MS = 24 * 60 * 60 * 1000;

type Db = Prisma.TransactionClient;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const emailTaken = (email: string) =>
  conflict(`A user with the email ${email} already exists.`, [{ field: "email", rule: "unique", message: "Email already in use" }]);

interface Requester {
  id: number;
  name: string | null;
  email: string;
  timeZone: string;
}

/** Records the request and queues the mail to the new address; returns when the token expires. */
export async function requestEmailChange(db: Db, user: Requester, newEmail: string, now = new Date()): Promise<Date> {
  if (await db.user.findUnique({ where: { email: newEmail }, select: { id: true } })) throw emailTaken(newEmail);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + EMAIL_CHANGE_TTL_MS);
  await db.emailChange.deleteMany({ where: { userId: user.id } });
  await db.emailChange.create({ data: { userId: user.id, email: newEmail, tokenHash: hashToken(token), expiresAt } });
  await db.notification.createMany({
    data: [
      emailChangeNotification({
        v: 1,
        userId: user.id,
        recipient: { name: user.name ?? "", email: newEmail },
        previousEmail: user.email,
        token,
        expiresAt: expiresAt.toISOString(),
        timeZone: user.timeZone,
      }),
    ],
  });
  return expiresAt;
}

/** Sends the queued confirmation mail without waiting for it. */
export const deliverEmailChangeSoon = () => kickNotificationDelivery();

const badToken = () => invalidField("token", "invalid_token", "Unknown, used or expired token. Request the change again to get a new one");

/**
 * Applies the change the token belongs to, if it is the user's, unused and unexpired: the
 * email becomes the new one, confirmed now; the token (and any other pending change of the
 * user) is gone.
 */
export async function applyEmailChange(userId: number, token: string, now = new Date()): Promise<void> {
  const prisma = await getPrisma();
  await prisma.$transaction(async (db) => {
    const change = await db.emailChange.findUnique({ where: { tokenHash: hashToken(token) } });
    if (!change || change.userId !== userId || change.expiresAt.getTime() <= now.getTime()) throw badToken();
    // Single use: whoever deletes the row applies the change; a concurrent second use finds nothing.
    const { count } = await db.emailChange.deleteMany({ where: { id: change.id } });
    if (count === 0) throw badToken();
    await db.emailChange.deleteMany({ where: { userId } });
    try {
      await db.user.update({ where: { id: userId }, data: { email: change.email, emailVerified: now } });
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken(change.email);
      throw error;
    }
  });
}

/** The address waiting for confirmation, if any (an expired request is no longer pending). */
export async function pendingEmailOf(userId: number, now = new Date()): Promise<string | null> {
  const prisma = await getPrisma();
  const change = await prisma.emailChange.findFirst({
    where: { userId, expiresAt: { gt: now } },
    orderBy: { id: "desc" },
    select: { email: true },
  });
  return change?.email ?? null;
}
