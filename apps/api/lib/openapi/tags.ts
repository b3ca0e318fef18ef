/**
 * The document's tags, in the order a reader needs them: Cal.com v1 (scheduling, bookings,
 * people and teams, keys), Cal.com v2 (slots and bookings first), the workspace calendars,
 * the calendar events and the operations of the server itself. Swagger UI shows tags in
 * this order and ignores `x-tagGroups` (Redoc and others read it), so each name starts with
 * its group ("v1 · Bookings"). Every operation names exactly one of these tags; the build
 * (scripts/build-openapi.ts) refuses any other and a tag without operations.
 */
export interface TagDefinition {
  name: string;
  description: string;
}

export interface TagGroup {
  /** The group's name in `x-tagGroups`. */
  name: string;
  tags: TagDefinition[];
}

const V1 = "Cal.com v1-compatible: `{ <object> }` bodies and v1's error shape `{ message, code, details, requestId }`";
const V2 = "Cal.com v2-compatible: `{ status, data }` bodies and v2's error shape `{ status: \"error\", timestamp, path, error }`";

export const TAG_GROUPS: TagGroup[] = [
  {
    name: "Cal.com v1",
    tags: [
      {
        name: "v1 · Slots & availability",
        description: `${V1}. When somebody can be booked: free slots of an event type, and a user's or a team's working hours and busy time.`,
      },
      {
        name: "v1 · Event types",
        description: `${V1}. What can be booked: personal and team event types (length, hosts, buffers, seats, booking window) and the questions bookers answer (custom inputs).`,
      },
      {
        name: "v1 · Schedules",
        description: `${V1}. Working hours: a user's schedules in their time zone and each schedule's availability rules (weekly hours, dated overrides, unavailable blocks).`,
      },
      {
        name: "v1 · Blockers",
        description: `${V1}. Blocked time, busy like a booking: a user's (holidays, focus time) or a workspace calendar's (a room being cleaned).`,
      },
      {
        name: "v1 · Bookings",
        description: `${V1}. Booking a free slot, reading, editing, cancelling and confirming bookings, and marking no-shows. No booking is ever double-booked, however many requests race.`,
      },
      {
        name: "v1 · Attendees, references & payments",
        description: `${V1}. A booking's child records: its attendees, its external references (calendar events, video meetings; also under the alias /v1/event-references) and its payments (read-only).`,
      },
      {
        name: "v1 · Calendars",
        description: `${V1}. External calendars: where bookings are written (destination calendars) and which calendars are read for busy time (selected calendars). No calendar integration is connected yet: the choices are stored.`,
      },
      {
        name: "v1 · Webhooks",
        description: `${V1}. Booking events POSTed to your URL, signed, retried for a day; each webhook's delivery log, redelivery and a test ping.`,
      },
      {
        name: "v1 · Users",
        description: `${V1}. People: the key's own user (/v1/me), users (admins create them), and confirming a changed email address.`,
      },
      {
        name: "v1 · Teams & memberships",
        description: `${V1}. Teams (a team is also a workspace) and their members: invitations, roles (OWNER, ADMIN, MEMBER), leaving.`,
      },
      {
        name: "v1 · API keys",
        description: `${V1}. API keys: the secret is shown once at creation; scopes, a team restriction, an expiry and a rate limit narrow what a key can do.`,
      },
      {
        name: "v1 · Not supported",
        description: `${V1}. Cal.com v1 operations that need integrations Slotbase does not have (video recordings, connected calendars, app credentials): served under Cal.com's paths and always answered 501 \`not_implemented\` with the reason.`,
      },
    ],
  },
  {
    name: "Cal.com v2",
    tags: [
      {
        name: "v2 · Slots",
        description: `${V2}. Free slots of an event type (no key needed, as on a public booking page) and holding a slot for a few minutes while a booker fills in the form.`,
      },
      {
        name: "v2 · Bookings",
        description: `${V2}. Booking a slot (no key needed), reading, listing, cancelling, rescheduling, confirming and declining bookings, changing their location, marking absences and reassigning round-robin bookings.`,
      },
      {
        name: "v2 · Event types",
        description: `${V2} (\`cal-api-version: 2024-06-14\`). A user's event types in Cal.com v2's shape.`,
      },
      {
        name: "v2 · Schedules",
        description: `${V2} (\`cal-api-version: 2024-06-11\`). The key's user's schedules: weekly hours and dated overrides in one object.`,
      },
      {
        name: "v2 · Webhooks",
        description: `${V2}. A user's webhooks and an event type's webhooks, delivered and signed exactly as on v1.`,
      },
      {
        name: "v2 · Me",
        description: `${V2}. The key's own user as Cal.com v2's \`MeOutput\` (n8n's Cal.com credential test calls it).`,
      },
    ],
  },
  {
    name: "Workspace calendars",
    tags: [
      {
        name: "Workspace · Calendars",
        description:
          "Bookable resources of a workspace (a team, named by its `uuid`): rooms, desks, studios, each with a capacity, a time zone and recurring schedules that open or close it. " +
          "Bodies are bare objects, lists `{ data, pagination }`, errors `{ error: { code, message, details, requestId } }`.",
      },
    ],
  },
  {
    name: "Calendar events",
    tags: [
      {
        name: "Calendar events · Events",
        description:
          "What a calendar UI draws for workspace calendars over a range (open periods, free fragments, bookings, holds, blockers), public calendars without a key. " +
          "JSON:API-style: invalid parameters are 422, errors `{ errors: [{ id, status, code, title, detail, source }] }`.",
      },
      {
        name: "Calendar events · Customer accounts",
        description: "A workspace's record of each person who books its calendars, and a preview of one of their bookings. JSON:API-style errors, as calendar events.",
      },
    ],
  },
  {
    name: "Operations",
    tags: [
      {
        name: "Operations · Health",
        description: "For load balancers, orchestrators and schedulers: liveness, readiness and the scheduled delivery of emails and webhooks. No API key.",
      },
      {
        name: "Operations · Documentation",
        description: "This server's index, this documentation (Swagger UI) and the OpenAPI document. No API key.",
      },
    ],
  },
];

/** Every tag, in document order. */
export const TAGS: TagDefinition[] = TAG_GROUPS.flatMap((group) => group.tags);
