import { Client } from "pg";
import { createPostgresClient } from "../src/client";
import { isStatementError } from "../src/pool";

const url = process.env.TEST_DATABASE_URL;
const onPostgres = url ? describe : describe.skip;

onPostgres("the PostgreSQL client's pool (one connection)", () => {
  const prisma = createPostgresClient(url!, { DATABASE_POOL_MAX: "1" });
  const backend = async () => (await prisma.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`)[0]!.pid;
  afterAll(() => prisma.$disconnect());

  it("keeps its connection when a statement fails", async () => {
    const before = await backend();
    await expect(prisma.$queryRaw`SELECT 1 / 0`).rejects.toThrow(/division by zero/);
    // A constraint's refusal (a booking race's loser meets one) in the same session: its temporary table is still there.
    await prisma.$executeRaw`CREATE TEMPORARY TABLE pool_probe (id int PRIMARY KEY)`;
    await prisma.$executeRaw`INSERT INTO pool_probe VALUES (1)`;
    await expect(prisma.$executeRaw`INSERT INTO pool_probe VALUES (1)`).rejects.toThrow(/unique/i);
    expect(await prisma.$queryRaw`SELECT id FROM pool_probe`).toEqual([{ id: 1 }]);
    expect(await backend()).toBe(before);
  });

  it("replaces a connection the server ended, and answers the next query", async () => {
    const before = await backend();
    const admin = new Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query("SELECT pg_terminate_backend($1)", [before]);
    } finally {
      await admin.end();
    }
    // The idle client's socket closed: the pool dropped it, or the next query fails once and drops it.
    await prisma.$queryRaw`SELECT 1`.catch(() => undefined);
    const after = await backend();
    expect(after).not.toBe(before);
  });
});

describe("isStatementError", () => {
  it("is a server ERROR, not a socket error or a FATAL one", () => {
    const { DatabaseError } = jest.requireActual<typeof import("pg")>("pg");
    const error = (severity: string) => Object.assign(new DatabaseError("x", 1, "error"), { severity });
    expect(isStatementError(error("ERROR"))).toBe(true);
    expect(isStatementError(error("FATAL"))).toBe(false);
    expect(isStatementError(Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }))).toBe(false);
  });
});
