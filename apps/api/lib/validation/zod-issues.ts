import type { ErrorDetail } from "../http/http-error";
import { z } from "zod";

/**
 * Where an input was sent. Path parameters arrive in `req.query` like query parameters (Next
 * merges them), but they are reported as `path.<name>` (query-input.ts tells them apart).
 */
export type InputLocation = "path" | "query" | "body";

/** The location of each top-level input name (path parameters and query parameters share one object). */
export type LocationOf = (name: string) => InputLocation;

/*
 * Validation messages a person understands, for every schema of every operation: zod's own
 * texts ("Invalid input: expected string, received undefined") never reach a client. Parsing
 * runs with `inputErrorMap`, which words each issue zod raises as a predicate ("is required",
 * "must be a string"); messages a schema gives itself ("Must be an email address") outrank it,
 * as zod ranks a schema's own `error` above the parse's. issuesToDetails then puts the field's
 * name in front ("start is required", "email must be an email address") and keeps one message
 * per field: the most telling one (missing, then wrong type, then the schema's own rule, then
 * format, then size).
 */

type RawIssue = z.core.$ZodRawIssue;

const A_OR_AN = (noun: string) => (/^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`);

const TYPE_NAMES: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "an integer",
  bigint: "an integer",
  boolean: "true or false",
  array: "a list",
  tuple: "a list",
  set: "a list",
  object: "an object",
  record: "an object",
  map: "an object",
  date: "a date",
  null: "null",
};

/** What a value is, in the words TYPE_NAMES uses (without repeating the value: it may be long, or a secret). */
function kindOf(value: unknown): string | undefined {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "number") return Number.isNaN(value) ? undefined : "a number";
  if (typeof value === "string") return "a string";
  if (typeof value === "boolean") return "a boolean";
  if (typeof value === "object") return "an object";
  return undefined;
}

/** A schema's short description ("A date (2027-03-22) or an ISO 8601 date-time"), to say what a value should look like. */
function descriptionOf(schema: unknown): string | undefined {
  if (!schema || typeof schema !== "object") return undefined;
  const description = z.globalRegistry.get(schema as z.core.$ZodType)?.description;
  if (!description) return undefined;
  const first = description.split(/\.\s/)[0]!.replace(/\.$/, "").trim();
  if (first.length === 0 || first.length > 120) return undefined;
  return first.charAt(0).toLowerCase() + first.slice(1);
}

const quoteList = (values: readonly unknown[]) => values.map((value) => (typeof value === "string" ? value : JSON.stringify(value))).join(", ");

function sizeLimit(issue: { origin: string; inclusive?: boolean; exact?: boolean }, bound: number | bigint, side: "min" | "max"): string {
  const atLeast = side === "min" ? "at least" : "at most";
  const beyond = side === "min" ? "more than" : "less than";
  const limit = issue.exact ? "exactly" : issue.inclusive === false ? beyond : atLeast;
  switch (issue.origin) {
    case "string":
      if (side === "min" && Number(bound) === 1 && !issue.exact) return "must not be empty";
      return `must be ${limit} ${bound} character${Number(bound) === 1 ? "" : "s"} long`;
    case "array":
    case "set":
      if (side === "min" && Number(bound) === 1 && !issue.exact) return "must not be empty";
      return `must have ${limit} ${bound} item${Number(bound) === 1 ? "" : "s"}`;
    case "date": {
      const when = new Date(Number(bound)).toISOString();
      return side === "min" ? `must be ${issue.inclusive === false ? "after" : "on or after"} ${when}` : `must be ${issue.inclusive === false ? "before" : "on or before"} ${when}`;
    }
    default:
      if (issue.exact) return `must be exactly ${bound}`;
      if (issue.inclusive === false) return `must be ${side === "min" ? "greater" : "less"} than ${bound}`;
      return `must be ${atLeast} ${bound}`;
  }
}

const FORMATS: Record<string, string> = {
  email: "must be an email address",
  url: "must be a URL",
  uuid: "must be a UUID",
  guid: "must be a UUID",
  datetime: "must be an ISO 8601 date-time, e.g. 2027-03-28T09:00:00Z",
  date: "must be a date, YYYY-MM-DD",
  time: "must be a time of day, HH:mm",
  duration: "must be an ISO 8601 duration",
  lowercase: "must be lowercase",
  uppercase: "must be uppercase",
  regex: "does not have the expected format",
};

/**
 * What a union takes, when each branch failed on the value's type or value alone: `a string or
 * a list`, `one of: 12, 24`.
 */
function unionAlternatives(errors: readonly (readonly z.core.$ZodIssue[])[]): string | undefined {
  const types: string[] = [];
  const values: unknown[] = [];
  for (const branch of errors) {
    const only = branch.length === 1 && branch[0]!.path.length === 0 ? branch[0]! : undefined;
    if (only?.code === "invalid_type" && TYPE_NAMES[only.expected]) types.push(TYPE_NAMES[only.expected]!);
    else if (only?.code === "invalid_value") values.push(...only.values);
    else return undefined;
  }
  const alternatives = [...new Set(types)];
  if (values.length > 0) alternatives.push(values.length === 1 && alternatives.length > 0 ? quoteList(values) : `one of: ${quoteList(values)}`);
  return alternatives.length === 0 ? undefined : alternatives.join(" or ");
}

/**
 * The message for an issue zod raises without one of the schema's own: a predicate the field's
 * name is put in front of ("is required", "must be a string, not a list").
 */
function predicateFor(issue: RawIssue, location: InputLocation | undefined): string {
  switch (issue.code) {
    case "invalid_type": {
      if (issue.input === undefined) return "is required";
      if (location !== "body" && Array.isArray(issue.input) && issue.expected !== "array") return "must be sent once, not repeated";
      const expected = TYPE_NAMES[issue.expected] ?? A_OR_AN(String(issue.expected));
      const received = kindOf(issue.input);
      const description = descriptionOf(issue.inst);
      return `must be ${expected}${description ? ` (${description})` : ""}${received && received !== expected ? `, not ${received}` : ""}`;
    }
    case "too_small":
      return sizeLimit(issue, issue.minimum, "min");
    case "too_big":
      return sizeLimit(issue, issue.maximum, "max");
    case "invalid_format": {
      const format = issue.format;
      if (format === "starts_with" && "prefix" in issue) return `must start with "${String(issue.prefix)}"`;
      if (format === "ends_with" && "suffix" in issue) return `must end with "${String(issue.suffix)}"`;
      if (format === "includes" && "includes" in issue) return `must contain "${String(issue.includes)}"`;
      return FORMATS[format] ?? `must be ${A_OR_AN(`valid ${format}`)}`;
    }
    case "not_multiple_of":
      return `must be a multiple of ${issue.divisor}`;
    case "invalid_value":
      return issue.values.length === 1 ? `must be ${quoteList(issue.values)}` : `must be one of: ${quoteList(issue.values)}`;
    case "invalid_union": {
      if (issue.input === undefined) return "is required";
      const errors = "errors" in issue ? issue.errors : [];
      const alternatives = unionAlternatives(errors);
      if (alternatives) return `must be ${alternatives}`;
      // One branch took the value's type and failed on a rule of its own: that rule is the answer.
      const fitting = errors.filter((branch) => !branch.every((inner) => inner.code === "invalid_type" && inner.path.length === 0));
      if (fitting.length === 1 && fitting[0]![0]!.path.length === 0) return fitting[0]![0]!.message;
      return "does not have any of the accepted forms";
    }
    case "invalid_key":
      return "has a key that is not valid";
    case "invalid_element":
      return "has a value that is not valid";
    case "unrecognized_keys":
      return `has unknown field${issue.keys.length === 1 ? "" : "s"}: ${issue.keys.join(", ")}`;
    default:
      return "is not valid";
  }
}

/**
 * The parse-wide error map (zod's `safeParse(input, { error })`): every issue a schema does not
 * word itself gets a predicate here. `location` lets a repeated query parameter read as such.
 */
export function inputErrorMap(location?: InputLocation | LocationOf): z.core.$ZodErrorMap {
  return (issue) => {
    const top = issue.path?.[0];
    const where = typeof location === "function" ? (top === undefined ? undefined : location(String(top))) : location;
    return predicateFor(issue, where);
  };
}

/** `attendees[0].email`: the field as a person writes it. */
export function displayName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((name, segment) => {
    if (typeof segment === "number") return `${name}[${segment}]`;
    return name === "" ? String(segment) : `${name}.${String(segment)}`;
  }, "");
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function mentions(message: string, name: string): boolean {
  return new RegExp(`(^|[^A-Za-z0-9_])${escapeRegExp(name)}($|[^A-Za-z0-9_])`).test(message);
}

/** Predicates (this module's own wording) begin with one of these. */
const PREDICATE = /^(must|is|has|does) /;

/**
 * A message that names its field: a predicate gets the name in front ("start is required"), a
 * schema's or service's "Must be …" reads "start must be …", a bare noun phrase ("A #rrggbb
 * colour") reads "color must be a #rrggbb colour", a message that already names the field is
 * kept, and anything else is prefixed ("slug: Lowercase letters, digits and '-'").
 */
export function nameField(name: string, message: string, options: { nounPhrases?: boolean; prefix?: boolean } = {}): string {
  if (name === "") return message;
  if (PREDICATE.test(message)) return `${name} ${message}`;
  if (/^Must\b/.test(message)) return `${name} must${message.slice(4)}`;
  if (options.nounPhrases && /^An? /.test(message)) return `${name} must be ${message.charAt(0).toLowerCase()}${message.slice(1)}`;
  // "Send email, or phoneNumber …" names attendee.email well enough.
  const leaf = name.replace(/^.*[.\]]/, "");
  if (options.prefix === false || mentions(message, name) || (leaf !== "" && mentions(message, leaf))) return message;
  return `${name}: ${message}`;
}

/** How telling an issue is; the lowest rank is the one message kept for its field. */
function rankOf(issue: z.core.$ZodIssue, missing: boolean): number {
  if (missing) return 0;
  switch (issue.code) {
    case "invalid_type":
      return 1;
    case "custom":
      return 2;
    case "invalid_format":
    case "invalid_value":
    case "invalid_union":
    case "invalid_key":
    case "invalid_element":
      return 3;
    default:
      return 4;
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const segment of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment as string];
  }
  return value;
}

const ROOT_NAMES: Record<InputLocation, string> = { body: "The request body", query: "The query", path: "The path" };

/**
 * Zod issues as error details: each names where the field was sent (`query.start`, `path.id`,
 * `body.attendees.0.email`) and its rule (`invalid_type`, `too_small`…), with a message that
 * names the field, one per field. `input` is what was parsed: a missing field reads "is
 * required" even where the schema words its other failures itself.
 */
export function issuesToDetails(location: InputLocation | LocationOf, issues: readonly z.core.$ZodIssue[], input?: unknown): ErrorDetail[] {
  const locate = typeof location === "function" ? location : () => location;
  const rootLocation = typeof location === "function" ? "query" : location;
  const kept = new Map<string, { rank: number; detail: ErrorDetail }>();
  const order: string[] = [];
  const keep = (detail: ErrorDetail & { field: string }, rank: number) => {
    const current = kept.get(detail.field);
    if (!current) order.push(detail.field);
    if (!current || rank < current.rank) kept.set(detail.field, { rank, detail });
  };
  for (const issue of issues) {
    const path = issue.path.map((segment) => (typeof segment === "symbol" ? String(segment) : segment)) as (string | number)[];
    const where = path.length > 0 ? locate(String(path[0])) : rootLocation;
    const base = [where, ...path.map(String)].join(".");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const name = displayName([...path, key]);
        keep({ field: `${base}.${key}`, rule: "unrecognized_key", message: `Unknown field "${name}"` }, 0);
      }
      continue;
    }
    // The map words a missing value "is required"; a schema's own message for its type (an email
    // field's "Must be an email address") does not say so, but what was sent does.
    const missing =
      issue.message === "is required" ||
      (issue.code === "invalid_type" && !PREDICATE.test(issue.message) && input !== undefined && valueAt(input, path) === undefined);
    const name = path.length > 0 ? displayName(path) : ROOT_NAMES[where];
    const message = missing ? `${name} is required` : path.length > 0 || PREDICATE.test(issue.message) ? nameField(name, issue.message, { nounPhrases: true }) : issue.message;
    keep({ field: base, rule: issue.code, message }, rankOf(issue, missing));
  }
  return order.map((field) => kept.get(field)!.detail);
}

/** A detail's field without where it was sent: `body.attendee.email` → `attendee.email`. */
export function fieldName(field: string): string {
  return field.replace(/^(body|query|path|header)\./, "").replace(/\.(\d+)(?=\.|$)/g, "[$1]");
}

/**
 * The one-line message of a 400: "Invalid request: start is required; end must be after start."
 * Each detail's message names its field (a service's that does not is prefixed with it).
 */
export function describeDetails(details: ErrorDetail[]): string {
  const shown = details.slice(0, 3).map((d) => {
    const message = d.message.replace(/\.$/, "");
    if (!d.field) return message;
    const name = fieldName(d.field);
    return name === d.field && /^(body|query|path|header)$/.test(name) ? message : nameField(name, message);
  });
  const more = details.length > 3 ? ` (and ${details.length - 3} more)` : "";
  return `Invalid request: ${shown.join("; ")}${more}.`;
}
