import { createTestDatabase, type TestDatabase } from "../testing";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

const at = (hhmm: string) => new Date(`2027-01-04T${hhmm}:00Z`);

describe("booking overlap guard (exclusion constraint)", () => {
  it("refuses an overlapping accepted booking of the same host and allows back-to-back", async () => {
    const host = await db.prisma.user.create({ data: { email: "host@example.com" } });
    const book = (uid: string, start: string, end: string) =>
      db.prisma.booking.create({ data: { uid, userId: host.id, title: "x", startTime: at(start), endTime: at(end) } });
    await book("a", "10:00", "11:00");
    await book("b", "11:00", "12:00");
    await expect(book("c", "10:30", "11:30")).rejects.toMatchObject({ code: "P2039" });
  });
});
