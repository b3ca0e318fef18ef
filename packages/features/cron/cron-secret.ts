import { createHash, timingSafeEqual } from "node:crypto";
import { UnauthenticatedError } from "../errors/domain-errors";

const digest = (text: string) => createHash("sha256").update(text).digest();

/**
 * The scheduler's proof: `Authorization: Bearer <CRON_SECRET>` (what Vercel Cron sends),
 * compared in constant time. Without a configured secret the job cannot be triggered at all.
 */
export function assertCronSecret(authorization: string | undefined, secret: string | undefined = process.env.CRON_SECRET): void {
  if (!secret) throw new UnauthenticatedError("missing", "Scheduled delivery is off: set CRON_SECRET to enable it.");
  const sent = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1] ?? "";
  // Hashes have one length whatever was sent, so comparing them reveals nothing about the secret's length.
  if (!timingSafeEqual(digest(sent), digest(secret))) throw new UnauthenticatedError(sent ? "unknown" : "missing", "The cron secret is missing or wrong.");
}
