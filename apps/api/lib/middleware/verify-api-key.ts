import { authenticateApiKey, UnauthenticatedError } from "@slotbase/features";
import type { ApiRequest, Middleware } from "../http/types";

/** Where a key goes, said in every refusal of a credential sent elsewhere. */
const WHERE_THE_KEY_GOES = "Send the API key as Authorization: Bearer <key>, or as the apiKey query parameter.";

/**
 * What a request sent to authenticate: the key from `Authorization: Bearer <key>` (v1 and v2),
 * else from the `apiKey` query parameter (v1's way); `refused` when it sent a credential in a
 * form this API does not read, with the 401's message; nothing when it sent none. A message
 * never repeats what was sent: a client that puts the key in the wrong place still sent a key.
 */
export type SentCredential = { key: string } | { refused: string } | undefined;

export function readCredential(req: ApiRequest): SentCredential {
  const header = req.headers.authorization;
  if (typeof header === "string" && header.trim() !== "") {
    const text = header.trim();
    const bearer = /^Bearer(?:\s+(.*))?$/i.exec(text);
    if (!bearer) {
      // `Token <key>`, `Basic …`, `ApiKey <key>` or a bare key: this API reads only the Bearer scheme.
      return { refused: "The Authorization header must use the Bearer scheme: Authorization: Bearer <key> (or send the key as the apiKey query parameter)." };
    }
    const token = bearer[1]?.trim() ?? "";
    if (token === "") return { refused: `Authorization: Bearer carries no key. ${WHERE_THE_KEY_GOES}` };
    if (/\s/.test(token)) return { refused: `Authorization: Bearer takes one API key, without spaces. ${WHERE_THE_KEY_GOES}` };
    return { key: token };
  }
  const query = req.query.apiKey;
  const value = Array.isArray(query) ? query[0] : query;
  if (value && value.length > 0) return { key: value };
  // Decision: X-API-Key is not read (one header for keys, the one the documents name); a key sent
  // there is answered with where it goes rather than with "no API key", which would mislead.
  const xApiKey = req.headers["x-api-key"];
  if (Array.isArray(xApiKey) ? xApiKey.length > 0 : typeof xApiKey === "string" && xApiKey.trim() !== "") {
    return { refused: `This API does not read the X-API-Key header. ${WHERE_THE_KEY_GOES}` };
  }
  return undefined;
}

/** The key a request sent where this API reads keys (see readCredential). */
export function extractApiKey(req: ApiRequest): string | undefined {
  const credential = readCredential(req);
  return credential && "key" in credential ? credential.key : undefined;
}

async function authenticate(credential: SentCredential) {
  if (credential && "refused" in credential) throw new UnauthenticatedError("malformed", credential.refused);
  return authenticateApiKey(credential?.key);
}

export const verifyApiKey: Middleware = async (req, _res, next) => {
  if (req.method !== "OPTIONS") {
    req.auth = await authenticate(readCredential(req));
  }
  await next();
};

/** As verifyApiKey when a credential is sent (a misplaced one is a 401 too); without one the request goes on with no caller. */
export const verifyApiKeyIfSent: Middleware = async (req, _res, next) => {
  const credential = req.method === "OPTIONS" ? undefined : readCredential(req);
  if (credential !== undefined) req.auth = await authenticate(credential);
  await next();
};
