import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { createTransport, type SendMailOptions, type Transporter } from "nodemailer";
import { log } from "../logging/logger";
import type { RenderedEmail } from "./render";
import { parseAddress, type NotificationSettings } from "./settings";

export interface OutgoingEmail extends RenderedEmail {
  /** The outbox row's id: the Message-ID and the .eml file name derive from it. */
  id: string;
}

export type DeliveryReceipt = { transport: "smtp"; response: string } | { transport: "file"; path: string };

export class SendTimeoutError extends Error {
  constructor(ms: number) {
    super(`The mail server did not complete the send within ${ms} ms`);
    this.name = "SendTimeoutError";
  }
}

/** The nodemailer message: plain text, and the invite both as text/calendar part and as invite.ics. */
export function toMailOptions(email: OutgoingEmail, from: string): SendMailOptions {
  const domain = parseAddress(from).email.split("@")[1] || "slotbase.local";
  return {
    from,
    to: { name: email.to.name, address: email.to.address },
    subject: email.subject,
    text: email.text,
    ...(email.ics ? { icalEvent: { method: email.ics.method, filename: email.ics.filename, content: email.ics.content } } : {}),
    // Stable across retries: a message resent after a lost reply keeps its Message-ID.
    messageId: `<${email.id}@${domain}>`,
    headers: { "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All" },
  };
}

let smtp: { key: string; transporter: Transporter } | undefined;

function smtpTransporter(settings: NotificationSettings): Transporter {
  const key = `${settings.emailServer}|${settings.sendTimeoutMs}`;
  if (smtp?.key !== key) {
    smtp?.transporter.close();
    // One connection per message (no pool): a server that stalls one send cannot hold others.
    // The socket timeouts close the connection of a send the pass has given up on.
    const transporter = createTransport({
      url: settings.emailServer,
      connectionTimeout: settings.sendTimeoutMs,
      greetingTimeout: settings.sendTimeoutMs,
      socketTimeout: settings.sendTimeoutMs,
    });
    smtp = { key, transporter };
  }
  return smtp.transporter;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SendTimeoutError(ms)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function fileName(email: OutgoingEmail): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return `${stamp}-${email.id}.eml`;
}

/** Builds the message with nodemailer and writes it to the outbox folder as an .eml file. */
let emlBuilder: Transporter | undefined;

/** Writes the file, making its folder on first use (or when someone removed it). */
async function writeInto(dir: string, file: string, content: Buffer): Promise<void> {
  try {
    await writeFile(file, content);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    await mkdir(dir, { recursive: true });
    await writeFile(file, content);
  }
}

async function writeEml(email: OutgoingEmail, settings: NotificationSettings): Promise<DeliveryReceipt> {
  emlBuilder ??= createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const info = await emlBuilder.sendMail(toMailOptions(email, settings.emailFrom));
  const file = path.join(/* turbopackIgnore: true */ settings.outboxDir, fileName(email));
  await writeInto(settings.outboxDir, file, info.message as Buffer);
  log.info(`Email "${email.subject}" to ${email.to.address} written to ${file} (EMAIL_SERVER is not set)`, { path: file });
  return { transport: "file", path: file };
}

/**
 * Sends one message: SMTP when EMAIL_SERVER is set, otherwise an .eml file. Rejects on any
 * failure, and when the whole send takes longer than NOTIFICATIONS_SEND_TIMEOUT_MS.
 */
export async function sendEmail(email: OutgoingEmail, settings: NotificationSettings): Promise<DeliveryReceipt> {
  if (!settings.emailServer) return withTimeout(writeEml(email, settings), settings.sendTimeoutMs);
  const info = await withTimeout(smtpTransporter(settings).sendMail(toMailOptions(email, settings.emailFrom)), settings.sendTimeoutMs);
  return { transport: "smtp", response: String(info.response ?? "") };
}
