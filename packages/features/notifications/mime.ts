import { randomBytes } from "node:crypto";
import type { RenderedEmail } from "./render";
import { parseAddress } from "./settings";

/** A message to build: the outbox row's id gives the Message-ID (stable across retries). */
export interface OutgoingEmail extends RenderedEmail {
  id: string;
}

export interface MimeMessage {
  /** The whole RFC 5322 message, CRLF line ends, ready for SMTP DATA or an .eml file. */
  raw: Buffer;
  /** SMTP envelope. */
  envelope: { from: string; to: string };
}

// Built by hand rather than with nodemailer's composer: a booking email is always the same
// shape, and composing it cost 1.5 ms of CPU per message (more than everything else together).

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** A display name that needs no quotes: atoms (RFC 5322 atext) and spaces. */
const ATOMS = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]+$/;
/** An address we put in headers and the envelope as is: no spaces, brackets, quotes or controls. */
// eslint-disable-next-line no-control-regex
const PLAIN_ADDRESS = /^[^\s<>"(),;:\\[\]@\x00-\x1f\x7f]+@[^\s<>"(),;:\\[\]@\x00-\x1f\x7f]+$/;

/** RFC 2047 B-encoded words of at most 75 characters each, never splitting a UTF-8 character. */
function encodedWords(value: string): string {
  const words: string[] = [];
  let chunk = "";
  for (const char of value) {
    // 45 bytes of text → 60 of base64 + 12 of "=?UTF-8?B??=" → 72.
    if (Buffer.byteLength(chunk + char) > 45) {
      words.push(chunk);
      chunk = "";
    }
    chunk += char;
  }
  words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString("base64")}?=`).join("\r\n ");
}

/** An unstructured header value: as is when short printable ASCII, else encoded words. */
function headerText(value: string): string {
  return value.length <= 70 && PRINTABLE_ASCII.test(value) ? value : encodedWords(value);
}

function checkedAddress(address: string): string {
  const trimmed = address.trim();
  if (!PLAIN_ADDRESS.test(trimmed)) throw new Error(`Cannot send to the address ${JSON.stringify(address)}`);
  return trimmed;
}

/** `"Name" <address>` (a quoted string, or encoded words for other than printable ASCII). */
function mailbox(name: string, address: string): string {
  const display = name.trim();
  if (!display) return checkedAddress(address);
  const phrase = !PRINTABLE_ASCII.test(display) || display.length > 60 ? encodedWords(display) : ATOMS.test(display) ? display : `"${display.replace(/["\\]/g, (c) => `\\${c}`)}"`;
  return `${phrase} <${checkedAddress(address)}>`;
}

/** Base64 in lines of 76 characters. */
function base64Lines(content: string): string {
  const encoded = Buffer.from(content).toString("base64");
  const lines: string[] = [];
  for (let i = 0; i < encoded.length; i += 76) lines.push(encoded.slice(i, i + 76));
  return lines.join("\r\n");
}

/** No line longer than SMTP allows (998 octets; characters are at most 3 octets here). */
function shortLines(content: string): boolean {
  if (content.length <= 332) return true;
  let start = 0;
  for (;;) {
    const end = content.indexOf("\n", start);
    if ((end < 0 ? content.length : end) - start > 332 && Buffer.byteLength(content.slice(start, end < 0 ? undefined : end)) > 998) return false;
    if (end < 0) return true;
    start = end + 1;
  }
}

function textPart(contentType: string, content: string): string {
  // Plain ASCII with short lines goes as is; anything else as base64 (7-bit safe, no line limits).
  const plain = PRINTABLE_ASCII.test(content.replace(/\r?\n/g, "")) && shortLines(content);
  const body = plain ? content.replace(/\r?\n/g, "\r\n") : base64Lines(content);
  return `Content-Type: ${contentType}\r\nContent-Transfer-Encoding: ${plain ? "7bit" : "base64"}\r\n\r\n${body}`;
}

function multipart(type: string, boundary: string, parts: string[]): string {
  return `Content-Type: multipart/${type}; boundary="${boundary}"\r\n\r\n${parts.map((p) => `--${boundary}\r\n${p}\r\n`).join("")}--${boundary}--`;
}

/** "Mon, 07 Dec 2026 04:11:55 +0000" */
function rfc5322Date(date: Date): string {
  return date.toUTCString().replace(/GMT$/, "+0000");
}

/**
 * The message: plain text, and when it carries an invite, the invite both as a text/calendar
 * alternative (mail clients offer "add to calendar") and as an invite.ics attachment.
 */
export function buildMimeMessage(email: OutgoingEmail, from: string, now = new Date()): MimeMessage {
  const sender = parseAddress(from);
  const domain = sender.email.split("@")[1] || "slotbase.local";
  const headers = [
    `From: ${mailbox(sender.name, sender.email)}`,
    `To: ${mailbox(email.to.name, email.to.address)}`,
    `Subject: ${headerText(email.subject)}`,
    `Message-ID: <${email.id}@${domain}>`,
    `Date: ${rfc5322Date(now)}`,
    "MIME-Version: 1.0",
    "Auto-Submitted: auto-generated",
    "X-Auto-Response-Suppress: All",
  ].join("\r\n");
  const text = textPart("text/plain; charset=utf-8", email.text);
  let body = text;
  if (email.ics) {
    const boundary = randomBytes(12).toString("hex");
    const alternative = multipart("alternative", `alt-${boundary}`, [text, textPart(`text/calendar; charset=utf-8; method=${email.ics.method}`, email.ics.content)]);
    const attachment =
      `Content-Type: application/ics; name="${email.ics.filename}"\r\nContent-Disposition: attachment; filename="${email.ics.filename}"\r\n` +
      `Content-Transfer-Encoding: base64\r\n\r\n${base64Lines(email.ics.content)}`;
    body = multipart("mixed", `mix-${boundary}`, [alternative, attachment]);
  }
  return { raw: Buffer.from(`${headers}\r\n${body}\r\n`), envelope: { from: sender.email, to: checkedAddress(email.to.address) } };
}
