import type { z } from "zod";
import { HttpError, type ErrorDetail } from "../http/http-error";
import type { ApiRequest } from "../http/types";
import { describeDetails, type InputLocation } from "./zod-issues";
import { parseInput } from "./validate";

/** Authentication (the v1 `?apiKey=`), accepted by every operation and never validated as input. */
export const AUTH_QUERY_PARAMETER = "apiKey";

/** Multi-deployment mode's license key (`?key=`, seed 002): selects the database, never validated as input. */
export const LICENSE_QUERY_PARAMETER = "key";

type RawQuery = Record<string, string | string[] | undefined>;

/** decodeURIComponent, or null when the text is not percent-encoded UTF-8 (e.g. `%FF`, `%E0%A4`, a lone `%`). */
function decodeComponent(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** Where Next keeps what it knows about a request (next/dist/server/request-meta.js). */
const NEXT_REQUEST_META = Symbol.for("NextInternalRequestMeta");

/**
 * The request target as the client sent it. Under Next, req.url is not that: Next rebuilds it
 * from the query it decoded, so `?q=%FF` reaches the handler as `?q=%EF%BF%BD` (U+FFFD); the
 * original is kept in its request meta as `initURL` (an absolute URL). Elsewhere (a plain
 * Node server, tests) req.url is the original.
 */
export function rawRequestTarget(req: ApiRequest): string {
  const initUrl = (req as unknown as Record<symbol, { initURL?: unknown } | undefined>)[NEXT_REQUEST_META]?.initURL;
  if (typeof initUrl === "string") {
    const scheme = initUrl.indexOf("://");
    if (scheme === -1) return initUrl;
    const path = initUrl.indexOf("/", scheme + 3);
    return path === -1 ? "/" : initUrl.slice(path);
  }
  return req.url ?? "/";
}

function splitUrl(url: string | undefined): { path: string; search: string } {
  const text = url ?? "/";
  const hash = text.indexOf("#");
  const withoutHash = hash === -1 ? text : text.slice(0, hash);
  const mark = withoutHash.indexOf("?");
  return mark === -1 ? { path: withoutHash, search: "" } : { path: withoutHash.slice(0, mark), search: withoutHash.slice(mark + 1) };
}

interface RawPair {
  /** The decoded name, or the raw text when it does not decode. */
  name: string;
  /** The decoded value, or null when it does not decode. */
  value: string | null;
  nameDecodes: boolean;
  valueDecodes: boolean;
}

/** The query string's name=value pairs as sent, decoded the way form encoding is (`+` is a space). */
function rawPairs(search: string): RawPair[] {
  if (search === "") return [];
  return search
    .split("&")
    .filter((part) => part !== "")
    .map((part) => {
      const equals = part.indexOf("=");
      const rawName = (equals === -1 ? part : part.slice(0, equals)).replace(/\+/g, " ");
      const rawValue = equals === -1 ? "" : part.slice(equals + 1).replace(/\+/g, " ");
      const name = decodeComponent(rawName);
      const value = decodeComponent(rawValue);
      return { name: name ?? rawName, value, nameDecodes: name !== null, valueDecodes: value !== null };
    });
}

/** A path parameter's segment (`path.id`), or a query parameter (`query.take`); `path` alone when the segment is no parameter. */
const invalidEncoding = (name: string | undefined, where: "path" | "query"): ErrorDetail =>
  where === "path"
    ? {
        field: name === undefined ? "path" : `path.${name}`,
        rule: "invalid_encoding",
        message: `${name === undefined ? "A path segment" : `The path segment ${name}`} is not valid UTF-8 once percent-decoded`,
      }
    : {
        field: `query.${name}`,
        rule: "invalid_encoding",
        message: `${name} is not valid UTF-8 once percent-decoded: percent-encode the UTF-8 bytes of the text`,
      };

const invalidCharacters = (name: string, where: InputLocation): ErrorDetail => ({
  field: `${where}.${name}`,
  rule: "invalid_characters",
  message: `${name} must not contain NUL characters`,
});

const values = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/**
 * Path and query text no operation may take, whatever its schema says: percent-encoding that
 * is not UTF-8 (read from the request target as sent, rawRequestTarget(): by the time a
 * handler runs, Next has decoded the path and query, lossily) and NUL characters (PostgreSQL
 * text cannot hold them; they would fail in the database as a 500). Path parameters are named
 * `path.<name>`, query parameters `query.<name>`.
 */
function encodingProblems(req: ApiRequest, query: RawQuery, pathParameters: string[]): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const seen = new Set<string>();
  const add = (detail: ErrorDetail) => {
    const key = `${detail.field} ${detail.rule}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push(detail);
  };

  const { path, search } = splitUrl(rawRequestTarget(req));
  const segments = path.split("/").filter((segment) => segment !== "");
  const undecodable = segments.filter((segment) => decodeComponent(segment) === null);
  if (undecodable.length > 0) {
    // Which path parameter a bad segment is: the parameters whose value some good segment
    // carries are accounted for; the bad segments are the others, in order.
    const decoded = new Set(segments.map(decodeComponent).filter((segment): segment is string => segment !== null));
    const unmatched = pathParameters.filter((name) => !values(query[name]).some((value) => decoded.has(value)));
    undecodable.forEach((_, index) => add(invalidEncoding(unmatched[index] ?? unmatched[unmatched.length - 1], "path")));
  }
  for (const pair of rawPairs(search)) {
    if (!pair.nameDecodes || !pair.valueDecodes) add(invalidEncoding(pair.name, "query"));
  }
  const isPath = new Set(pathParameters);
  for (const [name, value] of Object.entries(query)) {
    if (name.includes("\u0000") || values(value).some((text) => text.includes("\u0000"))) add(invalidCharacters(name, isPath.has(name) ? "path" : "query"));
  }
  return problems;
}

/**
 * The path parameters among req.query's keys. Next merges the route's dynamic segments
 * (`[id].ts`) into req.query over any query parameter of the same name, so a key is a path
 * parameter when the query string does not carry it, or carries it with other values than
 * req.query holds (`/v1/users/abc?id=1`: req.query.id is the path's "abc").
 */
function pathParametersOf(query: RawQuery, pairs: RawPair[]): string[] {
  const sent = new Map<string, string[]>();
  for (const pair of pairs) sent.set(pair.name, [...(sent.get(pair.name) ?? []), pair.value ?? ""]);
  return Object.keys(query).filter((name) => {
    if (name === AUTH_QUERY_PARAMETER) return false;
    const fromQueryString = sent.get(name);
    if (fromQueryString === undefined) return true;
    const held = values(query[name]);
    return held.length === 1 && !fromQueryString.includes(held[0]!);
  });
}

/**
 * `name[]` (how axios, PHP and Rails clients send lists) is read as `name` when the operation
 * declares `name`, merged with any plain `name` values: `a[]=1&a[]=2&a=3` is `a: ["1","2","3"]`.
 */
function normaliseBrackets(query: RawQuery, accepted: ReadonlySet<string>): Record<string, string | string[]> {
  const input: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || name === AUTH_QUERY_PARAMETER || name === LICENSE_QUERY_PARAMETER) continue;
    const base = name.endsWith("[]") ? name.slice(0, -2) : undefined;
    if (base !== undefined && accepted.has(base)) {
      input[base] = [...values(input[base]), ...values(value)];
    } else if (input[name] !== undefined) {
      input[name] = [...values(input[name]), ...values(value)];
    } else {
      input[name] = value;
    }
  }
  return input;
}

/**
 * Parameters the client sent in the query string that the operation does not declare. Only
 * the query string counts: req.query also holds path parameters (declared, or the OpenAPI
 * build fails) and whatever the framework adds, which is not the client's doing.
 */
function unknownParameters(
  input: Record<string, unknown>,
  accepted: ReadonlySet<string>,
  sent: ReadonlySet<string>,
  pathParameters: ReadonlySet<string>,
): ErrorDetail[] {
  const unknown = Object.keys(input).filter((name) => !accepted.has(name) && sent.has(name));
  if (unknown.length === 0) return [];
  const listed = [...accepted].filter((name) => !pathParameters.has(name));
  const acceptedText =
    listed.length === 0
      ? `This operation takes no query parameters (only ${AUTH_QUERY_PARAMETER}, for authentication)`
      : `This operation accepts: ${[...listed, AUTH_QUERY_PARAMETER].join(", ")}`;
  return unknown.map((name) => ({
    field: `query.${name}`,
    rule: "unrecognized_key",
    message: `Unknown query parameter "${name}"; ${acceptedText.charAt(0).toLowerCase()}${acceptedText.slice(1)}`,
  }));
}

/** The query parameter names a query schema declares (path parameters included). */
export function declaredQueryParameters(schema: z.ZodObject | undefined): ReadonlySet<string> {
  return new Set(schema ? Object.keys(schema.shape) : []);
}

export interface QueryInput<T> {
  /** What the client sent, without `apiKey` and with `name[]` read as `name` (the idempotency fingerprint hashes it). */
  raw: Record<string, string | string[]>;
  /** The schema's output (undefined without a schema). */
  value: T;
  /** The names in `raw` that are path parameters (`id` of `/v1/users/{id}`): their errors name `path.<name>`. */
  pathParameters: ReadonlySet<string>;
}

/**
 * The request's query, checked strictly and once for every operation (endpoint()): `apiKey`
 * is taken out (it is authentication); percent-encoding that is not UTF-8 and NUL characters
 * anywhere in the path or query are a 400 naming the parameter (`invalid_encoding`,
 * `invalid_characters`); a parameter the schema does not declare is a 400
 * `unrecognized_key` naming it and listing what the operation accepts, so a filter this API
 * does not support is never silently ignored (reported with the schema's own findings).
 * Without a schema an operation accepts no query parameter but `apiKey`.
 */
export function readQuery<S extends z.ZodObject | undefined>(
  req: ApiRequest,
  schema: S,
): QueryInput<S extends z.ZodObject ? z.output<S> : undefined> {
  const query = (req.query ?? {}) as RawQuery;
  const pairs = rawPairs(splitUrl(rawRequestTarget(req)).search);
  const fromQueryString = new Set(pairs.map((pair) => pair.name));
  const pathParameters = pathParametersOf(query, pairs);
  const encoding = encodingProblems(req, query, pathParameters);
  if (encoding.length > 0) throw new HttpError("validation_error", describeDetails(encoding), { details: encoding });
  const accepted = declaredQueryParameters(schema);
  const raw = normaliseBrackets(query, accepted);
  const isPath = new Set(pathParameters);
  const details = unknownParameters(raw, accepted, fromQueryString, isPath);
  let value: unknown = undefined;
  if (schema) {
    const result = parseInput(schema, (name) => (isPath.has(name) ? "path" : "query"), raw);
    if (result.success) value = result.data;
    else details.push(...result.details);
  }
  if (details.length > 0) throw new HttpError("validation_error", describeDetails(details), { details });
  return { raw, value: value as S extends z.ZodObject ? z.output<S> : undefined, pathParameters: isPath };
}
