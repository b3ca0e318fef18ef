import type { UserRole } from "@slotbase/prisma";

/** Who is calling, as established by a verified API key. HTTP-agnostic. */
export interface AuthContext {
  userId: number;
  role: UserRole;
  isAdmin: boolean;
  apiKeyId: string;
  /** Empty = unrestricted (everything the user may do). */
  scopes: string[];
  /** When set, the key may act only within this team/workspace. */
  teamId: number | null;
  /** The key's own requests-per-minute limit (null or absent: the deployment's; 0: unlimited). */
  rateLimitPerMinute?: number | null;
}
