import { nthWeekdayAfter } from "../src/wall-clock";

describe("nthWeekdayAfter", () => {
  it("counts weekdays after today in the zone: tomorrow, or Monday from Friday to Sunday", () => {
    const friday = Date.parse("2029-06-15T12:00:00Z");
    expect([1, 2, 3].map((n) => nthWeekdayAfter(friday, "Europe/Berlin", n))).toEqual(["2029-06-18", "2029-06-19", "2029-06-20"]);
    const wednesday = Date.parse("2029-06-13T12:00:00Z");
    expect(nthWeekdayAfter(wednesday, "UTC", 1)).toBe("2029-06-14");
    expect(nthWeekdayAfter(wednesday, "UTC", 3)).toBe("2029-06-18");
  });

  it("takes today from the zone's own date, not UTC's", () => {
    // Monday 03:30 UTC is still Sunday in New York: its first weekday after today is that Monday.
    const mondayEarly = Date.parse("2029-06-18T03:30:00Z");
    expect(nthWeekdayAfter(mondayEarly, "America/New_York", 1)).toBe("2029-06-18");
    expect(nthWeekdayAfter(mondayEarly, "Europe/Berlin", 1)).toBe("2029-06-19");
  });
});
