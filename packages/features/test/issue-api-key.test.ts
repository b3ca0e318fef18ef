import { createTestDatabase, type TestDatabase } from "@slotbase/prisma/testing";
import { parseApiKey } from "../api-keys/key-format";
import { CLI_KEY_NOTE, issueApiKey } from "../scripts/issue-api-key";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

describe("issueApiKey (yarn api-key:create)", () => {
  it("creates the user (e-mail lower-cased) and a key that verifies", async () => {
    const issued = await issueApiKey(db.prisma, { email: "  New.Person@Example.COM ", name: "New Person" });
    expect(issued).toMatchObject({ createdUser: true, role: "USER" });
    const user = await db.prisma.user.findUniqueOrThrow({ where: { id: issued.userId } });
    expect(user).toMatchObject({ email: "new.person@example.com", name: "New Person" });

    const parsed = parseApiKey(issued.key);
    expect(parsed.ok).toBe(true);
    const stored = await db.prisma.apiKey.findUnique({ where: { hashedKey: parsed.ok ? parsed.hashedKey : "" } });
    expect(stored).toMatchObject({ userId: issued.userId, note: CLI_KEY_NOTE, scopes: [] });
  });

  it("reuses an existing user, promotes with --admin, and never demotes", async () => {
    const first = await issueApiKey(db.prisma, { email: "boss@example.com", admin: true });
    const again = await issueApiKey(db.prisma, { email: "BOSS@example.com" });
    expect(again).toMatchObject({ userId: first.userId, createdUser: false, role: "ADMIN" });
    expect(again.key).not.toBe(first.key);
    expect(await db.prisma.apiKey.count({ where: { userId: first.userId } })).toBe(2);
  });
});
