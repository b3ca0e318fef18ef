import { getPrisma } from "@slotbase/prisma";
import { api } from "../support/api";
import { useTestDatabase } from "../support/database";
import { addKey, createAdmin, createCaller } from "../support/fixtures";
import { createHostedBooking } from "../support/scheduling";
import { createTeam } from "../support/teams";

useTestDatabase();

/**
 * A key restricted to one team reaches that team's objects and its user's own, never anything
 * else: not even a system admin's key (issue 9: users/api-keys checked plain isAdmin, so such
 * a key could edit or delete every user and every key).
 */
async function restrictedAdmin() {
  const admin = await createAdmin();
  const team = await createTeam(admin);
  const key = await addKey(admin.user, { teamId: team.id });
  return { admin, team, key };
}

describe("a system admin's team-restricted key", () => {
  it("cannot create, read, edit or delete other users", async () => {
    const { key } = await restrictedAdmin();
    const other = await createCaller();
    expect((await api("POST /v1/users", { key: key.key, body: { email: `made-${other.user.id}@example.com` } })).status).toBe(403);
    expect((await api("GET /v1/users/{id}", { key: key.key, params: { id: other.user.id } })).status).toBe(404);
    expect((await api("PATCH /v1/users/{id}", { key: key.key, params: { id: other.user.id }, body: { role: "ADMIN" } })).status).toBe(404);
    expect((await api("DELETE /v1/users/{id}", { key: key.key, params: { id: other.user.id } })).status).toBe(404);
    const listed = await api("GET /v1/users", { key: key.key });
    expect(listed.body.users.map((u: { id: number }) => u.id)).toEqual([key.user.id]);
    const prisma = await getPrisma();
    expect(await prisma.user.findUnique({ where: { id: other.user.id } })).toMatchObject({ role: "USER" });
  });

  it("cannot set its own user's role or email without confirmation", async () => {
    const { key } = await restrictedAdmin();
    expect((await api("PATCH /v1/users/{id}", { key: key.key, params: { id: key.user.id }, body: { role: "USER" } })).status).toBe(403);
    const changed = await api("PATCH /v1/users/{id}", { key: key.key, params: { id: key.user.id }, body: { email: `moved-${key.user.id}@example.com` } });
    expect(changed.status).toBe(200);
    expect(changed.body.user.email).toBe(key.user.email);
    expect(changed.body.user.pendingEmail).toBe(`moved-${key.user.id}@example.com`);
  });

  it("sees and manages only its user's keys restricted to the same team", async () => {
    const { admin, team, key } = await restrictedAdmin();
    const unrestricted = await addKey(admin.user);
    const other = await createCaller();
    const listed = await api("GET /v1/api-keys", { key: key.key });
    expect(listed.status).toBe(200);
    const ids = listed.body.api_keys.map((k: { id: string }) => k.id);
    expect(ids).toContain(key.apiKeyId);
    expect(ids).not.toContain(unrestricted.apiKeyId);
    expect(ids).not.toContain(admin.apiKeyId);
    expect((await api("GET /v1/api-keys/{id}", { key: key.key, params: { id: unrestricted.apiKeyId } })).status).toBe(404);
    expect((await api("DELETE /v1/api-keys/{id}", { key: key.key, params: { id: unrestricted.apiKeyId } })).status).toBe(404);
    expect((await api("DELETE /v1/api-keys/{id}", { key: key.key, params: { id: other.apiKeyId } })).status).toBe(404);
    expect((await api("POST /v1/api-keys", { key: key.key, body: { userId: other.user.id } })).status).toBe(403);
    const minted = await api("POST /v1/api-keys", { key: key.key, body: { note: "same team" } });
    expect(minted.status).toBe(201);
    const prisma = await getPrisma();
    expect(await prisma.apiKey.findUnique({ where: { id: minted.body.api_key.id } })).toMatchObject({ teamId: team.id });
    expect(await prisma.apiKey.count({ where: { id: { in: [unrestricted.apiKeyId, other.apiKeyId] } } })).toBe(2);
  });

  it("sees no booking, team or event type outside its team", async () => {
    const { key } = await restrictedAdmin();
    const host = await createCaller();
    const { booking } = await createHostedBooking(host);
    const otherTeam = await createTeam(host);
    expect((await api("GET /v2/bookings/{bookingUid}", { key: key.key, params: { bookingUid: booking.uid } })).status).toBe(404);
    expect((await api("GET /v2/bookings", { key: key.key })).body.data).toEqual([]);
    expect((await api("GET /v1/teams/{teamId}", { key: key.key, params: { teamId: otherTeam.id } })).status).toBe(404);
    const teams = await api("GET /v1/teams", { key: key.key });
    expect(teams.body.teams.map((t: { id: number }) => t.id)).not.toContain(otherTeam.id);
    const types = await api("GET /v1/event-types", { key: key.key });
    expect(types.body.event_types).toEqual([]);
  });
});
