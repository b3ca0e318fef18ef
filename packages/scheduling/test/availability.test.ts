import fc from "fast-check";
import { DateTime } from "luxon";
import { availableSlots, type EventSettings, type HostAvailability, type ScheduleRules } from "../index";

const MINUTE = 60_000;
const at = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toMillis();
const berlin = (local: string) => DateTime.fromISO(local, { zone: "Europe/Berlin" }).toMillis();
const hhmm = (ms: number, zone = "Europe/Berlin") => DateTime.fromMillis(ms, { zone }).toFormat("HH:mm");

const WEEKDAYS_9_TO_5: ScheduleRules = { timeZone: "Europe/Berlin", weekly: [{ days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1020 }] };
const base: EventSettings = {
  length: 30,
  beforeBuffer: 0,
  afterBuffer: 0,
  minimumNotice: 0,
  period: { type: "UNLIMITED" },
  schedulingType: null,
};
const host = (id: number, extra: Partial<HostAvailability> = {}): HostAvailability => ({ id, rules: WEEKDAYS_9_TO_5, busy: [], ...extra });
// Monday 2027-03-22 in Berlin (before the change) — the whole local day.
const MONDAY = { start: berlin("2027-03-22T00:00"), end: berlin("2027-03-23T00:00") };
const NOW = at("2027-01-01T00:00:00Z");

describe("availableSlots — one host", () => {
  it("offers 16 half-hour slots 09:00–16:30 on a weekday", () => {
    const slots = availableSlots({ event: base, hosts: [host(1)], range: MONDAY, now: NOW });
    expect(slots.map((s) => hhmm(s.start))).toEqual(Array.from({ length: 16 }, (_, i) => `${String(9 + Math.floor(i / 2)).padStart(2, "0")}:${i % 2 ? "30" : "00"}`));
    expect(slots.every((s) => s.end - s.start === 30 * MINUTE && s.hostIds[0] === 1)).toBe(true);
  });

  it("keeps buffers around busy time on both sides", () => {
    const busy = [{ start: berlin("2027-03-22T12:00"), end: berlin("2027-03-22T13:00") }];
    const event = { ...base, beforeBuffer: 15, afterBuffer: 15 };
    const slots = availableSlots({ event, hosts: [host(1, { busy })], range: MONDAY, now: NOW }).map((s) => hhmm(s.start));
    // 11:30–12:00 would need 12:00–12:15 after it; 13:00 would need 12:45–13:00 before it.
    expect(slots).not.toContain("11:30");
    expect(slots).not.toContain("13:00");
    expect(slots).toContain("11:00");
    expect(slots).toContain("13:30");
  });

  it("respects minimum notice", () => {
    const now = berlin("2027-03-22T10:10");
    const slots = availableSlots({ event: { ...base, minimumNotice: 60 }, hosts: [host(1)], range: MONDAY, now });
    expect(hhmm(slots[0]!.start)).toBe("11:30");
  });

  it("never offers the past", () => {
    const slots = availableSlots({ event: base, hosts: [host(1)], range: MONDAY, now: berlin("2027-03-22T16:00") });
    expect(slots.map((s) => hhmm(s.start))).toEqual(["16:00", "16:30"]);
  });

  it("stops at a rolling window of business days", () => {
    const now = berlin("2027-03-19T08:00"); // a Friday
    const event: EventSettings = { ...base, period: { type: "ROLLING", days: 2, calendarDays: false, timeZone: "Europe/Berlin" } };
    const range = { start: now, end: berlin("2027-03-31T00:00") };
    const days = new Set(availableSlots({ event, hosts: [host(1)], range, now }).map((s) => DateTime.fromMillis(s.start, { zone: "Europe/Berlin" }).toISODate()));
    expect([...days]).toEqual(["2027-03-19", "2027-03-22"]);
  });

  it("stops at a rolling window of calendar days", () => {
    const now = berlin("2027-03-19T08:00");
    const event: EventSettings = { ...base, period: { type: "ROLLING", days: 2, calendarDays: true, timeZone: "Europe/Berlin" } };
    const range = { start: now, end: berlin("2027-03-31T00:00") };
    const days = new Set(availableSlots({ event, hosts: [host(1)], range, now }).map((s) => DateTime.fromMillis(s.start, { zone: "Europe/Berlin" }).toISODate()));
    expect([...days]).toEqual(["2027-03-19"]);
  });

  it("keeps to a fixed date range, its last day included", () => {
    const event: EventSettings = { ...base, period: { type: "RANGE", start: berlin("2027-03-23T00:00"), end: berlin("2027-03-24T00:00"), timeZone: "Europe/Berlin" } };
    const range = { start: berlin("2027-03-22T00:00"), end: berlin("2027-03-27T00:00") };
    const days = new Set(availableSlots({ event, hosts: [host(1)], range, now: NOW }).map((s) => DateTime.fromMillis(s.start, { zone: "Europe/Berlin" }).toISODate()));
    expect([...days]).toEqual(["2027-03-23", "2027-03-24"]);
  });

  it("steps by the slot interval, aligned to the rule's start even when the range starts mid-window", () => {
    const range = { start: berlin("2027-03-22T10:07"), end: MONDAY.end };
    const slots = availableSlots({ event: { ...base, length: 60, interval: 45 }, hosts: [host(1)], range, now: NOW });
    expect(slots.map((s) => hhmm(s.start))).toEqual(["10:30", "11:15", "12:00", "12:45", "13:30", "14:15", "15:00", "15:45"]);
  });

  it("has nothing for a host without a schedule", () => {
    expect(availableSlots({ event: base, hosts: [host(1, { rules: null })], range: MONDAY, now: NOW })).toEqual([]);
  });
});

describe("availableSlots — seats", () => {
  const event = { ...base, seatsPerTimeSlot: 3 };
  it("keeps a seated slot offered, with counts, until it is full", () => {
    const ten = berlin("2027-03-22T10:00");
    const seated = [{ start: ten, end: ten + 30 * MINUTE, seatsBooked: 2, bookingUid: "b1" }];
    const slots = availableSlots({ event, hosts: [host(1, { seated })], range: MONDAY, now: NOW });
    expect(slots.find((s) => s.start === ten)!.seats).toEqual({ booked: 2, total: 3, bookingUid: "b1" });
    expect(slots.find((s) => s.start === ten + 30 * MINUTE)!.seats).toEqual({ booked: 0, total: 3 });
    const full = availableSlots({ event, hosts: [host(1, { seated: [{ ...seated[0]!, seatsBooked: 3 }] })], range: MONDAY, now: NOW });
    expect(full.find((s) => s.start === ten)).toBeUndefined();
    expect(full).toHaveLength(15);
  });

  it("does not offer a slot overlapping a seated booking at another start", () => {
    const ten = berlin("2027-03-22T10:00");
    const seated = [{ start: ten, end: ten + 30 * MINUTE, seatsBooked: 1 }];
    const slots = availableSlots({ event: { ...event, interval: 15 }, hosts: [host(1, { seated })], range: MONDAY, now: NOW });
    expect(slots.map((s) => hhmm(s.start))).not.toContain("09:45");
    expect(slots.map((s) => hhmm(s.start))).not.toContain("10:15");
    expect(slots.map((s) => hhmm(s.start))).toContain("10:00");
  });
});

describe("availableSlots — teams", () => {
  const ten = berlin("2027-03-22T10:00");
  const busyAtTen = { busy: [{ start: ten, end: ten + 30 * MINUTE }] };

  it("round robin offers a slot when any host is free, naming the free hosts", () => {
    const slots = availableSlots({ event: { ...base, schedulingType: "ROUND_ROBIN" }, hosts: [host(1, busyAtTen), host(2)], range: MONDAY, now: NOW });
    expect(slots).toHaveLength(16);
    expect(slots.find((s) => s.start === ten)!.hostIds).toEqual([2]);
    expect(slots.find((s) => s.start !== ten)!.hostIds.sort()).toEqual([1, 2]);
  });

  it("round robin drops a slot when every host is busy, or a fixed host is", () => {
    const event = { ...base, schedulingType: "ROUND_ROBIN" as const };
    expect(availableSlots({ event, hosts: [host(1, busyAtTen), host(2, busyAtTen)], range: MONDAY, now: NOW })).toHaveLength(15);
    expect(availableSlots({ event, hosts: [host(1, { ...busyAtTen, fixed: true }), host(2)], range: MONDAY, now: NOW })).toHaveLength(15);
  });

  it("collective offers only the time every host has, in their own zones", () => {
    const newYork: ScheduleRules = { timeZone: "America/New_York", weekly: [{ days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1020 }] };
    const event = { ...base, schedulingType: "COLLECTIVE" as const };
    // 2027-03-22: New York is on EDT (UTC-4), Berlin still on CET (UTC+1): 09:00 NY = 14:00 Berlin.
    const slots = availableSlots({ event, hosts: [host(1), host(2, { rules: newYork })], range: MONDAY, now: NOW });
    expect(slots.map((s) => hhmm(s.start))).toEqual(["14:00", "14:30", "15:00", "15:30", "16:00", "16:30"]);
    expect(slots[0]!.hostIds).toEqual([1, 2]);
    const oneBusy = availableSlots({ event, hosts: [host(1, { busy: [{ start: berlin("2027-03-22T15:00"), end: berlin("2027-03-22T16:00") }] }), host(2, { rules: newYork })], range: MONDAY, now: NOW });
    expect(oneBusy.map((s) => hhmm(s.start))).toEqual(["14:00", "14:30", "16:00", "16:30"]);
  });

  it("properties: round robin = union of hosts, collective ⊆ every host, buffers respected", () => {
    const busyArb = fc.array(
      fc.tuple(fc.integer({ min: 0, max: 6 * 48 }), fc.integer({ min: 1, max: 8 })).map(([slot, halfHours]) => ({
        start: MONDAY.start + slot * 30 * MINUTE,
        end: MONDAY.start + (slot + halfHours) * 30 * MINUTE,
      })),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(fc.array(busyArb, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (busies, before, after) => {
        const hosts = busies.map((busy, i) => host(i + 1, { busy }));
        const range = { start: MONDAY.start, end: MONDAY.start + 5 * 1440 * MINUTE };
        const event = { ...base, beforeBuffer: before, afterBuffer: after };
        const single = hosts.map((h) => new Set(availableSlots({ event, hosts: [h], range, now: NOW }).map((s) => s.start)));
        const roundRobin = availableSlots({ event: { ...event, schedulingType: "ROUND_ROBIN" }, hosts, range, now: NOW }).map((s) => s.start);
        const union = new Set(single.flatMap((s) => [...s]));
        expect(new Set(roundRobin)).toEqual(union);
        const collective = availableSlots({ event: { ...event, schedulingType: "COLLECTIVE" }, hosts, range, now: NOW });
        for (const slot of collective) expect(single.every((s) => s.has(slot.start))).toBe(true);
        for (const [i, h] of hosts.entries()) {
          for (const start of single[i]!) {
            const guarded = { start: start - before * MINUTE, end: start + (30 + after) * MINUTE };
            expect(h.busy.some((b) => b.start < guarded.end && guarded.start < b.end)).toBe(false);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
