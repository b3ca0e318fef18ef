import { getPrisma, Prisma, type MembershipRole } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";

/**
 * Who is calling, worked out once per request from the verified key: the user, whether they
 * are a system admin, the key's team restriction and scopes, the user's accepted team roles
 * and their confirmed email. Every access question in this folder is answered from it, and
 * nothing outside this folder decides access.
 *
 * A key restricted to a team (ApiKey.teamId) narrows everything: it reaches that team's
 * objects (with the user's role there, or a system admin's powers within that team) and its
 * user's own objects, never another team, another user or a key outside the team.
 */
export interface Access {
  readonly userId: number;
  /** The user's role is ADMIN (system-wide), whatever the key's restriction. */
  readonly isSystemAdmin: boolean;
  /** The team the key is restricted to, or null. */
  readonly keyTeamId: number | null;
  /** The key's scopes (empty = everything its user may do). */
  readonly scopes: readonly string[];
  /** A system admin whose key is not restricted to a team: sees and manages everything. */
  readonly seesEverything: boolean;
  /**
   * The user's email, lower-cased, only once it is confirmed (User.emailVerified): rights that
   * come from an email (attendee of a booking) are never granted to an address nobody proved.
   */
  readonly confirmedEmail: string | null;
  /** The user's current email as stored, for records such as `cancelledBy`; it grants nothing. */
  readonly email: string;
  /** Accepted memberships the key may use (pending invitations grant nothing). */
  readonly teamRoles: ReadonlyMap<number, MembershipRole>;
}

const loaded = new WeakMap<AuthContext, Promise<Access>>();

/** The caller's access, loaded at most once per request (one query: the user and their accepted memberships). */
export function accessOf(auth: AuthContext): Promise<Access> {
  let access = loaded.get(auth);
  if (!access) {
    access = load(auth);
    loaded.set(auth, access);
    // A failed load is not remembered: the next question asks the database again.
    access.catch(() => loaded.delete(auth));
  }
  return access;
}

interface CallerRow {
  email: string;
  emailVerified: Date | null;
  memberships: { teamId: number; role: MembershipRole }[];
}

async function load(auth: AuthContext): Promise<Access> {
  const prisma = await getPrisma();
  // One round trip (a Prisma include would be two): every authenticated request waits for it.
  const [user] = await prisma.$queryRaw<CallerRow[]>(Prisma.sql`
    SELECT u.email, u."emailVerified",
      COALESCE(json_agg(json_build_object('teamId', m."teamId", 'role', m.role)) FILTER (WHERE m.id IS NOT NULL), '[]'::json) AS memberships
    FROM "User" u LEFT JOIN "Membership" m ON m."userId" = u.id AND m.accepted
    WHERE u.id = ${auth.userId}
    GROUP BY u.id`);
  const teamRoles = new Map<number, MembershipRole>();
  for (const membership of user?.memberships ?? []) {
    if (auth.teamId === null || membership.teamId === auth.teamId) teamRoles.set(membership.teamId, membership.role);
  }
  return {
    userId: auth.userId,
    isSystemAdmin: auth.isAdmin,
    keyTeamId: auth.teamId,
    scopes: auth.scopes,
    seesEverything: auth.isAdmin && auth.teamId === null,
    confirmedEmail: user?.emailVerified ? user.email.toLowerCase() : null,
    email: user?.email.toLowerCase() ?? "",
    teamRoles,
  };
}

/** Whether the key's team restriction lets it act on this team at all. */
export const keyAllowsTeam = (access: Pick<Access, "keyTeamId">, teamId: number) => access.keyTeamId === null || access.keyTeamId === teamId;

/** A system admin acting within a team the key may reach. */
export const systemAdminIn = (access: Access, teamId: number) => access.isSystemAdmin && keyAllowsTeam(access, teamId);

/**
 * The same access with the caller's role in one team read again through `db`: for changes
 * serialised on the team row, whose rules must see the role as it is under the lock, not as
 * it was when the request began.
 */
export async function withCurrentTeamRole(db: Prisma.TransactionClient, access: Access, teamId: number): Promise<Access> {
  const own = await db.membership.findUnique({ where: { userId_teamId: { userId: access.userId, teamId } }, select: { role: true, accepted: true } });
  const teamRoles = new Map(access.teamRoles);
  if (own?.accepted && keyAllowsTeam(access, teamId)) teamRoles.set(teamId, own.role);
  else teamRoles.delete(teamId);
  return { ...access, teamRoles };
}
