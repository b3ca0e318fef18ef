import type { EventTypeModel, HostModel, PeriodType } from "@slotbase/prisma";

/** What the event-type service takes and answers (shared by the v1 and v2 mappings). */

export interface EventTypeLocation {
  type: string;
  address?: string;
  link?: string;
  phone?: string;
  displayLocationPublicly?: boolean;
}

export interface EventTypeHostInput {
  userId: number;
  isFixed?: boolean;
  /** 0..4 */
  priority?: number | null;
  /** 0..1000 */
  weight?: number | null;
  /** A schedule of this host; null: their default. */
  scheduleId?: number | null;
}

export type TeamSchedulingType = "ROUND_ROBIN" | "COLLECTIVE";

/** The fields a client may set on create and edit (already validated for shape and bounds). */
export interface EventTypeFields {
  title?: string;
  slug?: string;
  description?: string | null;
  length?: number;
  hidden?: boolean;
  position?: number;
  locations?: EventTypeLocation[];
  eventName?: string | null;
  periodType?: PeriodType;
  periodDays?: number | null;
  periodStartDate?: Date | null;
  periodEndDate?: Date | null;
  periodCountCalendarDays?: boolean | null;
  requiresConfirmation?: boolean;
  disableGuests?: boolean;
  hideCalendarNotes?: boolean;
  minimumBookingNotice?: number;
  beforeEventBuffer?: number;
  afterEventBuffer?: number;
  seatsPerTimeSlot?: number | null;
  seatsShowAttendees?: boolean | null;
  schedulingType?: TeamSchedulingType | null;
  price?: number;
  currency?: string;
  slotInterval?: number | null;
  successRedirectUrl?: string | null;
  metadata?: Record<string, unknown> | null;
  scheduleId?: number | null;
  /** Team types only: a calendar of the team every booking also takes. */
  calendarId?: number | null;
  /** Team types only; on edit it replaces the whole list. */
  hosts?: EventTypeHostInput[];
  /**
   * Other durations a booker may choose besides the length (Cal.com's metadata.multipleDuration;
   * null removes them). Kept in metadata beside its other keys.
   */
  multipleDuration?: number[] | null;
  /** A recurring event type: each booking is a series (Cal.com's form; null: not recurring). */
  recurringEvent?: RecurringEvent | null;
}

/** Cal.com's recurringEvent: freq 0 yearly, 1 monthly, 2 weekly (RRULE's numbering); every `interval` units, `count` occurrences. */
export interface RecurringEvent {
  freq: 0 | 1 | 2;
  interval: number;
  count: number;
}

export interface EventTypeCreateInput extends EventTypeFields {
  title: string;
  slug: string;
  length: number;
  /** A team event type (team OWNER/ADMIN only). */
  teamId?: number;
  /** Admins only when it names another user. */
  userId?: number;
}

export type EventTypeUpdateInput = EventTypeFields;

/** What an event type shows of its owner and hosts (their public profile). */
export interface EventTypePerson {
  id: number;
  name: string | null;
  username: string | null;
  avatarUrl: string | null;
  weekStart: string;
  brandColor: string | null;
  darkBrandColor: string | null;
}

export type EventTypeHost = Omit<HostModel, "eventTypeId"> & { user: EventTypePerson };
export type EventTypeWithHosts = EventTypeModel & {
  hosts: EventTypeHost[];
  /** A personal type's owner (null for team types). */
  owner: EventTypePerson | null;
  destinationCalendar: { integration: string; externalId: string } | null;
};

export interface EventTypeListFilter {
  userId?: number;
  /** The personal types of the user with this username (admins: anyone's; others: their own only). */
  username?: string;
  teamId?: number;
  /** Only the types with this slug (Cal.com v1's `slug`): one per owner, so one per user or team. */
  slug?: string;
}
