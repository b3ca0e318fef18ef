import { createHash } from "node:crypto";
import { getPrisma, Prisma } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";
import { ConflictError, invalidField, UnprocessableError } from "../errors/domain-errors";
import { isUniqueViolation } from "../errors/database-errors";
import { runInBackground } from "../common/background";
import { log } from "../logging/logger";

/**
 * Idempotency keys (`Idempotency-Key` header) for operations that create or change things.
 *
 * Flow, with no transaction held open while the work runs (PGlite has one connection):
 * 1. Claim: insert `(userId, key)` with `responseStatus = null` before doing any work. The
 *    unique index on `(userId, key)` decides who owns the key; keys are per user (not per
 *    API key): another user's identical key is independent.
 * 2. A lost claim reads the existing row: expired → deleted, claim again; another request
 *    (fingerprint, method or path) → 422; still running → 409 with `Retry-After: 1`;
 *    completed → its stored status and body, replayed without doing the work.
 * 3. The work's 2xx result is stored on the row (replayed for 24 hours). Any failure, an
 *    domain error or anything else, deletes the row, so a retry with the same key does the
 *    work again: only successes are replayed (a 422 "slot taken" may well succeed later).
 *
 * A claim whose request died without finishing (process killed) would block its key for
 * 24 hours; after STALE_CLAIM_MS it is taken over as if expired.
 */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;
/** Longer than any request may run; a claim still unfinished after this is abandoned. */
export const STALE_CLAIM_MS = 5 * 60 * 1000;
const SWEEP_INTERVAL_MS = 60 * 1000;
const SWEEP_BATCH = 100;
const CLAIM_ATTEMPTS = 3;

/** The key's name as an input (the API layer says it is the Idempotency-Key header). */
const KEY_FIELD = "idempotencyKey";
// Printable ASCII (space to tilde), not blank.
const KEY_PATTERN = /^[\x20-\x7E]*[\x21-\x7E][\x20-\x7E]*$/;

/**
 * The header's value when sent (undefined when absent), or an invalid-input error naming
 * `idempotencyKey`: 1–255 printable ASCII characters, sent once.
 */
export function parseIdempotencyKey(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const invalid = (rule: string, message: string) => invalidField(KEY_FIELD, rule, message);
  if (typeof value !== "string") throw invalid("invalid_type", "Send one Idempotency-Key header");
  if (value.length > IDEMPOTENCY_KEY_MAX_LENGTH) throw invalid("too_big", `At most ${IDEMPOTENCY_KEY_MAX_LENGTH} characters`);
  if (!KEY_PATTERN.test(value)) {
    throw invalid(value.length === 0 ? "too_small" : "invalid_format", `1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} printable ASCII characters`);
  }
  return value;
}

/**
 * JSON with every object's keys sorted, so `{a, b}` and `{b, a}` give the same text. Values
 * serialise as JSON.stringify would (toJSON, undefined members dropped).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? "null";
}

function sortKeys(value: unknown): unknown {
  if (value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON === "function") {
    value = (value as { toJSON: () => unknown }).toJSON();
  }
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  // No prototype: a "__proto__" key stays a plain key.
  const sorted: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  return sorted;
}

export interface FingerprintInput {
  /** HTTP method (any case). */
  method: string;
  /** The request's path, without the query string. */
  path: string;
  /** Query parameters (path parameters included), without credentials. */
  query?: unknown;
  /** The parsed JSON body (null when none). */
  body?: unknown;
}

/**
 * SHA-256 (hex) over the canonical JSON of method, path, query and body: what makes a
 * retry "the same request". Key order and whitespace do not matter; values do.
 */
export function requestFingerprint(input: FingerprintInput): string {
  const text = canonicalJson({ method: input.method.toUpperCase(), path: input.path, query: input.query ?? {}, body: input.body ?? null });
  return createHash("sha256").update(text).digest("hex");
}

export interface IdempotentRequest {
  key: string;
  method: string;
  path: string;
  /** requestFingerprint() of the request. */
  requestHash: string;
}

export interface IdempotentResult {
  status: number;
  /** The response body as the JSON text that was (or will be) sent; null when none. */
  body: string | null;
}

export interface IdempotentOutcome extends IdempotentResult {
  /** True when this is the stored result of an earlier request, the work not done again. */
  replayed: boolean;
}

const inProgress = () =>
  new ConflictError(
    "A request with this Idempotency-Key is still being processed. Retry in a moment.",
    [{ field: KEY_FIELD, rule: "in_progress", message: "The first request with this key has not finished yet" }],
    { reason: "in_progress", retryAfterSeconds: 1 },
  );

const mismatch = () =>
  new UnprocessableError("This Idempotency-Key was used with a different request. Use a new key for a new request.", [
    { field: KEY_FIELD, rule: "request_mismatch", message: "Already used with another method, path or body" },
  ]);

function warn(msg: string, error: unknown): void {
  log.warn(msg, { error });
}

/**
 * Runs `work` at most once per (user, key) for 24 hours; see the module comment. `work`
 * returns the status and JSON text to send; a 2xx is stored and replayed to retries.
 */
export async function runIdempotent(
  auth: AuthContext,
  request: IdempotentRequest,
  work: () => Promise<IdempotentResult>,
): Promise<IdempotentOutcome> {
  sweepNowAndThen();
  const prisma = await getPrisma();
  const where = { userId_key: { userId: auth.userId, key: request.key } };
  for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt += 1) {
    const now = new Date();
    let claimedId: number | undefined;
    try {
      const row = await prisma.idempotencyKey.create({
        data: {
          userId: auth.userId,
          key: request.key,
          method: request.method,
          path: request.path,
          requestHash: request.requestHash,
          createdAt: now,
          expiresAt: new Date(now.getTime() + IDEMPOTENCY_KEY_TTL_MS),
        },
        select: { id: true },
      });
      claimedId = row.id;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    if (claimedId !== undefined) return { ...(await perform(claimedId, work)), replayed: false };

    const existing = await prisma.idempotencyKey.findUnique({ where });
    if (!existing) continue; // its request failed and let go of it meanwhile: claim again
    if (existing.expiresAt.getTime() <= now.getTime()) {
      await prisma.idempotencyKey.deleteMany({ where: { id: existing.id } });
      continue;
    }
    if (existing.requestHash !== request.requestHash || existing.method !== request.method || existing.path !== request.path) {
      throw mismatch();
    }
    if (existing.responseStatus === null) {
      if (existing.createdAt.getTime() > now.getTime() - STALE_CLAIM_MS) throw inProgress();
      await prisma.idempotencyKey.deleteMany({ where: { id: existing.id, responseStatus: null } });
      continue;
    }
    const body = existing.responseBody;
    return {
      status: existing.responseStatus,
      body: body === null ? null : typeof body === "string" ? body : JSON.stringify(body),
      replayed: true,
    };
  }
  // Only reached when the key changes hands again and again under us.
  throw inProgress();
}

async function perform(id: number, work: () => Promise<IdempotentResult>): Promise<IdempotentResult> {
  const prisma = await getPrisma();
  let result: IdempotentResult;
  try {
    result = await work();
  } catch (error) {
    await release(id);
    throw error;
  }
  if (result.status < 200 || result.status > 299) {
    await release(id);
    return result;
  }
  try {
    // The JSON text itself (a JSON string value): jsonb would reorder the keys of an object,
    // and a replay must be the very bytes first sent.
    await prisma.idempotencyKey.updateMany({
      where: { id, responseStatus: null },
      data: { responseStatus: result.status, responseBody: result.body ?? Prisma.DbNull },
    });
  } catch (error) {
    // The work is done: its result still goes out. A retry meets the unfinished claim (409)
    // until it is stale, and then does the work again.
    warn("storing an idempotent response failed", error);
  }
  return result;
}

async function release(id: number): Promise<void> {
  try {
    const prisma = await getPrisma();
    await prisma.idempotencyKey.deleteMany({ where: { id, responseStatus: null } });
  } catch (error) {
    // The caller's own error matters more; the claim goes stale after STALE_CLAIM_MS.
    warn("releasing an idempotency key failed", error);
  }
}

/** Deletes up to `limit` expired keys; returns how many. */
export async function sweepExpiredIdempotencyKeys(limit = SWEEP_BATCH, now = new Date()): Promise<number> {
  const prisma = await getPrisma();
  const expired = await prisma.idempotencyKey.findMany({
    where: { expiresAt: { lte: now } },
    select: { id: true },
    orderBy: { expiresAt: "asc" },
    take: limit,
  });
  if (expired.length === 0) return 0;
  const { count } = await prisma.idempotencyKey.deleteMany({ where: { id: { in: expired.map((row) => row.id) }, expiresAt: { lte: now } } });
  return count;
}

let lastSweep = 0;

/** At most once a minute per process, a small batch, off the request's path. */
function sweepNowAndThen(): void {
  const now = Date.now();
  if (now - lastSweep < SWEEP_INTERVAL_MS) return;
  lastSweep = now;
  runInBackground("sweeping expired idempotency keys", () => sweepExpiredIdempotencyKeys());
}
