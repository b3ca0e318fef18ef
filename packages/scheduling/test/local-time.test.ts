import { parseRangeBound } from "../index";

describe("parseRangeBound", () => {
  it.each([
    ["2027-03-22", "Europe/Berlin", "start", "2027-03-21T23:00:00.000Z"],
    ["2027-03-22", "Europe/Berlin", "end", "2027-03-22T23:00:00.000Z"],
    ["2027-03-27", "Europe/Berlin", "end", "2027-03-27T23:00:00.000Z"],
    ["2027-03-28", "Europe/Berlin", "end", "2027-03-28T22:00:00.000Z"],
    ["2027-03-22T09:00:00Z", "Europe/Berlin", "start", "2027-03-22T09:00:00.000Z"],
    ["2027-03-22T09:00:00.250+05:30", "UTC", "start", "2027-03-22T03:30:00.250Z"],
    ["2027-03-22T09:00-0400", "UTC", "start", "2027-03-22T13:00:00.000Z"],
    ["2027-03-22T09:00:00", "America/New_York", "start", "2027-03-22T13:00:00.000Z"],
    ["2027-03-28T02:30:00", "Europe/Berlin", "start", "2027-03-28T01:30:00.000Z"],
  ] as const)("%s in %s (%s) is %s", (value, zone, bound, expected) => {
    expect(new Date(parseRangeBound(value, zone, bound)!).toISOString()).toBe(expected);
  });

  it.each(["2027-02-30", "2027-13-01", "2027-03-22T25:00:00Z", "2027-03-22T10:61Z", "22-03-2027", "tomorrow", "2027-03-22T10:00:00+25:00", "2027-03-22T", ""])(
    "refuses %s",
    (value) => expect(parseRangeBound(value, "UTC", "start")).toBeNull(),
  );
});
