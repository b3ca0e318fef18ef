import { formatClock, type CalendarPage, type CalendarRecord, type CalendarScheduleRecord } from "@slotbase/features";
import type { z } from "zod";
import type { Calendar, CalendarPageResponse, CalendarSchedule } from "../schemas/calendars";

/** Workspace calendars on the wire: camelCase, wall-clock times as "HH:mm". */
export function toCalendarSchedule(schedule: CalendarScheduleRecord): z.input<typeof CalendarSchedule> {
  return {
    id: schedule.id,
    calendarId: schedule.calendarId,
    name: schedule.name,
    availabilityType: schedule.availabilityType,
    recurrence: schedule.recurrence,
    startTime: formatClock(schedule.startMinute),
    endTime: formatClock(schedule.endMinute),
    daysOfWeek: schedule.daysOfWeek,
    dayOfMonth: schedule.dayOfMonth,
    startDate: schedule.startDate,
    endDate: schedule.endDate,
    createdAt: schedule.createdAt,
    updatedAt: schedule.updatedAt,
  };
}

export function toCalendar(calendar: CalendarRecord): z.input<typeof Calendar> {
  const { schedules, ...fields } = calendar;
  return { ...fields, ...(schedules ? { schedules: schedules.map(toCalendarSchedule) } : {}) };
}

export function toCalendarPage(page: CalendarPage): z.input<typeof CalendarPageResponse> {
  return { ...page, items: page.items.map(toCalendar) };
}
