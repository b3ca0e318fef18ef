import { requireScope, type AuthContext, type Scope } from "@slotbase/features";
import type { z } from "zod";
import type { MethodHandler } from "../middleware/with-middleware";
import type { ApiRequest } from "../http/types";
import { readJsonBody } from "../http/read-json-body";
import { queryInput, validate } from "../validation/validate";

type Output<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface EndpointContext<Q, B> {
  req: ApiRequest;
  auth: AuthContext;
  query: Q;
  body: B;
}

export interface EndpointDefinition<Q extends z.ZodType | undefined, B extends z.ZodType | undefined, R> {
  /** The key scope this operation needs (also listed in the OpenAPI document). */
  scope: Scope;
  /** Validates req.query (path parameters included, `apiKey` excluded). */
  query?: Q;
  /** Validates the JSON body. */
  body?: B;
  /** Success status, 200 unless said otherwise. */
  status?: number;
  handler: (ctx: EndpointContext<Output<Q>, Output<B>>) => Promise<R>;
}

/**
 * One authenticated operation: scope check, then query and body validation, then one call
 * into a feature service; its result is the JSON response.
 */
export function endpoint<Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined, R = unknown>(
  definition: EndpointDefinition<Q, B, R>,
): MethodHandler & { scope: Scope } {
  const run: MethodHandler = async (req, res) => {
    const auth = req.auth;
    if (!auth) throw new Error("endpoint() reached without authentication");
    requireScope(auth, definition.scope);
    const query = (definition.query ? validate(definition.query, "query", queryInput(req.query)) : undefined) as Output<Q>;
    const body = (definition.body ? validate(definition.body, "body", (await readJsonBody(req)) ?? {}) : undefined) as Output<B>;
    const result = await definition.handler({ req, auth, query, body });
    res.status(definition.status ?? 200).json(result);
  };
  return Object.assign(run, { scope: definition.scope });
}
