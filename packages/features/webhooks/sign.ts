import { createHmac } from "node:crypto";

/** Cal.com's header value without a secret. */
export const NO_SECRET = "no-secret-provided";

/** `X-Cal-Signature-256`: hex HMAC-SHA256 of the exact body with the webhook's secret. */
export function signature(body: string, secret: string | null): string {
  return secret ? createHmac("sha256", secret).update(body, "utf8").digest("hex") : NO_SECRET;
}
