import { api } from "./api";
import type { Caller } from "./fixtures";

/** POST /v2/bookings as `caller`. */
export const bookV2 = (caller: Caller, body: Record<string, unknown>) => api("POST /v2/bookings", { key: caller.key, body });

/** GET /v2/bookings as `caller`, with a cal-api-version header when given (2026-05-01: cursor paging). */
export const listV2 = (caller: Caller, query: Record<string, string>, version?: string) =>
  api("GET /v2/bookings", { key: caller.key, query, headers: version ? { "cal-api-version": version } : {} });
