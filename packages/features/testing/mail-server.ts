// Test support: a real local SMTP server (smtp-server) and a small MIME reader for what it receives.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ParsedEntity {
  headers: Record<string, string>;
  body: string;
  parts: ParsedEntity[];
}

export interface ReceivedMail {
  /** RCPT TO of the SMTP envelope. */
  rcptTo: string[];
  mailFrom: string;
  raw: string;
  subject: string;
  to: string;
  from: string;
  messageId: string;
  text: string;
  /** The invite.ics attachment, decoded. */
  ics: string;
  /** The text/calendar alternative's `method` parameter. */
  calendarMethod: string;
}

function parseHeaders(head: string): Record<string, string> {
  const headers: Record<string, string> = {};
  let last = "";
  for (const line of head.split("\n")) {
    if (/^[ \t]/.test(line) && last) headers[last] += ` ${line.trim()}`;
    else {
      const colon = line.indexOf(":");
      if (colon < 0) continue;
      last = line.slice(0, colon).trim().toLowerCase();
      headers[last] = line.slice(colon + 1).trim();
    }
  }
  return headers;
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const joined = text.replace(/=\n/g, "");
  for (let i = 0; i < joined.length; i++) {
    if (joined[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(joined.slice(i + 1, i + 3))) {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i], "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=). */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_, _charset: string, encoding: string, text: string) =>
      encoding.toUpperCase() === "B" ? Buffer.from(text, "base64").toString("utf8") : decodeQuotedPrintable(text.replace(/_/g, " ")),
    );
}

function param(header: string | undefined, name: string): string | undefined {
  const match = new RegExp(`${name}="?([^";]+)"?`, "i").exec(header ?? "");
  return match?.[1];
}

/** A MIME entity with its decoded body and (multipart) parts; CRLF or LF line ends. */
export function parseEntity(raw: string): ParsedEntity {
  const text = raw.replace(/\r\n/g, "\n");
  const split = text.indexOf("\n\n");
  const headers = parseHeaders(split < 0 ? text : text.slice(0, split));
  const rawBody = split < 0 ? "" : text.slice(split + 2);
  const type = headers["content-type"] ?? "text/plain";
  const boundary = /^multipart\//i.test(type) ? param(type, "boundary") : undefined;
  if (boundary) {
    const sections = rawBody.split(`--${boundary}`);
    const parts = sections.slice(1, -1).map((section) => parseEntity(section.replace(/^\n/, "")));
    return { headers, body: "", parts };
  }
  const encoding = (headers["content-transfer-encoding"] ?? "7bit").toLowerCase();
  const body =
    encoding === "base64" ? Buffer.from(rawBody.replace(/\s+/g, ""), "base64").toString("utf8") : encoding === "quoted-printable" ? decodeQuotedPrintable(rawBody) : rawBody;
  return { headers, body, parts: [] };
}

function flatten(entity: ParsedEntity): ParsedEntity[] {
  return entity.parts.length ? entity.parts.flatMap(flatten) : [entity];
}

export function readMail(raw: string, envelope: { mailFrom: string; rcptTo: string[] } = { mailFrom: "", rcptTo: [] }): ReceivedMail {
  const root = parseEntity(raw);
  const leaves = flatten(root);
  const find = (type: RegExp) => leaves.find((part) => type.test(part.headers["content-type"] ?? "text/plain"));
  const calendar = find(/^text\/calendar/i);
  return {
    ...envelope,
    raw,
    subject: decodeWords(root.headers.subject ?? ""),
    to: decodeWords(root.headers.to ?? ""),
    from: decodeWords(root.headers.from ?? ""),
    messageId: root.headers["message-id"] ?? "",
    text: find(/^text\/plain/i)?.body ?? "",
    ics: find(/^application\/ics/i)?.body ?? "",
    calendarMethod: param(calendar?.headers["content-type"], "method") ?? "",
  };
}

/** One property of the VEVENT/VCALENDAR (unfolded), e.g. icsValue(ics, "SEQUENCE"). */
export function icsValue(ics: string, name: string): string | undefined {
  const unfolded = ics.replace(/\r?\n[ \t]/g, "");
  const match = new RegExp(`^${name}(?:;[^:\\r\\n]*)?:(.*)$`, "m").exec(unfolded);
  return match?.[1].replace(/\r$/, "");
}

export function icsLines(ics: string, name: string): string[] {
  const unfolded = ics.replace(/\r?\n[ \t]/g, "");
  return unfolded.split(/\r?\n/).filter((line) => line.startsWith(`${name};`) || line.startsWith(`${name}:`));
}

export type ServerMode = "accept" | "reject" | "hang";

export interface TestMailServer {
  url: string;
  mails: ReceivedMail[];
  /** SMTP connections opened so far. */
  connections: number;
  mode: ServerMode;
  /** accept: wait this long before accepting each message (a slow server). */
  delayMs: number;
  /** Resolves once `count` mails have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/**
 * A real SMTP server on a free local port. accept: stores every message; reject: refuses every
 * recipient (550 at RCPT TO); hang: takes the message but never answers the final ".".
 */
export async function startMailServer(mode: ServerMode = "accept"): Promise<TestMailServer> {
  const state: TestMailServer = {
    url: "",
    mails: [],
    connections: 0,
    mode,
    delayMs: 0,
    waitFor: async (count, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      while (state.mails.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} mails, got ${state.mails.length}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return state.mails;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    closeTimeout: 200,
    onConnect(_session, callback) {
      state.connections += 1;
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (state.mode === "reject") {
        const error = Object.assign(new Error(`Mailbox ${address.address} unavailable`), { responseCode: 550 });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (state.mode === "hang") return; // never replies: the client must time out
        const envelope = {
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
        };
        setTimeout(() => {
          state.mails.push(readMail(Buffer.concat(chunks).toString("utf8"), envelope));
          callback();
        }, state.delayMs);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  state.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return state;
}
