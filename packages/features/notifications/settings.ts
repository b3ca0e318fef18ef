import path from "node:path";
import { findRepoRoot } from "@slotbase/prisma";

/** Outbox and mail settings, read from the environment at each use (tests change them). */
export interface NotificationSettings {
  /** SMTP URL (smtp://user:pass@host:587, smtps://…); unset → .eml files in outboxDir. */
  emailServer: string | undefined;
  /** From header of every message. */
  emailFrom: string;
  /** Where the file transport writes .eml files. */
  outboxDir: string;
  /** Upper bound of one send (connect + greeting + every SMTP reply + the whole message). */
  sendTimeoutMs: number;
  /** Interval of the in-process retry poll. */
  pollMs: number;
  /** False: kickNotificationDelivery() does nothing (tests, or a separate `notifications:deliver` cron). */
  workerEnabled: boolean;
}

export const DEFAULT_EMAIL_FROM = "Slotbase <no-reply@slotbase.local>";

function positiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/**
 * NOTIFICATIONS_WORKER: "off" disables the in-process worker, "on" enables it. Unset: on,
 * except under jest (NODE_ENV=test), where tests deliver explicitly with deliverDueNotifications().
 */
function workerEnabled(env: NodeJS.ProcessEnv): boolean {
  const value = env.NOTIFICATIONS_WORKER?.trim().toLowerCase();
  if (value === "off" || value === "false" || value === "0") return false;
  if (value === "on" || value === "true" || value === "1") return true;
  return env.NODE_ENV !== "test";
}

/** What a kick needs (it runs after every booking change: no file system lookups). */
export function workerSettings(env: NodeJS.ProcessEnv = process.env): Pick<NotificationSettings, "workerEnabled" | "pollMs"> {
  return { workerEnabled: workerEnabled(env), pollMs: positiveInt(env.NOTIFICATIONS_POLL_MS, 30_000) };
}

export function notificationSettings(env: NodeJS.ProcessEnv = process.env): NotificationSettings {
  return {
    emailServer: env.EMAIL_SERVER?.trim() || undefined,
    emailFrom: env.EMAIL_FROM?.trim() || DEFAULT_EMAIL_FROM,
    outboxDir: env.EMAIL_OUTBOX_DIR?.trim() || path.join(/* turbopackIgnore: true */ findRepoRoot(), ".slotbase-data", "mail"),
    sendTimeoutMs: positiveInt(env.NOTIFICATIONS_SEND_TIMEOUT_MS, 20_000),
    ...workerSettings(env),
  };
}

/** `{ name, email }` of an address like `Slotbase <no-reply@slotbase.local>` or `a@b.c`. */
export function parseAddress(address: string): { name: string; email: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(address);
  if (match) return { name: match[1].trim(), email: match[2].trim() };
  return { name: "", email: address.trim() };
}
