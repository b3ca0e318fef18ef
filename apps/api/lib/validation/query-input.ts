import type { z } from "zod";
import { HttpError, type ErrorDetail } from "../http/http-error";
import type { ApiRequest } from "../http/types";
import { describeDetails, issuesToDetails } from "./zod-issues";

/** Authentication (the v1 `?apiKey=`), accepted by every operation and never validated as input. */
export const AUTH_QUERY_PARAMETER = "apiKey";

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
      return { name: name ?? rawName, nameDecodes: name !== null, valueDecodes: decodeComponent(rawValue) !== null };
    });
}

const invalidEncoding = (name: string, where: "path" | "query"): ErrorDetail => ({
  field: `query.${name}`,
  rule: "invalid_encoding",
  message:
    where === "path"
      ? "This path segment is not valid UTF-8 once percent-decoded"
      : "Not valid UTF-8 once percent-decoded (percent-encode the UTF-8 bytes of the text)",
});

const invalidCharacters = (name: string): ErrorDetail => ({
  field: `query.${name}`,
  rule: "invalid_characters",
  message: "NUL characters are not allowed",
});

const values = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/**
 * Path and query text no operation may take, whatever its schema says: percent-encoding that
 * is not UTF-8 (read from the request target as sent, rawRequestTarget(): by the time a
 * handler runs, Next has decoded the path and query, lossily) and NUL characters (PostgreSQL
 * text cannot hold them; they would fail in the database as a 500). Path parameters are named
 * like query parameters (`query.<name>`), as Next merges them into `req.query`.
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
    undecodable.forEach((_, index) => add(invalidEncoding(unmatched[index] ?? unmatched[unmatched.length - 1] ?? "path", "path")));
  }
  for (const pair of rawPairs(search)) {
    if (!pair.nameDecodes || !pair.valueDecodes) add(invalidEncoding(pair.name, "query"));
  }
  for (const [name, value] of Object.entries(query)) {
    if (name.includes("\u0000") || values(value).some((text) => text.includes("\u0000"))) add(invalidCharacters(name));
  }
  return problems;
}

/** The names the query string itself carries (decoded); the other keys of req.query are path parameters. */
function queryStringNames(url: string | undefined): Set<string> {
  return new Set(rawPairs(splitUrl(url).search).map((pair) => pair.name));
}

/**
 * `name[]` (how axios, PHP and Rails clients send lists) is read as `name` when the operation
 * declares `name`, merged with any plain `name` values: `a[]=1&a[]=2&a=3` is `a: ["1","2","3"]`.
 */
function normaliseBrackets(query: RawQuery, accepted: ReadonlySet<string>): Record<string, string | string[]> {
  const input: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || name === AUTH_QUERY_PARAMETER) continue;
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
  const fromQueryString = queryStringNames(rawRequestTarget(req));
  const pathParameters = Object.keys(query).filter((name) => !fromQueryString.has(name) && name !== AUTH_QUERY_PARAMETER);
  const encoding = encodingProblems(req, query, pathParameters);
  if (encoding.length > 0) throw new HttpError("validation_error", describeDetails(encoding), { details: encoding });
  const accepted = declaredQueryParameters(schema);
  const raw = normaliseBrackets(query, accepted);
  const details = unknownParameters(raw, accepted, fromQueryString, new Set(pathParameters));
  let value: unknown = undefined;
  if (schema) {
    const result = schema.safeParse(raw);
    if (result.success) value = result.data;
    else details.push(...issuesToDetails("query", result.error.issues));
  }
  if (details.length > 0) throw new HttpError("validation_error", describeDetails(details), { details });
  return { raw, value: value as S extends z.ZodObject ? z.output<S> : undefined };
}
