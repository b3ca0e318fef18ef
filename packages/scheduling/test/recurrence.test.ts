import { seriesStarts } from "../src/recurrence";

const iso = (ms: number[]) => ms.map((m) => new Date(m).toISOString());

describe("seriesStarts", () => {
  it("weekly keeps the wall-clock time across a daylight-saving change", () => {
    // 2030-03-25 is the Monday before Europe/Berlin moves to summer time (2030-03-31).
    const first = Date.parse("2030-03-25T08:00:00Z"); // 09:00 CET
    expect(iso(seriesStarts(first, { frequency: "weekly", interval: 1, count: 3 }, "Europe/Berlin"))).toEqual([
      "2030-03-25T08:00:00.000Z",
      "2030-04-01T07:00:00.000Z", // 09:00 CEST
      "2030-04-08T07:00:00.000Z",
    ]);
  });

  it("every second week, the first occurrence included", () => {
    const first = Date.parse("2030-01-07T14:30:00Z");
    expect(iso(seriesStarts(first, { frequency: "weekly", interval: 2, count: 3 }, "UTC"))).toEqual([
      "2030-01-07T14:30:00.000Z",
      "2030-01-21T14:30:00.000Z",
      "2030-02-04T14:30:00.000Z",
    ]);
  });

  it("monthly skips months without the day, as RRULE does", () => {
    const first = Date.parse("2030-01-31T10:00:00Z");
    expect(iso(seriesStarts(first, { frequency: "monthly", interval: 1, count: 3 }, "UTC"))).toEqual([
      "2030-01-31T10:00:00.000Z",
      "2030-03-31T10:00:00.000Z",
      "2030-05-31T10:00:00.000Z",
    ]);
  });

  it("yearly from 29 February lands on leap years only", () => {
    const first = Date.parse("2028-02-29T09:00:00Z");
    expect(iso(seriesStarts(first, { frequency: "yearly", interval: 1, count: 2 }, "UTC"))).toEqual(["2028-02-29T09:00:00.000Z", "2032-02-29T09:00:00.000Z"]);
  });

  it("a count of one is the first occurrence alone", () => {
    expect(seriesStarts(0, { frequency: "weekly", interval: 1, count: 1 }, "UTC")).toEqual([0]);
  });
});
