import { z } from "zod";
import { isParseableInstant } from "@slotbase/scheduling";
import { queryBoolean, timeZone } from "../validation/common";

/**
 * The calendar-events surface (seed 001), in its own JSON:API-flavoured style: snake_case,
 * `{ data: … }`, times as UTC ISO 8601 with `Z`.
 */
export const MAX_RESOURCES = 50;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const RANGE_VALUE = "an ISO 8601 date (2027-04-15, a local day in `timezone`) or date-time (2027-04-15T10:00:00Z; without an offset, a wall time in `timezone`)";

const uuid = (what: string) => z.string().regex(UUID, { error: `Must be ${what} uuid` });
const bound = (description: string) =>
  z
    .string()
    .max(40)
    .refine(isParseableInstant, { error: `Must be ${RANGE_VALUE}` })
    .describe(description);

export const CalendarEventsQuery = z.object({
  resource_id: z
    .union([z.string().transform((id) => [id]), z.array(z.string())], {
      error: (issue) => (issue.input === undefined ? "Required: one resource uuid, or several as resource_id[]=…" : "Must be a resource uuid, or several as resource_id[]=…"),
    })
    .pipe(z.array(uuid("a resource (calendar)")).max(MAX_RESOURCES, { error: `At most ${MAX_RESOURCES} resources per request` }))
    .describe(`The resource (a workspace calendar's \`uuid\`): one, or up to ${MAX_RESOURCES} as \`resource_id[]=…&resource_id[]=…\` (or repeated \`resource_id=\`).`),
  start_date: bound("Range start; default: now (the current minute).").optional(),
  end_date: bound("Range end (a date is included whole); default: start + 7 days; at most 62 days after start.").optional(),
  timezone: timeZone()
    .optional()
    .describe("IANA zone of date-only bounds and of the day-long periods of always-open resources; default: the (first) resource's zone. Schedules keep their calendar's own zone."),
  "filter[exclude_child_resources]": queryBoolean()
    .default(false)
    .describe("true: only the requested resources; by default their child resources' events are included too, each with its own resource_id."),
});

const utc = z.string().describe("UTC, ISO 8601 with Z");
const Customer = z.object({ id: z.string().describe("Customer account uuid."), first_name: z.string(), last_name: z.string() });

export const CalendarEvent = z
  .object({
    id: z.string().describe("Stable: derived from what the event represents, so two responses can be diffed."),
    type: z.enum(["period", "period_fragment", "booking", "reserved_booking", "blocker", "booking_count"]),
    start_date: utc,
    end_date: utc,
    resource_id: z.string(),
    resource_name: z.string(),
    quota: z.number().int().describe("The resource's capacity."),
    occupancy: z.number().min(0).max(1).describe("Units in use / capacity: over a fragment or count its constant level, over other events the peak."),
    is_available: z.boolean(),
    is_blocker: z.boolean(),
    display_label: z.string().optional().describe('booking: "<customers> - <event type>" for members, "Booked" otherwise; reserved_booking "Reserved"; blocker its title (members) or "Blocked"; booking_count "<n> booked".'),
    customers: z.array(Customer).optional().describe("booking, members only: the customer accounts on it."),
    bookings: z.array(z.object({ id: z.string().describe("Booking uid."), status: z.enum(["accepted", "pending"]) })).optional().describe("booking, members only."),
    color_map: z.object({ bg: z.string(), text: z.string().describe("#000000 or #ffffff, whichever contrasts more with bg.") }).optional(),
    booking_count: z.number().int().optional().describe("booking_count: how many bookings run throughout the event."),
  })
  .meta({
    example: {
      id: "5b0c8f61-2a7e-8d41-9c3f-0a6e2b7d9f10",
      type: "booking",
      start_date: "{{day2 10:00 UTC iso-s}}",
      end_date: "{{day2 11:00 UTC iso-s}}",
      resource_id: "0d5f2b9e-7c1a-4e3b-9a8d-2f6c4b1e7a90",
      resource_name: "Meeting room Orion",
      quota: 1,
      occupancy: 1,
      is_available: false,
      is_blocker: false,
      display_label: "Jane Doe - Room booking",
      customers: [{ id: "8a1d3c5e-2b4f-4a6c-9e8d-7f1b2c3d4e5f", first_name: "Jane", last_name: "Doe" }],
      bookings: [{ id: "bk_4f9a2c7e1d", status: "accepted" }],
      color_map: { bg: "#3b82f6", text: "#000000" },
    },
  });

export const CalendarEventsResponse = z
  .object({
    data: z.object({
      events: z.array(CalendarEvent),
      resources_with_schedule: z.array(z.string()).describe("The resources shown that have at least one schedule."),
    }),
  })
  .meta({
    example: {
      data: {
        events: [
          {
            id: "c3a1f0e2-9b7d-8e42-a1c6-5d4f3e2b1a09",
            type: "period_fragment",
            start_date: "{{day2 11:00 UTC iso-s}}",
            end_date: "{{day2 18:00 UTC iso-s}}",
            resource_id: "0d5f2b9e-7c1a-4e3b-9a8d-2f6c4b1e7a90",
            resource_name: "Meeting room Orion",
            quota: 1,
            occupancy: 0,
            is_available: true,
            is_blocker: false,
          },
        ],
        resources_with_schedule: ["0d5f2b9e-7c1a-4e3b-9a8d-2f6c4b1e7a90"],
      },
    },
  });

export const CustomerAccountQuery = z.object({ account_id: z.string().describe("The customer account's uuid.") });
export const BookingPreviewQuery = CustomerAccountQuery.extend({ booking_id: z.string().describe("The booking's uid.") });

const statusText = z.enum(["accepted", "pending", "cancelled", "rejected"]);
const Resource = z.object({ id: z.string(), name: z.string() });

export const CustomerAccountResponse = z
  .object({
    data: z.object({
      id: z.string(),
      workspace_id: z.string().describe("The workspace's uuid."),
      first_name: z.string(),
      last_name: z.string(),
      email: z.string(),
      created_at: utc,
      upcoming_bookings: z
        .array(z.object({ id: z.string().describe("Booking uid: preview it at booking-preview/{id}."), status: statusText, start_date: utc, end_date: utc, resource: Resource }))
        .describe("Accepted and pending bookings not yet over, soonest first, at most 100."),
    }),
  })
  .meta({
    example: {
      data: {
        id: "8a1d3c5e-2b4f-4a6c-9e8d-7f1b2c3d4e5f",
        workspace_id: "e2f4a6c8-1b3d-4f5a-8c7e-9d0b1a2c3e4f",
        first_name: "Jane",
        last_name: "Doe",
        email: "jane@example.com",
        created_at: "2026-11-02T09:12:00Z",
        upcoming_bookings: [
          { id: "bk_4f9a2c7e1d", status: "accepted", start_date: "{{day2 10:00 UTC iso-s}}", end_date: "{{day2 11:00 UTC iso-s}}", resource: { id: "0d5f2b9e-7c1a-4e3b-9a8d-2f6c4b1e7a90", name: "Meeting room Orion" } },
        ],
      },
    },
  });

export const BookingPreviewResponse = z
  .object({
    data: z.object({
      id: z.string().describe("Booking uid."),
      status: statusText,
      start_date: utc,
      end_date: utc,
      resource: Resource,
      event_type_title: z.string().nullable(),
      location: z.string().nullable(),
      customers: z.array(Customer),
      display_label: z.string(),
      price: z.number().int().nullable().describe("In minor units (cents); null when free."),
      currency: z.string().nullable(),
    }),
  })
  .meta({
    example: {
      data: {
        id: "bk_4f9a2c7e1d",
        status: "accepted",
        start_date: "{{day2 10:00 UTC iso-s}}",
        end_date: "{{day2 11:00 UTC iso-s}}",
        resource: { id: "0d5f2b9e-7c1a-4e3b-9a8d-2f6c4b1e7a90", name: "Meeting room Orion" },
        event_type_title: "Room booking",
        location: "Floor 3",
        customers: [{ id: "8a1d3c5e-2b4f-4a6c-9e8d-7f1b2c3d4e5f", first_name: "Jane", last_name: "Doe" }],
        display_label: "Jane Doe - Room booking",
        price: 2500,
        currency: "eur",
      },
    },
  });
