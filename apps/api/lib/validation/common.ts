import { z } from "zod";

export const INT32_MAX = 2_147_483_647;

/** A database integer id from the path or query (`"12"` → 12); anything else is a 400, never a 500. */
export const idParam = z.coerce.number({ error: "Must be a positive integer" }).int().positive().max(INT32_MAX);

export const int32 = () => z.number().int().min(-INT32_MAX - 1).max(INT32_MAX);

/** An ISO 8601 instant with an offset or Z, within years the database can store. */
export const isoDateTime = () =>
  z.iso
    .datetime({ offset: true, error: "Must be an ISO 8601 date-time with a time zone offset, e.g. 2027-03-28T09:00:00Z" })
    .transform((value) => new Date(value))
    .refine((date) => date.getUTCFullYear() >= 1970 && date.getUTCFullYear() <= 9999, "Year out of range");

const knownZones = new Map<string, boolean>();

/**
 * An IANA time-zone name the runtime's tz database knows, aliases included (Asia/Kolkata
 * and Asia/Calcutta both; Intl.supportedValuesOf lists only one of them).
 */
export function isIanaTimeZone(value: string): boolean {
  const known = knownZones.get(value);
  if (known !== undefined) return known;
  let valid = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(value) && value.length <= 64;
  if (valid) {
    try {
      // Building a formatter is the costly part of checking (hundreds of µs): remember the answer.
      new Intl.DateTimeFormat("en-US", { timeZone: value });
    } catch {
      valid = false;
    }
  }
  if (knownZones.size >= 2_000) knownZones.clear();
  knownZones.set(value, valid);
  return valid;
}

export const timeZone = () =>
  z.string().refine(isIanaTimeZone, { error: "Must be an IANA time zone, e.g. Europe/Berlin" });

/** One value, the parameter repeated, or comma-separated values: always a list. */
export const listParam = () =>
  z
    .union([z.string().max(4000), z.array(z.string().max(4000)).max(100)])
    .transform((value) =>
      (Array.isArray(value) ? value : [value])
        .flatMap((part) => part.split(","))
        .map((part) => part.trim())
        .filter(Boolean),
    );

/** `true`/`false` (also 1/0) in a query string. */
export const queryBoolean = () =>
  z
    .enum(["true", "false", "1", "0"], { error: "Must be true or false" })
    .transform((value) => value === "true" || value === "1");

export const PAGE_SIZE_DEFAULT = 10;
export const PAGE_SIZE_MAX = 100;
