import { createSlotbaseClient, type Middleware, type SlotbaseClient } from "@slotbase/client";
import { assertMatchesDocumentedResponse } from "../../test/support/response-validator";
import { assertMatchesCalcomContract } from "../../test/support/calcom-contract";
import { noteKeyUsed, suiteEnv } from "./server-state";

/**
 * The typed client of packages/client (@slotbase/client: openapi-typescript writes its types
 * from the OpenAPI document at `yarn generate`, openapi-fetch calls the paths they name), so
 * the calls below only compile against what the document says, and a document the generator
 * cannot type breaks `yarn generate` and `yarn typecheck`.
 */
export type Api = SlotbaseClient;

/**
 * Every response the typed client receives must be documented, with a body matching its schema,
 * and match Cal.com's contract where Cal.com has the operation (test/support/calcom-contract.ts).
 */
export const documentedResponses: Middleware = {
  async onResponse({ request, response, schemaPath }) {
    const text = await response.clone().text();
    const contentType = response.headers.get("content-type") ?? undefined;
    const body = text === "" ? undefined : contentType?.includes("json") ? (JSON.parse(text) as unknown) : text;
    assertMatchesDocumentedResponse({ template: schemaPath, method: request.method, status: response.status, body, contentType });
    const apiVersion = request.headers.get("cal-api-version") ?? undefined;
    assertMatchesCalcomContract({ template: schemaPath, method: request.method, status: response.status, body, apiVersion });
  },
};

/** A client for the running server; with a key, it sends `Authorization: Bearer <key>`. */
export function api(key: string | undefined = suiteEnv().adminKey): Api {
  noteKeyUsed(key);
  const client = createSlotbaseClient({ baseUrl: suiteEnv().baseUrl, apiKey: key });
  client.use(documentedResponses);
  return client;
}

/** One booking where the answer may be one or (for a recurring series) several. */
export function single<T>(data: T | T[]): T {
  if (Array.isArray(data)) throw new Error(`Expected one booking, got a series of ${data.length}`);
  return data;
}

/** The data of a call that must succeed; otherwise a readable error with the status and body. */
export function ok<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data === undefined || !result.response.ok) {
    throw new Error(`${result.response.status} from ${new URL(result.response.url).pathname}: ${JSON.stringify(result.error)}`);
  }
  return result.data;
}
