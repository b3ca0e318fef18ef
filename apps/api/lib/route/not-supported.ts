import type { Scope } from "@slotbase/features";
import type { z } from "zod";
import { HttpError } from "../http/http-error";
import { ErrorResponse } from "../schemas/common";
import { endpoint } from "./endpoint";

/**
 * A Cal.com v1 operation this project does not support (it needs an integration that does not
 * exist here): the key is verified as everywhere, then a 501 `not_implemented` whose message
 * says why, instead of a 404 that would read as "no such booking" or "no such path".
 */
export function notSupported(scope: Scope, reason: string, query?: z.ZodObject) {
  return endpoint({
    scope,
    query,
    status: 501,
    response: ErrorResponse,
    handler: async () => {
      throw new HttpError("not_implemented", `Not supported by Slotbase: ${reason}`);
    },
  });
}
