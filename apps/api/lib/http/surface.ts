/**
 * Which API surface a URL belongs to; each answers errors in its own shape
 * (lib/http/error-response.ts): v1 (Cal.com v1, also /api/v1), v2 (Cal.com v2 bookings and
 * slots), workspace (the workspace calendars of /api/v2/w/{workspace_uuid}) and
 * calendarEvents (seed 001's JSON:API-style calendar-events and customer-accounts).
 */
export type Surface = "v1" | "v2" | "workspace" | "calendarEvents";

export function surfaceOf(url: string | undefined): Surface {
  const path = url ?? "";
  if (/^\/(api\/)?v1\/(calendar-events|customer-accounts)(\/|$|\?)/.test(path)) return "calendarEvents";
  if (/^\/(api\/)?v2\/w(\/|$|\?)/.test(path)) return "workspace";
  return /^\/(api\/)?v2(\/|$|\?)/.test(path) ? "v2" : "v1";
}

export function pathOf(url: string | undefined): string {
  return (url ?? "/").split("?")[0] ?? "/";
}
