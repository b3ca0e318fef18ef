import { randomBytes } from "node:crypto";
import type { Scope } from "@slotbase/features";
import { api, type ApiCall, type ApiResult } from "./api";
import { addKey, createAdmin, createCaller, type Caller } from "./fixtures";
import {
  attendeeOfLatestBooking,
  bookerOfLatestBooking,
  latestOwnedTeamId,
  memberOf,
  teamOfLatestBooking,
  teamRestrictedAdmin,
} from "./roles";

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
  /**
   * Status a successful call by the owner returns (e.g. 403 for admin-only operations; 501 for
   * an operation that is not supported, which admins get as well).
   */
  ownerStatus?: number;
  /**
   * The operation acts on the owner's newest hosted booking (or a row of it): who else may do
   * `action` follows packages/features/access/booking-rules.ts (booker, attendee by confirmed
   * email, team OWNER/ADMIN of its event type's team, and nobody else).
   */
  booking?: { action: BookingAction };
  /**
   * The operation acts on the team the owner newest OWNs: members `need` this standing
   * (read: any accepted member; manage: OWNER/ADMIN; own: OWNER). `expect` overrides a case
   * whose rule is more specific (e.g. an ADMIN may not change an OWNER's membership).
   */
  team?: { need: "read" | "manage" | "own"; expect?: Partial<Record<TeamCase, number>> };
  /**
   * The operation also serves callers without a key (the public calendar-events view): a
   * request without one is not a 401 but gets this status for the owner's (non-public) object.
   */
  anonymousStatus?: number;
}

type BookingAction = "read" | "cancel" | "reschedule" | "manage";
type TeamCase = "OWNER" | "ADMIN" | "MEMBER" | "pending ADMIN" | "restricted admin of the team";

const hex = (bytes: number) => randomBytes(bytes).toString("hex");

function expectAuthFailure(result: ApiResult, messagePart: RegExp, rawKey?: string) {
  expect(result.status).toBe(401);
  expect(codeOf(result)).toBe("unauthorized");
  expect(result.body.message ?? result.body.error?.message ?? result.body.errors?.[0]?.detail).toMatch(messagePart);
  expect(result.headers["x-request-id"]).toBeTruthy();
  if (rawKey) expect(JSON.stringify(result.body)).not.toContain(rawKey);
}

/** The error code in any surface's shape (v1, v2, workspace, JSON:API). */
function codeOf(result: ApiResult): string | undefined {
  return result.body?.code ?? result.body?.error?.code ?? result.body?.errors?.[0]?.code;
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
  /** The owner builds the object, `grant` makes someone with a role on it, who then calls. */
  const asRoleHolder = async (grant: (owner: Caller) => Promise<Caller>) => {
    const owner = await createCaller();
    const call = await options.request(owner);
    const holder = await grant(owner);
    return api(operation, { ...call, key: holder.key });
  };
  const expectStatus = (result: ApiResult, status: number | "success") => {
    if (status === "success") expectedOwnerStatus(result);
    else {
      expect(result.status).toBe(status);
      expect(codeOf(result)).toBe(status === 404 ? "not_found" : "forbidden");
    }
  };

  describe(`${operation} — auth matrix`, () => {
    if (options.anonymousStatus === undefined) {
      it("refuses a request without a key (401)", async () => {
        expectAuthFailure(await call(undefined, undefined), /No API key/);
      });
    } else {
      const status = options.anonymousStatus;
      it(`answers a request without a key as anonymous (${status})`, async () => {
        const result = await call(undefined, undefined);
        expect(result.status).toBe(status);
        if (status >= 400) expect(codeOf(result)).toBe(status === 404 ? "not_found" : "forbidden");
      });
    }

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

    // A valid key sent where keys do not go is never read from there (and never anonymous).
    it("refuses a valid key under another scheme than Bearer (401 saying the scheme must be Bearer)", async () => {
      const caller = await createCaller();
      const request = await options.request(caller);
      const result = await api(operation, { ...request, headers: { ...request.headers, authorization: `Token ${caller.key}` } });
      expectAuthFailure(result, /must use the Bearer scheme/, caller.key);
    });

    it("refuses a valid key in an X-API-Key header (401 saying where the key goes)", async () => {
      const caller = await createCaller();
      const request = await options.request(caller);
      const result = await api(operation, { ...request, headers: { ...request.headers, "x-api-key": caller.key } });
      expectAuthFailure(result, /X-API-Key.*Authorization: Bearer <key>, or as the apiKey query parameter/, caller.key);
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

    it(`accepts a key that holds exactly ${scope}, with the owner's own outcome`, async () => {
      const caller = await createCaller();
      const scoped = await addKey(caller.user, { scopes: [scope] });
      expectedOwnerStatus(await call(caller, scoped.key));
    });

    if (options.ownedObject) {
      it("answers 404 for another user's object", async () => {
        const owner = await createCaller();
        const intruder = await createCaller();
        const result = await api(operation, { ...(await options.request(owner)), key: intruder.key });
        expect(result.status).toBe(404);
        expect(codeOf(result)).toBe("not_found");
      });

      it("answers 404 to a system admin whose key is restricted to another team", async () => {
        const owner = await createCaller();
        const restricted = await teamRestrictedAdmin();
        const result = await api(operation, { ...(await options.request(owner)), key: restricted.key });
        expect(result.status).toBe(404);
        expect(codeOf(result)).toBe("not_found");
      });
    }

    if (options.booking) {
      const { action } = options.booking;
      const attendeeSide = action === "manage" ? 403 : "success";
      const cases: [string, (owner: Caller) => Promise<Caller>, number | "success"][] = [
        ["the booker (whose key made the booking)", bookerOfLatestBooking, attendeeSide],
        ["an attendee with that confirmed email", (owner) => attendeeOfLatestBooking(owner, true), attendeeSide],
        ["a user with the attendee's email unconfirmed", (owner) => attendeeOfLatestBooking(owner, false), 404],
        ["an OWNER of the event type's team", async (owner) => memberOf(await teamOfLatestBooking(owner), "OWNER"), "success"],
        ["an ADMIN of the event type's team", async (owner) => memberOf(await teamOfLatestBooking(owner), "ADMIN"), "success"],
        ["a MEMBER of the event type's team", async (owner) => memberOf(await teamOfLatestBooking(owner), "MEMBER"), 404],
        ["a pending ADMIN of the event type's team", async (owner) => memberOf(await teamOfLatestBooking(owner), "ADMIN", false), 404],
        ["a system admin whose key is restricted to the event type's team", async (owner) => teamRestrictedAdmin(await teamOfLatestBooking(owner)), "success"],
      ];
      for (const [who, grant, status] of cases) {
        it(`booking role: ${who} → ${status === "success" ? "the owner's outcome" : status}`, async () => {
          expectStatus(await asRoleHolder(grant), status);
        });
      }
    }

    if (options.team) {
      const { need, expect: overrides = {} } = options.team;
      const cases: [TeamCase, (teamId: number) => Promise<Caller>, number | "success"][] = [
        ["OWNER", (teamId) => memberOf(teamId, "OWNER"), "success"],
        ["ADMIN", (teamId) => memberOf(teamId, "ADMIN"), need === "own" ? 403 : "success"],
        ["MEMBER", (teamId) => memberOf(teamId, "MEMBER"), need === "read" ? "success" : 403],
        ["pending ADMIN", (teamId) => memberOf(teamId, "ADMIN", false), 404],
        ["restricted admin of the team", (teamId) => teamRestrictedAdmin(teamId), "success"],
      ];
      for (const [who, grant, status] of cases) {
        const expected = overrides[who] ?? status;
        it(`team role: ${who} → ${expected === "success" ? "the owner's outcome" : expected}`, async () => {
          expectStatus(await asRoleHolder(async (owner) => grant(await latestOwnedTeamId(owner))), expected);
        });
      }
    }

    it("lets an admin act", async () => {
      const admin = await createAdmin();
      const owner = options.ownedObject ? await createCaller() : admin;
      const result = await api(operation, { ...(await options.request(owner)), key: admin.key });
      if (options.ownerStatus === 501) expect(result.status).toBe(501);
      else expect(result.status).toBeLessThan(300);
    });
  });
}
