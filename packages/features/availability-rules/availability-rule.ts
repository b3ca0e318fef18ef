import type { AvailabilityModel } from "@slotbase/prisma";
import { invalid as invalidInput, type FieldIssue } from "../errors/domain-errors";

/**
 * One availability rule (Prisma model Availability), as v1 `availabilities` and the rules
 * of v1 `schedules` show and accept it:
 * - a weekly rule: `days` (0 = Sunday … 6 = Saturday, Cal.com's convention) + wall-clock times;
 * - a dated override: `date` + times, replacing that date's weekly hours; start = end = 00:00
 *   makes the whole date unavailable (Cal.com semantics);
 * - with `unavailable: true`, a block subtracted from free time (a lunch break), weekly or dated.
 *
 * Times are `@db.Time(0)`: Prisma hands them over as Dates on 1970-01-01 UTC. The end of the
 * day (24:00) is stored as 23:59:59, which the engine reads as midnight at the end of the day.
 */

export const SECONDS_PER_DAY = 86_400;
/** 23:59:59, how 24:00 is stored. */
export const STORED_END_OF_DAY = SECONDS_PER_DAY - 1;
export const MAX_RULES_PER_SCHEDULE = 100;

/** What a client sends: times as "HH:mm", "HH:mm:ss", "24:00" or Cal.com's "1970-01-01THH:mm:ss.sssZ". */
export interface AvailabilityRuleInput {
  days?: number[] | null;
  date?: string | null;
  startTime: string;
  endTime: string;
  unavailable?: boolean;
}

export type AvailabilityRulePatch = Partial<AvailabilityRuleInput>;

/** A rule with times as seconds after local midnight (an end of 86 400 = end of the day). */
export interface RuleValues {
  days: number[];
  date: string | null;
  startTime: number;
  endTime: number;
  unavailable: boolean;
}

/** The columns a rule is stored in. */
export interface RuleData {
  days: number[];
  date: Date | null;
  startTime: Date;
  endTime: Date;
  unavailable: boolean;
}

/** A rule as the API shows it. */
export interface PublicAvailability {
  id: number;
  userId: number | null;
  scheduleId: number;
  days: number[];
  date: string | null;
  startTime: string;
  endTime: string;
  unavailable: boolean;
}

const CLOCK = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;
const EPOCH_CLOCK = /^1970-01-01T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,3})?Z$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Seconds after midnight for "HH:mm", "HH:mm:ss", "1970-01-01THH:mm:ss(.sss)Z"; "24:00" and
 * "24:00:00" (end of the day) are 86 400. Anything else is null.
 */
export function parseTimeOfDay(value: string): number | null {
  const match = CLOCK.exec(value) ?? EPOCH_CLOCK.exec(value);
  if (!match) return null;
  const [hours, minutes, seconds] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  if (hours === 24 && minutes === 0 && seconds === 0 && CLOCK.test(value)) return SECONDS_PER_DAY;
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  return hours * 3600 + minutes * 60 + seconds;
}

/** Whether `value` is a real calendar date "YYYY-MM-DD" (years 1970–9999). */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1970 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "HH:mm:ss" of a stored time (23:59:59 for the end of the day). */
export function formatStoredTime(time: Date): string {
  return `${pad(time.getUTCHours())}:${pad(time.getUTCMinutes())}:${pad(time.getUTCSeconds())}`;
}

const storedSeconds = (time: Date) => time.getUTCHours() * 3600 + time.getUTCMinutes() * 60 + time.getUTCSeconds();

function toStoredTime(seconds: number): Date {
  return new Date(Math.min(seconds, STORED_END_OF_DAY) * 1000);
}

const formatDate = (date: Date) => date.toISOString().slice(0, 10);

export function toPublicAvailability(row: AvailabilityModel): PublicAvailability {
  return {
    id: row.id,
    userId: row.userId,
    scheduleId: row.scheduleId as number,
    days: row.days,
    date: row.date ? formatDate(row.date) : null,
    startTime: formatStoredTime(row.startTime),
    endTime: formatStoredTime(row.endTime),
    unavailable: row.unavailable,
  };
}

/** A stored rule as values (a stored 23:59:59 end is the end of the day). */
export function ruleValuesOf(row: AvailabilityModel): RuleValues {
  const end = storedSeconds(row.endTime);
  return {
    days: row.days,
    date: row.date ? formatDate(row.date) : null,
    startTime: storedSeconds(row.startTime),
    endTime: end === STORED_END_OF_DAY ? SECONDS_PER_DAY : end,
    unavailable: row.unavailable,
  };
}

function invalid(details: FieldIssue[]) {
  return invalidInput(details.map((d) => `${d.field}: ${d.message}`).join("; "), details);
}

function parseTimeField(value: string, field: string, allowEndOfDay: boolean): number {
  const seconds = parseTimeOfDay(value);
  if (seconds === null || (!allowEndOfDay && seconds === SECONDS_PER_DAY)) {
    throw invalid([{ field, rule: "invalid_format", message: 'Must be a time of day "HH:mm" or "HH:mm:ss"' }]);
  }
  return seconds;
}

/**
 * Applies a patch (or, with `base` undefined, a whole create body) and checks the result.
 * Setting `date` on a weekly rule without mentioning `days` turns it into a dated rule,
 * and the other way round; `null` clears either. `prefix` names fields in errors (e.g. `availability.0` inside a schedule).
 */
export function mergeRule(base: RuleValues | undefined, patch: AvailabilityRulePatch, prefix = ""): RuleValues {
  const field = (name: string) => (prefix ? `${prefix}.${name}` : name);
  const merged: RuleValues = base
    ? { ...base }
    : { days: [], date: null, startTime: Number.NaN, endTime: Number.NaN, unavailable: false };
  const daysGiven = patch.days !== undefined && patch.days !== null && patch.days.length > 0;
  const dateGiven = patch.date !== undefined && patch.date !== null;
  if (patch.days !== undefined) merged.days = patch.days ?? [];
  if (patch.date !== undefined) merged.date = patch.date;
  if (dateGiven && patch.days === undefined) merged.days = [];
  if (daysGiven && patch.date === undefined) merged.date = null;
  if (patch.startTime !== undefined) merged.startTime = parseTimeField(patch.startTime, field("startTime"), false);
  if (patch.endTime !== undefined) merged.endTime = parseTimeField(patch.endTime, field("endTime"), true);
  if (patch.unavailable !== undefined) merged.unavailable = patch.unavailable;
  checkRule(merged, prefix);
  return { ...merged, days: [...merged.days].sort((a, b) => a - b) };
}

/** The rules every stored rule obeys; a 400 naming the field otherwise. */
export function checkRule(rule: RuleValues, prefix = ""): void {
  const field = (name: string) => (prefix ? `${prefix}.${name}` : name);
  const details: FieldIssue[] = [];
  const hasDays = rule.days.length > 0;
  const hasDate = rule.date !== null;
  if (hasDays && hasDate) {
    details.push({ field: field("date"), rule: "exclusive", message: "Send either days (a weekly rule) or date (a dated override), not both" });
  } else if (!hasDays && !hasDate) {
    details.push({ field: field("days"), rule: "required", message: "Send either days (a weekly rule, non-empty) or date (a dated override)" });
  }
  if (rule.days.some((day) => !Number.isInteger(day) || day < 0 || day > 6)) {
    details.push({ field: field("days"), rule: "too_big", message: "Days are 0 (Sunday) to 6 (Saturday)" });
  } else if (new Set(rule.days).size !== rule.days.length) {
    details.push({ field: field("days"), rule: "unique", message: "Each day at most once" });
  }
  if (hasDate && !isCalendarDate(rule.date as string)) {
    details.push({ field: field("date"), rule: "invalid_format", message: 'Must be a real date "YYYY-MM-DD"' });
  }
  if (Number.isNaN(rule.startTime)) details.push({ field: field("startTime"), rule: "required", message: "Required" });
  if (Number.isNaN(rule.endTime)) details.push({ field: field("endTime"), rule: "required", message: "Required" });
  if (!Number.isNaN(rule.startTime) && !Number.isNaN(rule.endTime) && rule.endTime <= rule.startTime) {
    // Cal.com: a dated override from 00:00 to 00:00 marks the whole date unavailable.
    const wholeDateOff = hasDate && !rule.unavailable && rule.startTime === 0 && rule.endTime === 0;
    if (!wholeDateOff) {
      details.push({
        field: field("endTime"),
        rule: "after_start",
        message: "Must be after startTime (only a dated override may use 00:00–00:00, meaning unavailable all that date)",
      });
    }
  }
  if (details.length > 0) throw invalid(details);
}

export function ruleData(rule: RuleValues): RuleData {
  return {
    days: rule.days,
    date: rule.date === null ? null : new Date(`${rule.date}T00:00:00Z`),
    startTime: toStoredTime(rule.startTime),
    endTime: toStoredTime(rule.endTime),
    unavailable: rule.unavailable,
  };
}
