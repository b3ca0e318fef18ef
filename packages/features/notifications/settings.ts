import path from "node:path";
import { findRepoRoot } from "@slotbase/prisma";
import { positiveInt, workerSwitch } from "../common/env-settings";

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
  /** False: kickNotificationDelivery() does not deliver in this process (tests, or a separate `notifications:deliver`). */
  workerEnabled: boolean;
  /**
   * True (NOTIFICATIONS_WAKE=notify, PostgreSQL): with the worker off, a kick wakes the delivery
   * process (`notifications:deliver --watch`) with a NOTIFY instead.
   */
  wake: boolean;
}

export const DEFAULT_EMAIL_FROM = "Slotbase <no-reply@slotbase.local>";

/** What a kick needs (it runs after every booking change: no file system lookups). */
export function workerSettings(env: NodeJS.ProcessEnv = process.env): Pick<NotificationSettings, "workerEnabled" | "pollMs" | "wake"> {
  // NOTIFICATIONS_WORKER: off disables the in-process worker (tests deliver with deliverDueNotifications()).
  return {
    workerEnabled: workerSwitch(env.NOTIFICATIONS_WORKER, env),
    pollMs: positiveInt(env.NOTIFICATIONS_POLL_MS, 30_000),
    wake: env.NOTIFICATIONS_WAKE?.trim().toLowerCase() === "notify" && Boolean(env.DATABASE_URL),
  };
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
