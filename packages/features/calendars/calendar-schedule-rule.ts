import type { CalendarScheduleModel } from "@slotbase/prisma";
import type { Recurrence } from "@slotbase/scheduling";
import { invalid, type FieldIssue } from "../errors/domain-errors";
import { isCalendarDate } from "../availability-rules/availability-rule";

/**
 * One workspace calendar schedule as a client writes it (times "HH:mm", dates "YYYY-MM-DD")
 * and as it is stored (minutes after local midnight, dates). A create sends the whole rule; an
 * update sends what changes, and the rule as it will be is checked as a whole (switching
 * recurrence, say), so every rule stored obeys the same checks.
 */
export type AvailabilityType = "available" | "unavailable";

export interface CalendarScheduleInput {
  name?: string;
  availabilityType?: AvailabilityType;
  recurrence?: Recurrence;
  startTime?: string;
  endTime?: string;
  daysOfWeek?: number[] | null;
  dayOfMonth?: number | null;
  startDate?: string;
  endDate?: string | null;
}

export interface CalendarScheduleValues {
  name: string;
  availabilityType: AvailabilityType;
  recurrence: Recurrence;
  startMinute: number;
  endMinute: number;
  daysOfWeek: number[];
  dayOfMonth: number | null;
  startDate: string;
  endDate: string | null;
}

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of "HH:mm"; "24:00" (the end of the day) only where `endOfDay`. */
export function parseClock(value: string, endOfDay: boolean): number | null {
  if (endOfDay && value === "24:00") return 1440;
  const match = CLOCK.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "HH:mm" of minutes after midnight ("24:00" for 1440). */
export const formatClock = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

function required<T>(value: T | undefined, field: string, issues: FieldIssue[]): T | undefined {
  if (value === undefined) issues.push({ field, rule: "required", message: "Required" });
  return value;
}

/** Applies `input` to `base` (absent: a create) and checks the result; an invalid-input error names every field at fault. */
export function mergeScheduleRule(base: CalendarScheduleValues | undefined, input: CalendarScheduleInput): CalendarScheduleValues {
  const issues: FieldIssue[] = [];
  const name = input.name ?? required(base?.name, "name", issues);
  const recurrence = input.recurrence ?? required(base?.recurrence, "recurrence", issues);
  const clock = (field: "startTime" | "endTime", fallback: number | undefined): number | undefined => {
    const text = input[field];
    if (text === undefined) return required(fallback, field, issues);
    const minutes = parseClock(text, field === "endTime");
    if (minutes === null) issues.push({ field, rule: "invalid_format", message: `A wall-clock time "HH:mm"${field === "endTime" ? ' (or "24:00")' : ""}` });
    return minutes ?? undefined;
  };
  const startMinute = clock("startTime", base?.startMinute);
  const endMinute = clock("endTime", base?.endMinute);
  if (startMinute !== undefined && endMinute !== undefined && startMinute === endMinute) {
    issues.push({ field: "endTime", rule: "not_equal", message: "Must differ from startTime (an end before the start runs past midnight)" });
  }

  const startDate = input.startDate ?? required(base?.startDate, "startDate", issues);
  const startDateValid = input.startDate === undefined || isCalendarDate(input.startDate);
  if (!startDateValid) {
    issues.push({ field: "startDate", rule: "invalid_format", message: 'A real date "YYYY-MM-DD"' });
  }
  const endDate = input.endDate !== undefined ? input.endDate : (base?.endDate ?? null);
  if (input.endDate != null && !isCalendarDate(input.endDate)) {
    issues.push({ field: "endDate", rule: "invalid_format", message: 'A real date "YYYY-MM-DD"' });
  } else if (endDate !== null && startDate !== undefined && startDateValid && endDate < startDate) {
    // (Compared only with a real startDate: "2026-02-30" is not after anything.)
    issues.push({ field: "endDate", rule: "after_start", message: "Must not be before startDate" });
  }

  // What only one recurrence uses: required there, cleared (and refused when sent) elsewhere.
  const daysOfWeek = input.daysOfWeek !== undefined ? (input.daysOfWeek ?? []) : recurrence === "weekly" ? (base?.daysOfWeek ?? []) : [];
  const dayOfMonth = input.dayOfMonth !== undefined ? input.dayOfMonth : recurrence === "monthly" ? (base?.dayOfMonth ?? null) : null;
  if (recurrence === "weekly") {
    if (daysOfWeek.length === 0) issues.push({ field: "daysOfWeek", rule: "required", message: "A weekly schedule needs daysOfWeek (0 = Sunday … 6 = Saturday)" });
    else if (daysOfWeek.some((d) => !Number.isInteger(d) || d < 0 || d > 6)) issues.push({ field: "daysOfWeek", rule: "out_of_range", message: "Days are 0 (Sunday) to 6 (Saturday)" });
    else if (new Set(daysOfWeek).size !== daysOfWeek.length) issues.push({ field: "daysOfWeek", rule: "unique", message: "Each day at most once" });
  } else if (input.daysOfWeek != null && input.daysOfWeek.length > 0) {
    issues.push({ field: "daysOfWeek", rule: "weekly_only", message: "Only weekly schedules have daysOfWeek" });
  }
  if (recurrence === "monthly") {
    if (dayOfMonth === null) issues.push({ field: "dayOfMonth", rule: "required", message: "A monthly schedule needs dayOfMonth (1–31)" });
    else if (!Number.isInteger(dayOfMonth) || dayOfMonth < 1 || dayOfMonth > 31) issues.push({ field: "dayOfMonth", rule: "out_of_range", message: "Between 1 and 31" });
  } else if (input.dayOfMonth != null) {
    issues.push({ field: "dayOfMonth", rule: "monthly_only", message: "Only monthly schedules have dayOfMonth" });
  }

  if (issues.length > 0) throw invalid(issues.map((i) => `${i.field}: ${i.message}`).join("; "), issues);
  return {
    name: name!,
    availabilityType: input.availabilityType ?? base?.availabilityType ?? "available",
    recurrence: recurrence!,
    startMinute: startMinute!,
    // An end at "00:00" is midnight after the start, the same moment as "24:00": stored as 1440,
    // the one way the table keeps midnight as an end (CalendarSchedule_minutes: 1..1440).
    endMinute: endMinute === 0 ? 1440 : endMinute!,
    daysOfWeek: recurrence === "weekly" ? [...daysOfWeek].sort((a, b) => a - b) : [],
    dayOfMonth: recurrence === "monthly" ? dayOfMonth : null,
    startDate: startDate!,
    endDate,
  };
}

/** A calendar's recurring rule as the services hand it out. */
export type CalendarScheduleRecord = Omit<CalendarScheduleModel, "startDate" | "endDate"> & { startDate: string; endDate: string | null };

const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const asDate = (date: string) => new Date(`${date}T00:00:00Z`);

export function toScheduleRecord(row: CalendarScheduleModel): CalendarScheduleRecord {
  return { ...row, startDate: isoDate(row.startDate), endDate: row.endDate ? isoDate(row.endDate) : null };
}

/** A stored rule as values to merge a change into (and, as it is, the engine's CalendarScheduleRule). */
export const valuesOf = (row: CalendarScheduleRecord): CalendarScheduleValues => ({
  name: row.name,
  availabilityType: row.availabilityType,
  recurrence: row.recurrence,
  startMinute: row.startMinute,
  endMinute: row.endMinute,
  daysOfWeek: row.daysOfWeek,
  dayOfMonth: row.dayOfMonth,
  startDate: row.startDate,
  endDate: row.endDate,
});

/** The columns a rule is stored in. */
export const scheduleColumns = (values: CalendarScheduleValues) => ({
  ...values,
  startDate: asDate(values.startDate),
  endDate: values.endDate ? asDate(values.endDate) : null,
});
