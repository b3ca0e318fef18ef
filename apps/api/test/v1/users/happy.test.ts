import { getPrisma } from "@slotbase/prisma";
import { useTestDatabase } from "../../support/database";
import { api } from "../../support/api";
import { createAdmin, createCaller } from "../../support/fixtures";
import { expectListPaging } from "../../support/list-paging";

useTestDatabase();

describe("users — happy paths", () => {
  it("GET /v1/me returns the key's user", async () => {
    const caller = await createCaller();
    const result = await api("GET /v1/me", { key: caller.key });
    expect(result.status).toBe(200);
    expect(result.body.user).toMatchObject({ id: caller.user.id, email: caller.user.email, role: "USER" });
  });

  it("an admin lists every user, a page at a time", async () => {
    const admin = await createAdmin();
    await Promise.all([createCaller(), createCaller(), createCaller()]);
    const prisma = await getPrisma();
    const total = await prisma.user.count();
    const first = await api("GET /v1/users", { key: admin.key, query: { take: "2", page: "1" } });
    const second = await api("GET /v1/users", { key: admin.key, query: { take: "2", page: "2" } });
    expect(first.body.users).toHaveLength(2);
    expect(second.body.users.length).toBe(Math.min(2, total - 2));
    // Cal.com's total: every user the caller may see, whatever the page.
    expect(first.body.total).toBe(total);
    expect(second.body.total).toBe(total);
    expect(first.body.users[0].id).toBeLessThan(second.body.users[0].id);
  });

  it("filters by email as Cal.com v1 (any case, repeated or comma-separated), within what the caller may see", async () => {
    const admin = await createAdmin();
    const [a, b] = await Promise.all([createCaller(), createCaller(), createCaller()]);
    const one = await api("GET /v1/users", { key: admin.key, query: { email: a!.user.email.toUpperCase() } });
    expect(one.body.users.map((u: { id: number }) => u.id)).toEqual([a!.user.id]);
    expect(one.body.total).toBe(1);
    const both = await api("GET /v1/users", { key: admin.key, query: { email: `${a!.user.email},${b!.user.email}` } });
    expect(both.body.users.map((u: { id: number }) => u.id).sort()).toEqual([a!.user.id, b!.user.id].sort());
    const repeated = await api("GET /v1/users", { key: admin.key, query: { email: [a!.user.email, b!.user.email] } });
    expect(repeated.body.total).toBe(2);
    // A plain user never finds someone else by email.
    const hidden = await api("GET /v1/users", { key: b!.key, query: { email: a!.user.email } });
    expect(hidden.body).toEqual({ users: [], total: 0 });
    const bad = await api("GET /v1/users", { key: admin.key, query: { email: "not-an-email" } });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field?: string }) => d.field)).toEqual([expect.stringMatching(/^query\.email/)]);
  });

  it("a plain user lists only themself", async () => {
    await createCaller();
    const caller = await createCaller();
    const result = await api("GET /v1/users", { key: caller.key });
    expect(result.body.users.map((u: { id: number }) => u.id)).toEqual([caller.user.id]);
    expect(result.body.total).toBe(1);
  });

  it("an admin creates a user (email stored lower-cased)", async () => {
    const admin = await createAdmin();
    const result = await api("POST /v1/users", {
      key: admin.key,
      body: { email: "Grace.Hopper@Example.com", name: "Grace Hopper", timeZone: "America/New_York", username: "Grace" },
    });
    expect(result.status).toBe(201);
    expect(result.body.user).toMatchObject({ email: "grace.hopper@example.com", username: "grace", timeZone: "America/New_York", role: "USER" });
  });

  it("a user edits themself", async () => {
    const caller = await createCaller();
    const result = await api("PATCH /v1/users/{id}", {
      params: { id: caller.user.id },
      key: caller.key,
      body: { name: "Ada Lovelace", timeZone: "Europe/Berlin", weekStart: "Sunday", timeFormat: 12 },
    });
    expect(result.status).toBe(200);
    expect(result.body.user).toMatchObject({ name: "Ada Lovelace", timeZone: "Europe/Berlin", weekStart: "Sunday", timeFormat: 12 });
  });

  it("a PATCH changes only the fields it sends", async () => {
    const caller = await createCaller();
    const edit = (body: object) => api("PATCH /v1/users/{id}", { params: { id: caller.user.id }, key: caller.key, body });
    expect((await edit({ allowDynamicBooking: false, timeZone: "Asia/Kolkata" })).status).toBe(200);
    const result = await edit({ name: "Only the name" });
    expect(result.body.user).toMatchObject({ name: "Only the name", allowDynamicBooking: false, timeZone: "Asia/Kolkata" });
  });

  it("an admin promotes a user, and the user's key carries the new role at once", async () => {
    const admin = await createAdmin();
    const caller = await createCaller();
    await api("GET /v1/me", { key: caller.key }); // cache the key as a USER
    const promoted = await api("PATCH /v1/users/{id}", { params: { id: caller.user.id }, key: admin.key, body: { role: "ADMIN" } });
    expect(promoted.body.user.role).toBe("ADMIN");
    const list = await api("GET /v1/users", { key: caller.key });
    expect(list.body.users.length).toBeGreaterThan(1);
  });

  it("a user deletes themself, and their key stops working at once", async () => {
    const caller = await createCaller();
    await api("GET /v1/me", { key: caller.key });
    const result = await api("DELETE /v1/users/{id}", { params: { id: caller.user.id }, key: caller.key });
    expect(result.status).toBe(200);
    expect(result.body.message).toMatch(/deleted/);
    expect((await api("GET /v1/me", { key: caller.key })).status).toBe(401);
  });

  it("answers a CORS preflight without a key", async () => {
    const result = await api("OPTIONS /v1/users");
    expect(result.status).toBe(204);
    expect(result.headers["access-control-allow-methods"]).toBe("GET, POST, HEAD, OPTIONS");
    expect(result.headers["access-control-allow-headers"]).toMatch(/Authorization/);
    expect(result.headers["x-request-id"]).toBeTruthy();
  });
});

describe("GET /v1/users list paging", () => {
  it("answers every user an admin may see, total in the body and in X-Total-Count", async () => {
    const admin = await createAdmin();
    await createCaller();
    await createCaller();
    const prisma = await getPrisma();
    const everyone = await prisma.user.findMany({ orderBy: { id: "asc" }, select: { id: true } });
    await expectListPaging("GET /v1/users", { key: admin.key }, "users", everyone.map((u) => u.id));
    const whole = await api("GET /v1/users", { key: admin.key });
    expect(whole.body.total).toBe(everyone.length);
    expect(whole.headers["x-total-count"]).toBe(String(everyone.length));
  });

  it("a user sees and counts only themself", async () => {
    const caller = await createCaller();
    await expectListPaging("GET /v1/users", { key: caller.key }, "users", [caller.user.id]);
  });
});
