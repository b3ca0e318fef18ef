import { authenticateApiKey } from "@slotbase/features";
import type { ApiRequest, Middleware } from "../http/types";

/** The key from `Authorization: Bearer <key>` (v1 and v2), else the `apiKey` query parameter (v1). */
export function extractApiKey(req: ApiRequest): string | undefined {
  const header = req.headers.authorization;
  if (typeof header === "string" && header.trim() !== "") {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header.trim());
    return match?.[1] ?? header.trim();
  }
  const query = req.query.apiKey;
  const value = Array.isArray(query) ? query[0] : query;
  return value && value.length > 0 ? value : undefined;
}

export const verifyApiKey: Middleware = async (req, _res, next) => {
  if (req.method !== "OPTIONS") {
    req.auth = await authenticateApiKey(extractApiKey(req));
  }
  await next();
};

/** As verifyApiKey when a key is sent; without one the request goes on with no caller. */
export const verifyApiKeyIfSent: Middleware = async (req, _res, next) => {
  if (req.method !== "OPTIONS" && extractApiKey(req) !== undefined) {
    req.auth = await authenticateApiKey(extractApiKey(req));
  }
  await next();
};
