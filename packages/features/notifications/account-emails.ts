import { z } from "zod";
import type { Prisma } from "@slotbase/prisma";
import type { RenderedEmail } from "./render";
import { formatDateTime } from "./render";

/** Notification.template of the message that proves a new email address. */
export const EMAIL_CHANGE_TEMPLATE = "account.email-change";

/**
 * The token is in the payload only until the message is sent: the outbox then replaces the
 * payload with a copy whose token is gone (see scrubAfterSend), so the database never keeps
 * a usable token beyond delivery (it keeps only its SHA-256, in EmailChange).
 */
export const EmailChangePayloadSchema = z.object({
  v: z.literal(1),
  userId: z.number().int(),
  recipient: z.object({ name: z.string(), email: z.string() }),
  previousEmail: z.string(),
  token: z.string().min(1),
  expiresAt: z.iso.datetime({ offset: true }),
  timeZone: z.string(),
});
export type EmailChangePayload = z.infer<typeof EmailChangePayloadSchema>;

export function renderEmailChangeEmail(payload: EmailChangePayload): RenderedEmail {
  const expires = formatDateTime(payload.expiresAt, payload.timeZone);
  const lines = [
    `Hi ${payload.recipient.name || payload.recipient.email},`,
    "",
    `Someone asked to change the email address of a Slotbase account from ${payload.previousEmail} to this address.`,
    "If that was you, confirm the change with this token (single use, valid until " + `${expires}, ${payload.timeZone}):`,
    "",
    `    ${payload.token}`,
    "",
    "Give it to the application that asked for the change, or send it yourself with the account's API key:",
    "",
    `    POST /v1/users/${payload.userId}/confirm-email`,
    `    {"token": "${payload.token}"}`,
    "",
    "Until it is confirmed the account keeps its current address. If you did not ask for this, ignore this message.",
    "",
    "--",
    "Sent by Slotbase.",
  ];
  return {
    to: { name: payload.recipient.name, address: payload.recipient.email },
    subject: "Confirm your new email address",
    text: `${lines.join("\n")}\n`,
  };
}

/** The outbox row that mails the token to the new address. */
export function emailChangeNotification(payload: EmailChangePayload): Prisma.NotificationCreateManyInput {
  return { channel: "email", recipient: payload.recipient.email, template: EMAIL_CHANGE_TEMPLATE, payload: payload as Prisma.InputJsonObject };
}

/** What the row keeps once the message is out: everything but the token. */
export function scrubAfterSend(template: string, payload: Prisma.JsonValue): Prisma.InputJsonObject | undefined {
  if (template !== EMAIL_CHANGE_TEMPLATE || !payload || typeof payload !== "object" || Array.isArray(payload)) return undefined;
  return { ...(payload as Prisma.InputJsonObject), token: "[sent]" };
}
