import { invalidField } from "../errors/domain-errors";

export type BookingSortField = "startTime" | "endTime" | "createdAt" | "updatedAt";
export type SortOrder = "asc" | "desc";

/** Where the previous page ended: its last booking's sort value and id (the tie-breaker). */
export interface BookingCursor {
  value: Date;
  id: number;
}

interface CursorPayload {
  v: 1;
  f: BookingSortField;
  o: SortOrder;
  t: string;
  id: number;
}

/** An opaque, URL-safe cursor naming the sort it belongs to, so that it cannot be replayed under another. */
export function encodeBookingCursor(sort: { field: BookingSortField; order: SortOrder }, last: { id: number } & Record<BookingSortField, Date>): string {
  const value = last[sort.field];
  const payload: CursorPayload = { v: 1, f: sort.field, o: sort.order, t: value.toISOString(), id: last.id };
  return Buffer.from(JSON.stringify(payload)).toString("base64url");
}

export function decodeBookingCursor(cursor: string, sort: { field: BookingSortField; order: SortOrder }): BookingCursor {
  let payload: Partial<CursorPayload>;
  try {
    payload = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Partial<CursorPayload>;
  } catch {
    throw invalidField("cursor", "format", "Not a cursor this API returned: send pagination.nextCursor unchanged");
  }
  const value = typeof payload.t === "string" ? new Date(payload.t) : undefined;
  if (payload.v !== 1 || !value || Number.isNaN(value.getTime()) || !Number.isSafeInteger(payload.id)) {
    throw invalidField("cursor", "format", "Not a cursor this API returned: send pagination.nextCursor unchanged");
  }
  if (payload.f !== sort.field || payload.o !== sort.order) {
    throw invalidField("cursor", "sort", "This cursor belongs to another sort order: send the same sort parameters as the first page");
  }
  return { value, id: payload.id! };
}
