import fc from "fast-check";
import { DateTime } from "luxon";
import { formatInZone, localDateOf, offsetAt, wallClockToInstant } from "../index";

// Every zone the runtime knows: the cached offsets must agree with luxon (the reference) everywhere.
const ZONES = Intl.supportedValuesOf("timeZone");
const zone = fc.constantFrom(...ZONES);
const instant = fc.integer({ min: Date.UTC(1975, 0, 1), max: Date.UTC(2060, 0, 1) });

describe("cached zone offsets agree with luxon", () => {
  it("offsetAt, localDateOf and formatInZone at any instant in any zone", () => {
    fc.assert(
      fc.property(zone, instant, (z, t) => {
        const reference = DateTime.fromMillis(t, { zone: z });
        expect(offsetAt(z, t)).toBe(reference.offset);
        expect(localDateOf(t, z)).toBe(reference.toISODate());
        expect(formatInZone(t, z, { milliseconds: true })).toBe(reference.toISO());
      }),
      { numRuns: 3000 },
    );
  });

  it("right at every daylight-saving transition of 2027 in the named zones", () => {
    for (const z of ["Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "Pacific/Chatham", "America/Sao_Paulo", "Australia/Lord_Howe"]) {
      for (let t = Date.UTC(2027, 0, 1); t < Date.UTC(2028, 0, 1); t += 15 * 60_000) {
        const reference = DateTime.fromMillis(t, { zone: z });
        if (offsetAt(z, t) !== reference.offset) throw new Error(`${z} ${new Date(t).toISOString()}: ${offsetAt(z, t)} ≠ ${reference.offset}`);
      }
    }
  });

  it("wallClockToInstant matches luxon's reading of a wall time, gaps and repeats included", () => {
    fc.assert(
      fc.property(zone, fc.integer({ min: 0, max: 365 * 40 }), fc.integer({ min: 0, max: 1439 }), (z, dayIndex, minute) => {
        const date = DateTime.fromMillis(Date.UTC(2000, 0, 1) + dayIndex * 86_400_000, { zone: "UTC" }).toISODate()!;
        const wall = { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)), hour: Math.floor(minute / 60), minute: minute % 60 };
        const reference = DateTime.fromObject(wall, { zone: z }).toMillis();
        // In a repeated hour luxon picks an occurrence by the zone's offset *today* (so the
        // answer changes with the date the test runs); ours is always the first occurrence.
        const showsWall = (t: number) => DateTime.fromMillis(t, { zone: z }).toFormat("yyyy-MM-dd HH:mm") === DateTime.fromObject(wall, { zone: "UTC" }).toFormat("yyyy-MM-dd HH:mm");
        const earlier = [-120, -60, -30].map((m) => reference + m * 60_000).filter(showsWall);
        const expected = showsWall(reference) ? Math.min(reference, ...earlier) : reference;
        expect(wallClockToInstant(date, minute, z)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it("reads a repeated wall time as its first occurrence, whatever today's offset", () => {
    // America/Scoresbysund, 2010-10-31: 00:00–01:00 local happened twice (+00:00, then -01:00).
    expect(new Date(wallClockToInstant("2010-10-31", 0, "America/Scoresbysund")).toISOString()).toBe("2010-10-31T00:00:00.000Z");
  });
});
