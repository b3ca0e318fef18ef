import type { ErrorDetail } from "../http/http-error";
import type { z } from "zod";

export type InputLocation = "query" | "body";

/** Zod issues as error details that name the field (`body.email`) and the rule (`invalid_format`). */
export function issuesToDetails(location: InputLocation, issues: z.core.$ZodIssue[]): ErrorDetail[] {
  return issues.flatMap((issue) => {
    const base = [location, ...issue.path.map(String)].join(".");
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ field: `${base}.${key}`, rule: "unrecognized_key", message: `Unknown field "${key}"` }));
    }
    return [{ field: base, rule: issue.code, message: issue.message }];
  });
}

export function describeDetails(details: ErrorDetail[]): string {
  const shown = details.slice(0, 3).map((d) => `${d.field}: ${d.message}`);
  const more = details.length > 3 ? ` (and ${details.length - 3} more)` : "";
  return `Invalid request. ${shown.join("; ")}${more}.`;
}
