import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createTransport, type Transporter } from "nodemailer";
import { log } from "../logging/logger";
import type { MimeMessage } from "./mime";
import type { NotificationSettings } from "./settings";

export type DeliveryReceipt = { transport: "smtp"; response: string } | { transport: "file"; path: string };

/** What a send needs besides the message: the outbox row's id (the .eml file's name) and a line for the log. */
export interface Addressed {
  id: string;
  subject: string;
  message: MimeMessage;
}

/** Connections of the SMTP pool: as many as a pass sends at once. */
export const SMTP_CONNECTIONS = 4;

export class SendTimeoutError extends Error {
  constructor(ms: number) {
    super(`The mail server did not complete the send within ${ms} ms`);
    this.name = "SendTimeoutError";
  }
}

let smtp: { key: string; transporter: Transporter } | undefined;

function smtpTransporter(settings: NotificationSettings): Transporter {
  const key = `${settings.emailServer}|${settings.sendTimeoutMs}`;
  if (smtp?.key !== key) {
    smtp?.transporter.close();
    // Pooled: a connection (and its TLS handshake) serves up to 100 messages. The socket
    // timeouts close a connection whose send the pass has given up on, so a stalled server
    // holds one connection of the pool at most that long.
    const transporter = createTransport({
      url: settings.emailServer,
      pool: true,
      maxConnections: SMTP_CONNECTIONS,
      maxMessages: 100,
      connectionTimeout: settings.sendTimeoutMs,
      greetingTimeout: settings.sendTimeoutMs,
      socketTimeout: settings.sendTimeoutMs,
    });
    smtp = { key, transporter };
  }
  return smtp.transporter;
}

/** Closes the pooled SMTP connections (graceful shutdown, tests). */
export function closeSmtpPool(): void {
  smtp?.transporter.close();
  smtp = undefined;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SendTimeoutError(ms)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Writes the file, making its folder on first use (or when someone removed it). Synchronously:
 * a few kB to the page cache block for microseconds, and cost a quarter of the CPU of the
 * asynchronous write's three thread-pool round trips (open, write, close).
 */
function writeInto(dir: string, file: string, content: Buffer): void {
  try {
    writeFileSync(file, content);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, content);
  }
}

async function writeEml(email: Addressed, settings: NotificationSettings): Promise<DeliveryReceipt> {
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const file = path.join(/* turbopackIgnore: true */ settings.outboxDir, `${stamp}-${email.id}.eml`);
  writeInto(settings.outboxDir, file, email.message.raw);
  log.info(`Email "${email.subject}" to ${email.message.envelope.to} written to ${file} (EMAIL_SERVER is not set)`, { path: file });
  return { transport: "file", path: file };
}

/**
 * Sends one built message: SMTP when EMAIL_SERVER is set, otherwise an .eml file. Rejects on
 * any failure, and when the whole send takes longer than NOTIFICATIONS_SEND_TIMEOUT_MS.
 */
export async function sendEmail(email: Addressed, settings: NotificationSettings): Promise<DeliveryReceipt> {
  if (!settings.emailServer) return withTimeout(writeEml(email, settings), settings.sendTimeoutMs);
  const { envelope, raw } = email.message;
  const info = await withTimeout(smtpTransporter(settings).sendMail({ envelope: { from: envelope.from, to: [envelope.to] }, raw }), settings.sendTimeoutMs);
  return { transport: "smtp", response: String(info.response ?? "") };
}
