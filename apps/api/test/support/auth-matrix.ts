import { randomBytes } from "node:crypto";
import type { Scope } from "@slotbase/features";
import { api, type ApiCall, type ApiResult } from "./api";
import { addKey, createAdmin, createCaller, type Caller } from "./fixtures";

export interface AuthMatrixOptions {
  /** e.g. `"GET /v1/users/{id}"`. */
  operation: string;
  /** The scope the operation documents and enforces. */
  scope: Scope;
  /**
   * Builds the call (params, body...) for an object owned by `owner`, fresh for every case
   * so that destructive operations can run more than once.
   */
  request: (owner: Caller) => Promise<Omit<ApiCall, "key" | "keyIn">> | Omit<ApiCall, "key" | "keyIn">;
  /** The operation targets one object: another user's object must be a 404. */
  ownedObject?: boolean;
  /** Status a successful call by the owner returns (e.g. 403 for admin-only operations). */
  ownerStatus?: number;
}

const hex = (bytes: number) => randomBytes(bytes).toString("hex");

function expectAuthFailure(result: ApiResult, messagePart: RegExp, rawKey?: string) {
  expect(result.status).toBe(401);
  expect(result.body.code ?? result.body.error?.code).toBe("unauthorized");
  expect(result.body.message ?? result.body.error?.message).toMatch(messagePart);
  expect(result.headers["x-request-id"]).toBeTruthy();
  if (rawKey) expect(JSON.stringify(result.body)).not.toContain(rawKey);
}

function codeOf(result: ApiResult): string | undefined {
  return result.body?.code ?? result.body?.error?.code;
}

/**
 * The security cases every authenticated route runs: missing, malformed, unknown, expired
 * and wrong-prefix keys; key in header and in query; scopes; another user's object; admin.
 */
export function describeAuthMatrix(options: AuthMatrixOptions): void {
  const { operation, scope } = options;
  const call = async (caller: Caller | undefined, key: string | undefined, keyIn: "header" | "query" = "header") => {
    const owner = caller ?? (await createCaller());
    return api(operation, { ...(await options.request(owner)), key, keyIn });
  };
  const expectedOwnerStatus = (result: ApiResult) => {
    if (options.ownerStatus !== undefined) expect(result.status).toBe(options.ownerStatus);
    else expect(result.status).toBeLessThan(300);
  };

  describe(`${operation} — auth matrix`, () => {
    it("refuses a request without a key (401)", async () => {
      expectAuthFailure(await call(undefined, undefined), /No API key/);
    });

    it("refuses a malformed key (401)", async () => {
      const key = "cal_not-a-real-key";
      expectAuthFailure(await call(undefined, key), /malformed/, key);
    });

    it("refuses a key with the wrong prefix (401)", async () => {
      const key = `xyz_${hex(32)}`;
      expectAuthFailure(await call(undefined, key), /prefix/, key);
    });

    it("refuses an unknown key (401)", async () => {
      const key = `cal_${hex(32)}`;
      expectAuthFailure(await call(undefined, key), /not valid/, key);
    });

    it("refuses a key that expired a second ago (401)", async () => {
      const caller = await createCaller({ expiresAt: new Date(Date.now() - 1000) });
      expectAuthFailure(await call(caller, caller.key), /expired/, caller.key);
    });

    it("accepts the key in the Authorization header", async () => {
      const caller = await createCaller();
      expectedOwnerStatus(await call(caller, caller.key, "header"));
    });

    it("accepts the key in the apiKey query parameter", async () => {
      const caller = await createCaller();
      expectedOwnerStatus(await call(caller, caller.key, "query"));
    });

    it(`refuses a key whose scopes lack ${scope} (403 naming it)`, async () => {
      const other: Scope = scope.startsWith("webhooks:") ? "bookings:admin" : "webhooks:admin";
      const caller = await createCaller({ scopes: [other] });
      const result = await call(caller, caller.key);
      expect(result.status).toBe(403);
      expect(codeOf(result)).toBe("insufficient_scope");
      expect(JSON.stringify(result.body)).toContain(scope);
    });

    it(`accepts a key that holds exactly ${scope}`, async () => {
      const caller = await createCaller();
      const scoped = await addKey(caller.user, { scopes: [scope] });
      const result = await call(caller, scoped.key);
      expect(result.status).not.toBe(401);
      expect(codeOf(result)).not.toBe("insufficient_scope");
    });

    if (options.ownedObject) {
      it("answers 404 for another user's object", async () => {
        const owner = await createCaller();
        const intruder = await createCaller();
        const result = await api(operation, { ...(await options.request(owner)), key: intruder.key });
        expect(result.status).toBe(404);
        expect(codeOf(result)).toBe("not_found");
      });
    }

    it("lets an admin act", async () => {
      const admin = await createAdmin();
      const owner = options.ownedObject ? await createCaller() : admin;
      const result = await api(operation, { ...(await options.request(owner)), key: admin.key });
      expect(result.status).toBeLessThan(300);
    });
  });
}
