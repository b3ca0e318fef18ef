import fc from "fast-check";
import { DateTime } from "luxon";
import { availableSlots, mergeIntervals, peakUsage, type EventSettings, type HostAvailability, type Interval, type ResourceAvailability, type ScheduleRules } from "../index";

const MINUTE = 60_000;
const berlin = (local: string) => DateTime.fromISO(local, { zone: "Europe/Berlin" }).toMillis();
const hhmm = (ms: number) => DateTime.fromMillis(ms, { zone: "Europe/Berlin" }).toFormat("HH:mm");
const at = (from: string, to: string, units = 1) => ({ start: berlin(`2027-03-22T${from}`), end: berlin(`2027-03-22T${to}`), units });
const times = (slots: Interval[]) => slots.map((s) => hhmm(s.start));

const MONDAY = { start: berlin("2027-03-22T00:00"), end: berlin("2027-03-23T00:00") };
const NOW = berlin("2027-01-01T00:00");
const event: EventSettings = { length: 30, beforeBuffer: 0, afterBuffer: 0, minimumNotice: 0, period: { type: "UNLIMITED" }, schedulingType: null };
const room = (fields: Partial<ResourceAvailability>): ResourceAvailability => ({ windows: [at("09:00", "12:00")], capacity: 1, busy: [], ...fields });
const WEEKDAYS_9_TO_5: ScheduleRules = { timeZone: "Europe/Berlin", weekly: [{ days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1020 }] };
const host = (id: number, fields: Partial<HostAvailability> = {}): HostAvailability => ({ id, rules: WEEKDAYS_9_TO_5, busy: [], ...fields });

describe("peakUsage", () => {
  it("is the most units in use at one instant, not how many uses touch the range", () => {
    // Three bookings overlap 09:00–11:00, but never more than two at once.
    const busy = [at("09:00", "10:00"), at("09:30", "10:30"), at("10:00", "11:00")];
    expect(peakUsage(busy, at("09:00", "11:00"))).toBe(2);
    expect(peakUsage(busy, at("09:00", "09:30"))).toBe(1);
    expect(peakUsage(busy, at("10:30", "12:00"))).toBe(1);
  });

  it("back to back does not overlap; outside the range does not count; empty is 0", () => {
    const busy = [at("09:00", "10:00"), at("10:00", "11:00")];
    expect(peakUsage(busy, at("09:00", "11:00"))).toBe(1);
    expect(peakUsage([...busy].reverse(), at("09:00", "11:00"))).toBe(1);
    expect(peakUsage(busy, at("11:00", "12:00"))).toBe(0);
    expect(peakUsage([], at("09:00", "11:00"))).toBe(0);
    expect(peakUsage(busy, at("09:30", "09:30"))).toBe(0);
  });

  it("adds units: a blocker counts the whole capacity", () => {
    expect(peakUsage([at("09:00", "10:00"), at("09:30", "12:00", 4)], at("08:00", "13:00"))).toBe(5);
  });
});

describe("availableSlots with a resource and no hosts", () => {
  const request = (resource: ResourceAvailability, fields: Partial<EventSettings> = {}) =>
    availableSlots({ event: { ...event, ...fields }, hosts: [], range: MONDAY, now: NOW, resource });

  it("offers the resource's windows, aligned to their starts, with no host", () => {
    const slots = request(room({ windows: [at("09:10", "11:00")] }));
    expect(times(slots)).toEqual(["09:10", "09:40", "10:10"]);
    expect(slots[0]).toEqual({ start: berlin("2027-03-22T09:10"), end: berlin("2027-03-22T09:40"), hostIds: [], capacity: { used: 0, total: 1 } });
  });

  it("capacity 1: a booked slot is gone, back-to-back ones stay", () => {
    expect(times(request(room({ busy: [at("10:00", "10:30")] })))).toEqual(["09:00", "09:30", "10:30", "11:00", "11:30"]);
  });

  it("capacity 2: offered until two uses overlap, with the peak in use", () => {
    const slots = request(room({ capacity: 2, busy: [at("09:00", "10:00"), at("09:30", "10:30")] }));
    expect(slots.map((s) => `${hhmm(s.start)} ${s.capacity!.used}/${s.capacity!.total}`)).toEqual(["09:00 1/2", "10:00 1/2", "10:30 0/2", "11:00 0/2", "11:30 0/2"]);
  });

  it("an hour slot over two back-to-back half-hour bookings uses one unit, not two", () => {
    const slots = request(room({ capacity: 2, busy: [at("09:00", "09:30"), at("09:30", "10:00")] }), { length: 60 });
    expect(slots.map((s) => `${hhmm(s.start)} ${s.capacity!.used}`)).toEqual(["09:00 1", "10:00 0", "11:00 0"]);
  });

  it("a blocker fills the resource; a hold counts one unit", () => {
    expect(times(request(room({ capacity: 3, busy: [at("10:00", "11:00", 3)] })))).toEqual(["09:00", "09:30", "11:00", "11:30"]);
    const bookingAndHold = [at("10:00", "10:30"), at("10:00", "10:30")];
    expect(times(request(room({ capacity: 2, busy: bookingAndHold })))).not.toContain("10:00");
    expect(request(room({ capacity: 3, busy: bookingAndHold })).find((s) => hhmm(s.start) === "10:00")!.capacity).toEqual({ used: 2, total: 3 });
  });

  it("buffers widen the slot for capacity, but need not fit in the windows", () => {
    const slots = request(room({ busy: [at("10:00", "10:30")] }), { beforeBuffer: 15, afterBuffer: 15 });
    // 09:30 would need 10:00–10:15 after it, 10:30 would need 10:15–10:30 before it; 09:00 starts at the window's start.
    expect(times(slots)).toEqual(["09:00", "11:00", "11:30"]);
  });

  it("always open (windows null): aligned to the range's start; notice still applies", () => {
    const slots = availableSlots({ event, hosts: [], range: { start: berlin("2027-03-22T09:00"), end: berlin("2027-03-22T11:00") }, now: berlin("2027-03-22T09:20"), resource: room({ windows: null }) });
    expect(times(slots)).toEqual(["09:30", "10:00", "10:30"]);
  });

  it("nothing when the resource has no windows", () => {
    expect(request(room({ windows: [] }))).toEqual([]);
  });
});

describe("availableSlots with a resource and hosts", () => {
  it("slots lie in the hosts' hours and the resource's windows, with capacity", () => {
    const resource = room({ windows: [at("15:00", "19:00")], capacity: 2, busy: [at("15:00", "15:30")] });
    const slots = availableSlots({ event, hosts: [host(1)], range: MONDAY, now: NOW, resource });
    expect(times(slots)).toEqual(["15:00", "15:30", "16:00", "16:30"]);
    expect(slots[0]).toMatchObject({ hostIds: [1], capacity: { used: 1, total: 2 } });
  });

  it("a full resource removes the slot for every host of a round robin", () => {
    const resource = room({ windows: null, busy: [at("10:00", "10:30")] });
    const slots = availableSlots({ event: { ...event, schedulingType: "ROUND_ROBIN" }, hosts: [host(1), host(2)], range: MONDAY, now: NOW, resource });
    expect(slots).toHaveLength(15);
    expect(times(slots)).not.toContain("10:00");
  });

  it("the resource's windows need not hold the buffers, as a host's schedule need not", () => {
    const resource = room({ windows: [at("09:00", "10:00")] });
    const slots = availableSlots({ event: { ...event, beforeBuffer: 30, afterBuffer: 30 }, hosts: [host(1)], range: MONDAY, now: NOW, resource });
    expect(times(slots)).toEqual(["09:00", "09:30"]);
  });

  it("without a resource nothing changes: no capacity on the slots", () => {
    const slots = availableSlots({ event, hosts: [host(1)], range: MONDAY, now: NOW });
    expect(slots).toHaveLength(16);
    expect(slots.every((s) => s.capacity === undefined)).toBe(true);
  });
});

describe("availableSlots with a resource — properties", () => {
  const quarter = (q: number) => MONDAY.start + q * 15 * MINUTE;
  const span = fc.tuple(fc.integer({ min: 24, max: 80 }), fc.integer({ min: 1, max: 16 })).map(([q, n]) => ({ start: quarter(q), end: quarter(q + n) }));
  const use = fc.tuple(span, fc.integer({ min: 1, max: 3 })).map(([s, units]) => ({ ...s, units }));

  it("no slot is offered at or over capacity, every slot lies in the resource's windows, and `used` is the peak", () => {
    fc.assert(
      fc.property(
        fc.record({
          capacity: fc.integer({ min: 1, max: 3 }),
          busy: fc.array(use, { maxLength: 10 }),
          windows: fc.option(fc.array(span, { minLength: 1, maxLength: 4 }), { nil: null }),
        }),
        fc.constantFrom(0, 1, 2),
        fc.constantFrom(15, 30, 60),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        (resource, hostCount, length, beforeBuffer, afterBuffer) => {
          const settings: EventSettings = { ...event, length, beforeBuffer, afterBuffer, schedulingType: hostCount > 1 ? "ROUND_ROBIN" : null };
          const hosts = Array.from({ length: hostCount }, (_, i) => host(i + 1));
          const slots = availableSlots({ event: settings, hosts, range: MONDAY, now: NOW, resource });
          const windows = resource.windows && mergeIntervals(resource.windows);
          for (const slot of slots) {
            const guarded = { start: slot.start - beforeBuffer * MINUTE, end: slot.end + afterBuffer * MINUTE };
            const peak = peakUsage(resource.busy, guarded);
            expect(peak).toBeLessThan(resource.capacity);
            expect(slot.capacity).toEqual({ used: peak, total: resource.capacity });
            if (windows) expect(windows.some((w) => w.start <= slot.start && slot.end <= w.end)).toBe(true);
          }
          // An unused, always-open resource changes nothing for hosts.
          if (hostCount > 0) {
            const plain = availableSlots({ event: settings, hosts, range: MONDAY, now: NOW });
            const free = availableSlots({ event: settings, hosts, range: MONDAY, now: NOW, resource: { windows: null, capacity: 1, busy: [] } });
            expect(free).toEqual(plain.map((slot) => ({ ...slot, capacity: { used: 0, total: 1 } })));
            for (const slot of slots) expect(plain.some((p) => p.start === slot.start)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
