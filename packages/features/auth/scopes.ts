/**
 * Key scopes: `<resource>:read`, `<resource>:write`, `<resource>:admin`.
 * write implies read, admin implies write. A key without scopes may do whatever its
 * user may (the Cal.com v1 behaviour).
 */
export const SCOPE_RESOURCES = [
  "users",
  "api-keys",
  "teams",
  "memberships",
  "schedules",
  "availabilities",
  "event-types",
  "slots",
  "bookings",
  "attendees",
  "booking-references",
  "payments",
  "blockers",
  "webhooks",
  "calendars",
  "destination-calendars",
  "selected-calendars",
] as const;

export type ScopeResource = (typeof SCOPE_RESOURCES)[number];
export const SCOPE_LEVELS = ["read", "write", "admin"] as const;
export type ScopeLevel = (typeof SCOPE_LEVELS)[number];
export type Scope = `${ScopeResource}:${ScopeLevel}`;

export const ALL_SCOPES: Scope[] = SCOPE_RESOURCES.flatMap((resource) =>
  SCOPE_LEVELS.map((level) => `${resource}:${level}` as Scope),
);

const LEVEL_RANK: Record<ScopeLevel, number> = { read: 0, write: 1, admin: 2 };

export function isScope(value: string): value is Scope {
  return (ALL_SCOPES as string[]).includes(value);
}

/** Does a key holding `granted` satisfy `required`? An empty grant list means "unrestricted". */
export function scopeSatisfied(granted: readonly string[], required: Scope): boolean {
  if (granted.length === 0) return true;
  const [resource, level] = required.split(":") as [ScopeResource, ScopeLevel];
  return granted.some((scope) => {
    const [grantedResource, grantedLevel] = scope.split(":") as [string, ScopeLevel];
    return grantedResource === resource && LEVEL_RANK[grantedLevel] >= LEVEL_RANK[level];
  });
}
