import { getPrisma, type Prisma, type UserModel } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";
import { accessOf } from "../access/access";
import { assertUserAdmin, assertUserVisible, emailChangeIsTrusted, visibleUsersWhere } from "../access/owner-rules";
import { conflict, notFound } from "../errors/domain-errors";
import { isRecordNotFound, isUniqueViolation } from "../errors/database-errors";
import { findPage, type Page, type PageRequest } from "../common/pagination";
import { invalidateKeys } from "../api-keys/key-invalidation";
import { applyEmailChange, deliverEmailChangeSoon, emailTaken, pendingEmailOf, requestEmailChange } from "./email-change";

export type UserCreateInput = Omit<Prisma.UserCreateInput, "id">;
export type UserUpdateInput = Prisma.UserUpdateInput;

/** A user as the services hand it out: the row, and the address waiting for confirmation. */
export type UserView = UserModel & { pendingEmail: string | null };

const usernameTaken = () => conflict("That username is taken.", [{ field: "username", rule: "unique", message: "Username already in use" }]);

function uniqueConflict(error: unknown, email?: string): Error | undefined {
  if (!isUniqueViolation(error)) return undefined;
  const target = JSON.stringify((error as { meta?: unknown }).meta ?? "");
  if (target.includes("username")) return usernameTaken();
  return emailTaken(email ?? "that address");
}

async function view(user: UserModel): Promise<UserView> {
  return { ...user, pendingEmail: await pendingEmailOf(user.id) };
}

export async function getMe(auth: AuthContext): Promise<UserView> {
  return getUser(auth, auth.userId);
}

/** One page of the users the caller may see, and how many they may see in all (Cal.com v1's `total`). */
export async function listUsers(auth: AuthContext, page: PageRequest, filter: { email?: string[] } = {}): Promise<Page<UserView>> {
  const access = await accessOf(auth);
  const prisma = await getPrisma();
  // Emails are stored lower-cased.
  const emails = filter.email?.map((email) => email.toLowerCase());
  const where = emails ? { AND: [visibleUsersWhere(access), { email: { in: emails } }] } : visibleUsersWhere(access);
  const { items: users, total } = await findPage(page, (window) => prisma.user.findMany({ where, orderBy: { id: "asc" }, ...window }), () => prisma.user.count({ where }));
  const pending = await prisma.emailChange.findMany({
    where: { userId: { in: users.map((u) => u.id) }, expiresAt: { gt: new Date() } },
    select: { userId: true, email: true },
  });
  const pendingByUser = new Map(pending.map((p) => [p.userId, p.email]));
  return { items: users.map((user) => ({ ...user, pendingEmail: pendingByUser.get(user.id) ?? null })), total };
}

export async function getUser(auth: AuthContext, userId: number): Promise<UserView> {
  assertUserVisible(await accessOf(auth), userId);
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({ where: { id: userId } });
  if (!user) throw notFound("User");
  return view(user);
}

/** Admins only. The email an admin sets is taken as confirmed: that is trust in the admin. */
export async function createUser(auth: AuthContext, input: UserCreateInput): Promise<UserView> {
  assertUserAdmin(await accessOf(auth), "Only admins can create users.");
  const prisma = await getPrisma();
  const email = input.email.toLowerCase();
  try {
    return view(await prisma.user.create({ data: { ...input, email, emailVerified: new Date() } }));
  } catch (error) {
    throw uniqueConflict(error, email) ?? error;
  }
}

/**
 * Edits a user. A new email from the user themself is not applied: it is mailed a token and
 * becomes the user's email when POST /v1/users/{id}/confirm-email sends it back (the user
 * keeps the old one, and its rights, until then). An unrestricted admin sets emails directly.
 */
export async function updateUser(auth: AuthContext, userId: number, input: UserUpdateInput): Promise<UserView> {
  const access = await accessOf(auth);
  assertUserVisible(access, userId);
  if (input.role !== undefined) assertUserAdmin(access, "Only admins can change a user's role.", "role");
  const prisma = await getPrisma();
  const current = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, timeZone: true } });
  if (!current) throw notFound("User");
  if (input.role === "USER") await assertNotLastAdmin(userId);
  const { email: requested, ...fields } = input;
  const email = typeof requested === "string" ? requested.toLowerCase() : undefined;
  const changesEmail = email !== undefined && email !== current.email;
  const trusted = emailChangeIsTrusted(access);
  let mailQueued = false;
  try {
    const user = await prisma.$transaction(async (db) => {
      const updated = await db.user.update({
        where: { id: userId },
        data: { ...fields, ...(changesEmail && trusted ? { email, emailVerified: new Date() } : {}) },
      });
      if (changesEmail && trusted) await db.emailChange.deleteMany({ where: { userId } });
      if (changesEmail && !trusted) {
        await requestEmailChange(db, current, email!);
        mailQueued = true;
      }
      return updated;
    });
    await invalidateKeys({ userId });
    if (mailQueued) deliverEmailChangeSoon();
    return view(user);
  } catch (error) {
    if (isRecordNotFound(error)) throw notFound("User");
    throw uniqueConflict(error, email) ?? error;
  }
}

/** The token mailed to the new address comes back (with the user's key, or an unrestricted admin's): the email changes now. */
export async function confirmEmailChange(auth: AuthContext, userId: number, token: string): Promise<UserView> {
  assertUserVisible(await accessOf(auth), userId);
  await applyEmailChange(userId, token);
  await invalidateKeys({ userId });
  return getUser(auth, userId);
}

/** Somebody must stay able to administer the installation. */
async function assertNotLastAdmin(userId: number): Promise<void> {
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { role: true } });
  if (user?.role === "ADMIN" && (await prisma.user.count({ where: { role: "ADMIN" } })) <= 1) {
    throw conflict("The last admin cannot be removed or demoted.", [{ rule: "last_admin", message: "This is the last admin" }]);
  }
}

export async function deleteUser(auth: AuthContext, userId: number): Promise<void> {
  assertUserVisible(await accessOf(auth), userId);
  await assertNotLastAdmin(userId);
  const prisma = await getPrisma();
  const { count } = await prisma.user.deleteMany({ where: { id: userId } });
  if (count === 0) throw notFound("User");
  await invalidateKeys({ userId });
}
