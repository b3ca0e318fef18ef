import type { NextApiRequest, NextApiResponse } from "next";
import type { AuthContext } from "@slotbase/features";

/** The request as our middleware leaves it. */
export interface ApiRequest extends NextApiRequest {
  requestId: string;
  /** Set by verifyApiKey; absent on public routes. */
  auth?: AuthContext;
}

export type ApiResponse = NextApiResponse;
export type Middleware = (req: ApiRequest, res: ApiResponse, next: () => Promise<void>) => Promise<void>;
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
