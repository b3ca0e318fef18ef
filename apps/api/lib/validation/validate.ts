import { HttpError } from "../http/http-error";
import type { z } from "zod";
import { describeDetails, inputErrorMap, issuesToDetails, type InputLocation, type LocationOf } from "./zod-issues";

/**
 * The job next-validations did for Cal.com, for zod 4 (next-validations 1.1 cannot: see
 * README): parse, and either return the typed, coerced value or throw a 400 that names
 * every offending field and rule, in words a person reads (zod-issues.ts).
 */
export function validate<S extends z.ZodType>(schema: S, location: InputLocation, input: unknown): z.output<S> {
  const result = parseInput(schema, location, input);
  if (result.success) return result.data;
  throw new HttpError("validation_error", describeDetails(result.details), { details: result.details });
}

/** safeParse with this API's messages: the value, or the error details (one per field). */
export function parseInput<S extends z.ZodType>(
  schema: S,
  location: InputLocation | LocationOf,
  input: unknown,
): { success: true; data: z.output<S> } | { success: false; details: ReturnType<typeof issuesToDetails> } {
  const result = schema.safeParse(input, { error: inputErrorMap(location) });
  if (result.success) return { success: true, data: result.data };
  return { success: false, details: issuesToDetails(location, result.error.issues, input) };
}
