import { hotStatementNames } from "../src/statement-names";

describe("hotStatementNames", () => {
  it("names a statement from its second run on, the same name for the same text", () => {
    const nameOf = hotStatementNames();
    const sql = 'SELECT "id" FROM "Booking" WHERE "uid" = $1';
    expect(nameOf({ sql })).toBeUndefined();
    const name = nameOf({ sql });
    expect(name).toMatch(/^slotbase_[A-Za-z0-9_-]{22}$/);
    expect(nameOf({ sql })).toBe(name);
    expect(hotStatementNames({ after: 1 })({ sql })).toBe(name);
    expect(nameOf({ sql: `${sql} LIMIT 1` })).toBeUndefined();
    expect(nameOf({ sql: `${sql} LIMIT 1` })).not.toBe(name);
  });

  it("never names statements whose result columns a migration could change", () => {
    const nameOf = hotStatementNames({ after: 1 });
    for (const sql of ['SELECT * FROM "Booking"', 'SELECT b.* FROM "Booking" b', 'INSERT INTO "Booking" (uid) VALUES ($1) RETURNING *']) {
      expect(nameOf({ sql })).toBeUndefined();
    }
    expect(nameOf({ sql: 'SELECT count(*) FROM "Booking"' })).toBeDefined();
  });

  it("names at most `max` statements", () => {
    const nameOf = hotStatementNames({ after: 1, max: 2 });
    expect(nameOf({ sql: "SELECT 1" })).toBeDefined();
    expect(nameOf({ sql: "SELECT 2" })).toBeDefined();
    expect(nameOf({ sql: "SELECT 3" })).toBeUndefined();
    expect(nameOf({ sql: "SELECT 1" })).toBeDefined();
  });
});
