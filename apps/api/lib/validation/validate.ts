import { HttpError } from "../http/http-error";
import type { z } from "zod";
import { describeDetails, issuesToDetails, type InputLocation } from "./zod-issues";

/**
 * The job next-validations did for Cal.com, for zod 4 (next-validations 1.1 cannot: see
 * README): parse, and either return the typed, coerced value or throw a 400 that names
 * every offending field and rule.
 */
export function validate<S extends z.ZodType>(schema: S, location: InputLocation, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = issuesToDetails(location, result.error.issues);
  throw new HttpError("validation_error", describeDetails(details), { details });
}
