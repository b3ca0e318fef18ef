import { getPrisma, type Prisma, type UserModel } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";
import { conflict, forbidden, HttpError, notFound } from "../errors/http-error";
import { isRecordNotFound, isUniqueViolation } from "../errors/database-errors";
import { toSkipTake, type PageRequest } from "../common/pagination";
import { verifiedKeyCache } from "../api-keys/verified-key-cache";

export type UserCreateInput = Omit<Prisma.UserCreateInput, "id">;
export type UserUpdateInput = Prisma.UserUpdateInput;

const emailTaken = (email: string) =>
  conflict(`A user with the email ${email} already exists.`, [{ field: "body.email", rule: "unique", message: "Email already in use" }]);
const usernameTaken = () =>
  conflict("That username is taken.", [{ field: "body.username", rule: "unique", message: "Username already in use" }]);

function uniqueConflict(error: unknown, email?: string): HttpError | undefined {
  if (!isUniqueViolation(error)) return undefined;
  const target = JSON.stringify((error as { meta?: unknown }).meta ?? "");
  if (target.includes("username")) return usernameTaken();
  return emailTaken(email ?? "that address");
}

/** A non-admin may only see and change themself; anyone else's id does not exist for them. */
function assertCanAccess(auth: AuthContext, userId: number): void {
  if (!auth.isAdmin && auth.userId !== userId) throw notFound("User");
}

export async function getMe(auth: AuthContext): Promise<UserModel> {
  return getUser(auth, auth.userId);
}

export async function listUsers(auth: AuthContext, page: PageRequest): Promise<UserModel[]> {
  const prisma = await getPrisma();
  return prisma.user.findMany({
    where: auth.isAdmin ? {} : { id: auth.userId },
    orderBy: { id: "asc" },
    ...toSkipTake(page),
  });
}

export async function getUser(auth: AuthContext, userId: number): Promise<UserModel> {
  assertCanAccess(auth, userId);
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({ where: { id: userId } });
  if (!user) throw notFound("User");
  return user;
}

export async function createUser(auth: AuthContext, input: UserCreateInput): Promise<UserModel> {
  if (!auth.isAdmin) throw forbidden("Only admins can create users.");
  const prisma = await getPrisma();
  const email = input.email.toLowerCase();
  try {
    return await prisma.user.create({ data: { ...input, email } });
  } catch (error) {
    throw uniqueConflict(error, email) ?? error;
  }
}

export async function updateUser(auth: AuthContext, userId: number, input: UserUpdateInput): Promise<UserModel> {
  assertCanAccess(auth, userId);
  if (!auth.isAdmin && input.role !== undefined) throw forbidden("Only admins can change a user's role.");
  const prisma = await getPrisma();
  if (input.role === "USER") await assertNotLastAdmin(userId);
  const email = typeof input.email === "string" ? input.email.toLowerCase() : undefined;
  try {
    const user = await prisma.user.update({ where: { id: userId }, data: { ...input, ...(email ? { email } : {}) } });
    verifiedKeyCache.dropUser(userId);
    return user;
  } catch (error) {
    if (isRecordNotFound(error)) throw notFound("User");
    throw uniqueConflict(error, email) ?? error;
  }
}

/** Somebody must stay able to administer the installation. */
async function assertNotLastAdmin(userId: number): Promise<void> {
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { role: true } });
  if (user?.role === "ADMIN" && (await prisma.user.count({ where: { role: "ADMIN" } })) <= 1) {
    throw conflict("The last admin cannot be removed or demoted.");
  }
}

export async function deleteUser(auth: AuthContext, userId: number): Promise<void> {
  assertCanAccess(auth, userId);
  await assertNotLastAdmin(userId);
  const prisma = await getPrisma();
  const { count } = await prisma.user.deleteMany({ where: { id: userId } });
  if (count === 0) throw notFound("User");
  verifiedKeyCache.dropUser(userId);
}
