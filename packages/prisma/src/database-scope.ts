import { AsyncLocalStorage } from "node:async_hooks";
import type { PrismaClient } from "../generated/client/client";

/**
 * The database a request is served from when it is not the process's own: a deployment's
 * (multi-deployment mode, packages/features/deployments). Everything that asks getPrisma()
 * while the request runs gets this client; caches and limits key their entries by `id`.
 */
export interface DatabaseScope {
  /** Stable and unique per database (the deployment's id). */
  id: string;
  prisma: PrismaClient;
  /** The add-ons the deployment has (e.g. "api", "admin"). */
  addons: readonly string[];
}

/** One request's (or one run's) slot: its scope may be chosen after the slot is opened (see openDatabaseScopeSlot). */
interface Slot {
  scope?: DatabaseScope;
}

// On globalThis: a bundler may load this module more than once in one process, and every copy must see the same scope.
const STORAGE = Symbol.for("slotbase.prisma.databaseScope");
const holder = globalThis as { [STORAGE]?: AsyncLocalStorage<Slot> };
const storage = (holder[STORAGE] ??= new AsyncLocalStorage<Slot>());

/** Runs `fn` (and everything it starts) against the scope's database. */
export function withDatabaseScope<T>(scope: DatabaseScope, fn: () => T): T {
  return storage.run({ scope }, fn);
}

/**
 * Runs `fn` with an empty slot that `chooseDatabaseScope` may fill later from within it. A
 * middleware chain cannot wrap what follows it in `withDatabaseScope` when the chain does not
 * run its next steps inside the middleware's own call (next-api-middleware does not): the
 * route handler opens the slot around the whole chain, and the middleware that selects the
 * database fills it.
 */
export function withDatabaseScopeSlot<T>(fn: () => T): T {
  return storage.run({}, fn);
}

/** Chooses the running request's database (inside withDatabaseScopeSlot; once). */
export function chooseDatabaseScope(scope: DatabaseScope): void {
  const slot = storage.getStore();
  if (!slot) throw new Error("chooseDatabaseScope outside withDatabaseScopeSlot");
  if (slot.scope) throw new Error("this request's database is already chosen");
  slot.scope = scope;
}

/** The scope of the running request, if it is served from another database than the process's own. */
export function currentDatabaseScope(): DatabaseScope | undefined {
  return storage.getStore()?.scope;
}

/**
 * Runs `fn` as if outside any scope: background work a request merely starts (a delivery
 * pass, a poll timer) must serve the process's own database, not the request's.
 */
export function outsideDatabaseScope<T>(fn: () => T): T {
  return storage.exit(fn);
}
