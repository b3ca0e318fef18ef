import { getPrisma } from "@slotbase/prisma";
import { useTestDatabase } from "../../support/database";
import { api } from "../../support/api";
import { createAdmin, createCaller } from "../../support/fixtures";

useTestDatabase();

const fields = (body: { details: { field?: string }[] }) => body.details.map((d) => d.field);

describe("users — errors", () => {
  it("rejects ids that are not positive 32-bit integers with 400 naming path.id", async () => {
    const admin = await createAdmin();
    for (const id of ["abc", "0", "-1", "1.5", "99999999999"]) {
      const result = await api("GET /v1/users/{id}", { params: { id }, key: admin.key });
      expect(result.status).toBe(400);
      expect(result.body.code).toBe("validation_error");
      expect(fields(result.body)).toContain("path.id");
    }
  });

  it("404s an unknown user, even for an admin", async () => {
    const admin = await createAdmin();
    const result = await api("GET /v1/users/{id}", { params: { id: 2_000_000_000 }, key: admin.key });
    expect(result.status).toBe(404);
    expect(result.body).toMatchObject({ code: "not_found", message: "User not found." });
    expect(result.body.requestId).toBe(result.headers["x-request-id"]);
  });

  it("names each invalid field of a create body", async () => {
    const admin = await createAdmin();
    const result = await api("POST /v1/users", {
      key: admin.key,
      body: { email: "not-an-email", timeZone: "Mars/Olympus", timeFormat: 13, nickname: "x" },
    });
    expect(result.status).toBe(400);
    expect(fields(result.body)).toEqual(expect.arrayContaining(["body.email", "body.timeZone", "body.timeFormat", "body.nickname"]));
    expect(result.body.message).toMatch(/email must be an email address/);
  });

  it("requires an email to create a user", async () => {
    const admin = await createAdmin();
    const result = await api("POST /v1/users", { key: admin.key, body: { name: "No Email" } });
    expect(result.status).toBe(400);
    expect(fields(result.body)).toContain("body.email");
  });

  it("409s a duplicate email and leaves the existing user as it was", async () => {
    const admin = await createAdmin();
    const existing = await createCaller({ email: "taken@example.com" });
    const result = await api("POST /v1/users", { key: admin.key, body: { email: "TAKEN@example.com", name: "Impostor" } });
    expect(result.status).toBe(409);
    expect(result.body.code).toBe("conflict");
    const prisma = await getPrisma();
    const row = await prisma.user.findUniqueOrThrow({ where: { id: existing.user.id } });
    expect(row).toEqual(existing.user);
    expect(await prisma.user.count({ where: { email: "taken@example.com" } })).toBe(1);
  });

  it("409s changing an email to one in use, and changes nothing", async () => {
    const other = await createCaller();
    const caller = await createCaller();
    const result = await api("PATCH /v1/users/{id}", {
      params: { id: caller.user.id },
      key: caller.key,
      body: { email: other.user.email, name: "Changed" },
    });
    expect(result.status).toBe(409);
    const prisma = await getPrisma();
    expect(await prisma.user.findUniqueOrThrow({ where: { id: caller.user.id } })).toEqual(caller.user);
  });

  it("rejects an empty PATCH", async () => {
    const caller = await createCaller();
    const result = await api("PATCH /v1/users/{id}", { params: { id: caller.user.id }, key: caller.key, body: {} });
    expect(result.status).toBe(400);
  });

  it("forbids plain users from creating users", async () => {
    const caller = await createCaller();
    const result = await api("POST /v1/users", { key: caller.key, body: { email: "someone@example.com" } });
    expect(result.status).toBe(403);
    expect(result.body.code).toBe("forbidden");
  });

  it("refuses to delete or demote the last admin", async () => {
    const prisma = await getPrisma();
    await prisma.user.updateMany({ where: { role: "ADMIN" }, data: { role: "USER" } });
    const admin = await createAdmin();
    const demote = await api("PATCH /v1/users/{id}", { params: { id: admin.user.id }, key: admin.key, body: { role: "USER" } });
    expect(demote.status).toBe(409);
    const remove = await api("DELETE /v1/users/{id}", { params: { id: admin.user.id }, key: admin.key });
    expect(remove.status).toBe(409);
  });

  it("caps take at the documented maximum", async () => {
    const caller = await createCaller();
    const result = await api("GET /v1/users", { key: caller.key, query: { take: "1000" } });
    expect(result.status).toBe(400);
    expect(fields(result.body)).toContain("query.take");
  });

  it("answers malformed JSON with 400, not 500", async () => {
    const admin = await createAdmin();
    const result = await api("POST /v1/users", { key: admin.key, body: '{"email": ', headers: { "content-type": "application/json" } });
    expect(result.status).toBe(400);
    expect(result.body.details[0]).toMatchObject({ field: "body", rule: "invalid_json" });
  });

  it("answers a non-JSON body with 415", async () => {
    const admin = await createAdmin();
    const result = await api("POST /v1/users", { key: admin.key, body: "email=a@b.c", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(result.status).toBe(415);
    expect(result.body).toMatchObject({ code: "unsupported_media_type", details: [{ field: "header.content-type" }] });
  });

  it("refuses NUL characters instead of failing in the database", async () => {
    const caller = await createCaller();
    const result = await api("PATCH /v1/users/{id}", { params: { id: caller.user.id }, key: caller.key, body: { name: "a\u0000b" } });
    expect(result.status).toBe(400);
  });

  it("405s an unsupported method with an Allow header, before asking for a key", async () => {
    const result = await api("PUT /v1/users", { unchecked: true });
    expect(result.status).toBe(405);
    expect(result.headers.allow).toBe("GET, POST, HEAD, OPTIONS");
    expect(result.body.code).toBe("method_not_allowed");
  });
});
