/**
 * The request example of every operation: the values Swagger UI fills in when you press
 * "Try it out", by operationId. `params` are path, query and header parameters by name (each
 * becomes that parameter's `example`; optional parameters without one are left empty),
 * `body` the request body's example. Dates are placeholders (example-dates.ts) filled in
 * relative to the day the document is served.
 *
 * Each example is meant to succeed, as the seed key's user (the demo's system admin), on a
 * freshly seeded demo database (`yarn db:seed`, packages/features/scripts/demo-data.ts), and
 * test/docs-examples.test.ts sends every one of them to prove it. Ids are the demo's (see
 * DEMO); times avoid the demo's bookings (they are at 10:00, 14:00 and 15:00 in Berlin).
 * Where the demo has no such object, `needs` says which other example makes it first and
 * which of its answer's fields goes into which parameter (`uses`); `setup` says in words what
 * else an example relies on. Both are shown in the operation's description.
 */
export type ParamValue = string | number | boolean | string[];

export interface Prerequisite {
  /** The operation whose example runs first. */
  operationId: string;
  /** Parameter name → dotted path into that operation's success body (`webhook.id`, `data.0.id`). */
  uses?: Record<string, string>;
}

export interface RequestExample {
  params?: Record<string, ParamValue>;
  body?: unknown;
  needs?: Prerequisite[];
  /** What else the example relies on, in words (the test arranges it). */
  setup?: string;
}

const BERLIN = "Europe/Berlin";

/** The demo data's predictable ids (a fresh database: ids count from 1 in seed order). */
export const DEMO = {
  adminId: 1,
  aliceId: 2,
  bobId: 3,
  teamId: 1,
  aliceScheduleId: 1,
  bobScheduleId: 2,
  /** Alice's rules: weekdays 09:00–17:00 (1) and the lunch break 12:00–13:00 (2); Bob's weekdays (3). */
  aliceHoursRuleId: 1,
  aliceLunchRuleId: 2,
  /** Alice's "30 Minute Meeting" (30min), the team's round-robin "Support Call", Alice's seated "Group Workshop". */
  introEventTypeId: 1,
  supportEventTypeId: 2,
  workshopEventTypeId: 3,
  /** seed-booking-1: Jordan Lee with Alice, day 1 10:00 Berlin (id 1); seed-booking-2: pending (id 2); seed-booking-3: Bob's support call (id 3). */
  bookingId: 1,
  bookingUid: "seed-booking-1",
  pendingBookingId: 2,
  pendingBookingUid: "seed-booking-2",
  roundRobinBookingUid: "seed-booking-3",
  /** Jordan Lee on seed-booking-1 (1); Sam Carter's seat on the workshop, seed-booking-5 (6). */
  attendeeId: 1,
  seatAttendeeId: 6,
  /** Meeting room Orion (1), the desk pool (2; its lunch-break schedule is 3), the recording booth (4). */
  roomCalendarId: 1,
  deskPoolCalendarId: 2,
  deskPoolLunchScheduleId: 3,
  boothCalendarId: 4,
  /** The room's "Deep clean" blocker. */
  blockerId: 1,
  roomBookingUid: "seed-room-1",
} as const;

/**
 * Values the demo seed makes at random (uuids, key ids): the examples show ones of the right
 * form; the operation's description says where to read yours (GET /v1/teams/1 shows the
 * workspace's `uuid`, for instance).
 */
export const RANDOM = {
  workspaceUuid: "5b0e6a3c-8f1d-4c2a-9e7b-1d2c3b4a5f60",
  roomCalendarUuid: "c3a1f2e4-7b6d-4e8f-a2b1-0c9d8e7f6a51",
  customerAccountUuid: "8d2f4b6a-1c3e-4a5b-9f7d-2e4c6a8b0d13",
  apiKeyId: "cmb7x1q9k0000slotbase0k3y",
  webhookId: "0b8f6c2e-3d4a-4f1b-9c7e-5a2d8e1f4b36",
  webhookV2Id: "6e1d3a9b-2f4c-4b8e-a7d5-3c9f1e2b8a47",
  eventTypeWebhookId: "a4c7e2f9-5b1d-4e3a-8c6f-9d2b7e1a3c58",
  deliveryId: "f2e9b7c4-6a1d-4c3e-b8f5-1a7d9c2e4b69",
  reservationUid: "e5b2c8d1-4f7a-4a9e-b3c6-8d1f5a2e7c90",
  emailToken: "kV3pZ8qR2mT6wX9yB4nL7sD1fH5jC0aE",
};

/** Shared bodies. */
const NEW_ATTENDEE = { name: "Maria Garcia", email: "maria.garcia@example.com", timeZone: "Europe/Madrid" };
const HOOK_URL = "https://hooks.example.com/slotbase";
const WORKSPACE = { workspace_uuid: RANDOM.workspaceUuid };
const workspaceFromTeam: Prerequisite = { operationId: "getTeam", uses: { workspace_uuid: "team.uuid" } };
const V2_SCHEDULES = { "cal-api-version": "2024-06-11" };
const DAY1 = `{{day1 ${BERLIN} date}}`;
const DAY2 = `{{day2 ${BERLIN} date}}`;

const bookingReferenceBody = {
  bookingId: DEMO.bookingId,
  type: "google_calendar",
  uid: "5q2kd8h1m4n7p0r3s6t9v2w5xy",
  meetingId: null,
  meetingPassword: null,
  meetingUrl: null,
  externalCalendarId: "alice@slotbase.dev",
};

export const REQUEST_EXAMPLES: Record<string, RequestExample> = {
  // Operations ---------------------------------------------------------------------------
  getApiIndex: {},
  getDocs: {},
  getOpenApiDocument: {},
  getHealth: {},
  getReadiness: {},
  runScheduledDelivery: { setup: "The server's CRON_SECRET, sent as `Authorization: Bearer <CRON_SECRET>` (Swagger UI cannot send it: use curl)." },

  // v1 · Slots & availability -----------------------------------------------------------------
  getSlots: { params: { eventTypeId: DEMO.introEventTypeId, startTime: DAY1, endTime: DAY2, timeZone: BERLIN } },
  getAvailability: { params: { userId: DEMO.aliceId, dateFrom: DAY1, dateTo: DAY2, timeZone: BERLIN } },
  getUserAvailabilityById: { params: { id: DEMO.aliceId, dateFrom: DAY1, dateTo: DAY2, timeZone: BERLIN } },
  "team-availability": { params: { teamId: DEMO.teamId, dateFrom: DAY1, dateTo: DAY1, timeZone: BERLIN } },

  // v1 · Event types -----------------------------------------------------------------------
  listEventTypes: {},
  createEventType: {
    body: {
      title: "15 Minute Call",
      slug: "15min",
      description: "A short call to answer one question.",
      length: 15,
      userId: DEMO.aliceId,
      locations: [{ type: "integrations:daily" }],
      minimumBookingNotice: 120,
      afterEventBuffer: 5,
    },
  },
  getEventType: { params: { id: DEMO.introEventTypeId } },
  updateEventType: { params: { id: DEMO.introEventTypeId }, body: { description: "A quick video call to get to know each other.", afterEventBuffer: 10 } },
  deleteEventType: { params: { id: DEMO.workshopEventTypeId } },
  listTeamEventTypes: { params: { teamId: DEMO.teamId } },
  listCustomInputs: {},
  addCustomInput: {
    body: { eventTypeId: DEMO.introEventTypeId, label: "What would you like to talk about?", type: "TEXTLONG", required: false, placeholder: "A few words help Alice prepare." },
  },
  getCustomInput: { params: { id: 1 }, needs: [{ operationId: "addCustomInput" }] },
  editCustomInput: { params: { id: 1 }, body: { required: true }, needs: [{ operationId: "addCustomInput" }] },
  removeCustomInput: { params: { id: 1 }, needs: [{ operationId: "addCustomInput" }] },

  // v1 · Schedules ---------------------------------------------------------------------------
  listSchedules: {},
  createSchedule: {
    body: { name: "Summer hours", timeZone: BERLIN, userId: DEMO.aliceId, availability: [{ days: [1, 2, 3, 4], startTime: "08:00", endTime: "15:00" }] },
  },
  getSchedule: { params: { id: DEMO.aliceScheduleId } },
  updateSchedule: { params: { id: DEMO.aliceScheduleId }, body: { name: "Office hours" } },
  deleteSchedule: { params: { id: DEMO.bobScheduleId } },
  listAvailabilities: {},
  createAvailability: { body: { scheduleId: DEMO.aliceScheduleId, date: `{{day4 ${BERLIN} date}}`, startTime: "09:00", endTime: "12:00" } },
  getAvailabilityById: { params: { id: DEMO.aliceHoursRuleId } },
  updateAvailability: { params: { id: DEMO.aliceHoursRuleId }, body: { startTime: "08:30" } },
  deleteAvailability: { params: { id: DEMO.aliceLunchRuleId } },

  // v1 · Blockers ----------------------------------------------------------------------------
  listBlockers: {},
  createBlocker: {
    body: { userId: DEMO.aliceId, title: "Dentist", notes: "Back by 11", startTime: `{{day4 09:00 ${BERLIN} iso}}`, endTime: `{{day4 10:30 ${BERLIN} iso}}` },
  },
  getBlocker: { params: { id: DEMO.blockerId } },
  updateBlocker: { params: { id: DEMO.blockerId }, body: { title: "Deep clean and window cleaning" } },
  deleteBlocker: { params: { id: DEMO.blockerId } },

  // v1 · Bookings ----------------------------------------------------------------------------
  listBookings: {},
  createBooking: {
    body: {
      eventTypeId: DEMO.introEventTypeId,
      start: `{{day1 11:30 ${BERLIN} iso}}`,
      name: NEW_ATTENDEE.name,
      email: NEW_ATTENDEE.email,
      timeZone: NEW_ATTENDEE.timeZone,
      language: "es",
      responses: { notes: "I would like to talk about the onboarding." },
      metadata: { source: "website" },
    },
  },
  getBooking: { params: { id: DEMO.bookingId } },
  updateBooking: { params: { id: DEMO.bookingId }, body: { title: "Intro call: Jordan Lee and Alice Schmidt", description: "Agenda: onboarding, pricing." } },
  deleteBooking: { params: { id: DEMO.bookingId }, body: { cancellationReason: "Jordan cannot make it this week." } },
  cancelBooking: { params: { id: DEMO.bookingId }, body: { cancellationReason: "Jordan cannot make it this week." } },
  confirmBooking: { params: { id: DEMO.pendingBookingId } },
  markNoShow: {
    body: { bookingUid: DEMO.bookingUid, attendees: [{ email: "jordan.lee@example.com", noShow: true }] },
    setup: "A booking that has started: the demo's bookings are all upcoming, so try it after seed-booking-1's start.",
  },

  // v1 · Attendees, references & payments -----------------------------------------------------------
  listAttendees: { params: { bookingId: DEMO.bookingId } },
  createAttendee: { body: { bookingId: DEMO.bookingId, ...NEW_ATTENDEE, locale: "es" } },
  getAttendee: { params: { id: DEMO.attendeeId } },
  updateAttendee: { params: { id: DEMO.attendeeId }, body: { timeZone: "Europe/Dublin", phoneNumber: "+353861234567" } },
  deleteAttendee: { params: { id: DEMO.seatAttendeeId } },
  listBookingReferences: {},
  createBookingReference: { body: bookingReferenceBody },
  getBookingReference: { params: { id: 1 }, needs: [{ operationId: "createBookingReference" }] },
  updateBookingReference: { params: { id: 1 }, body: { meetingUrl: "https://meet.google.com/abc-defg-hij" }, needs: [{ operationId: "createBookingReference" }] },
  deleteBookingReference: { params: { id: 1 }, needs: [{ operationId: "createBookingReference" }] },
  listEventReferences: {},
  createEventReference: { body: bookingReferenceBody },
  getEventReference: { params: { id: 1 }, needs: [{ operationId: "createEventReference" }] },
  updateEventReference: { params: { id: 1 }, body: { meetingUrl: "https://meet.google.com/abc-defg-hij" }, needs: [{ operationId: "createEventReference" }] },
  deleteEventReference: { params: { id: 1 }, needs: [{ operationId: "createEventReference" }] },
  listPayments: {},
  getPayment: { params: { id: 1 }, setup: "A payment: the demo data has none (payments are made by the booking flow of a paid event type)." },

  // v1 · Calendars -----------------------------------------------------------------------------
  listDestinationCalendars: {},
  addDestinationCalendar: { body: { integration: "google_calendar", externalId: "alice@slotbase.dev", userId: DEMO.aliceId } },
  getDestinationCalendar: { params: { id: 1 }, needs: [{ operationId: "addDestinationCalendar" }] },
  editDestinationCalendar: { params: { id: 1 }, body: { externalId: "bookings@slotbase.dev" }, needs: [{ operationId: "addDestinationCalendar" }] },
  removeDestinationCalendar: { params: { id: 1 }, needs: [{ operationId: "addDestinationCalendar" }] },
  listSelectedCalendars: {},
  addSelectedCalendar: { body: { integration: "google_calendar", externalId: "alice@slotbase.dev", userId: DEMO.aliceId } },
  getSelectedCalendarById: { params: { id: "2_google_calendar_alice@slotbase.dev" }, needs: [{ operationId: "addSelectedCalendar" }] },
  editSelectedCalendarById: { params: { id: "2_google_calendar_alice@slotbase.dev" }, body: { externalId: "alice.schmidt@slotbase.dev" }, needs: [{ operationId: "addSelectedCalendar" }] },
  removeSelectedCalendarById: { params: { id: "2_google_calendar_alice@slotbase.dev" }, needs: [{ operationId: "addSelectedCalendar" }] },

  // v1 · Webhooks ------------------------------------------------------------------------------
  listWebhooks: {},
  addWebhook: {
    body: { subscriberUrl: HOOK_URL, eventTriggers: ["BOOKING_CREATED", "BOOKING_RESCHEDULED", "BOOKING_CANCELLED"], active: true, secret: "a-long-random-secret-you-keep" },
  },
  getWebhookById: { params: { id: RANDOM.webhookId }, needs: [{ operationId: "addWebhook", uses: { id: "webhook.id" } }] },
  editWebhookById: { params: { id: RANDOM.webhookId }, body: { eventTriggers: ["BOOKING_CREATED", "BOOKING_CANCELLED"], active: true }, needs: [{ operationId: "addWebhook", uses: { id: "webhook.id" } }] },
  removeWebhookById: { params: { id: RANDOM.webhookId }, needs: [{ operationId: "addWebhook", uses: { id: "webhook.id" } }] },
  listWebhookDeliveries: { params: { id: RANDOM.webhookId }, needs: [{ operationId: "addWebhook", uses: { id: "webhook.id" } }] },
  pingWebhook: { params: { id: RANDOM.webhookId }, needs: [{ operationId: "addWebhook", uses: { id: "webhook.id" } }] },
  redeliverWebhookDelivery: {
    params: { id: RANDOM.webhookId, deliveryId: RANDOM.deliveryId },
    needs: [
      { operationId: "addWebhook", uses: { id: "webhook.id" } },
      { operationId: "pingWebhook", uses: { deliveryId: "delivery.id" } },
    ],
  },

  // v1 · Users -----------------------------------------------------------------------------------
  getMe: {},
  listUsers: {},
  createUser: { body: { email: "carol@slotbase.dev", username: "carol", name: "Carol Jones", timeZone: "Europe/Madrid", weekStart: "Monday", timeFormat: 24 } },
  getUser: { params: { id: DEMO.bobId } },
  updateUser: { params: { id: DEMO.bobId }, body: { name: "Bob Miller", timeZone: "America/Chicago", weekStart: "Sunday", timeFormat: 12 } },
  deleteUser: { params: { id: DEMO.bobId } },
  confirmUserEmail: {
    params: { id: DEMO.bobId },
    body: { token: RANDOM.emailToken },
    setup: "The token mailed to the new address after the user changed their own email (PATCH /v1/users/{id} with Bob's key).",
  },

  // v1 · Teams & memberships ----------------------------------------------------------------------
  listTeams: {},
  createTeam: { body: { name: "Acme Sales", slug: "acme-sales", bio: "Demos and quotes", timeZone: BERLIN, weekStart: "Monday" } },
  getTeam: { params: { teamId: DEMO.teamId } },
  updateTeam: { params: { teamId: DEMO.teamId }, body: { bio: "Help with every Acme product, on weekdays", brandColor: "#3b82f6" } },
  deleteTeam: { params: { teamId: DEMO.teamId } },
  listMemberships: { params: { teamId: DEMO.teamId } },
  createMembership: { body: { userId: DEMO.adminId, teamId: DEMO.teamId, role: "ADMIN" } },
  getMembership: { params: { id: `${DEMO.aliceId}_${DEMO.teamId}` } },
  updateMembership: { params: { id: `${DEMO.bobId}_${DEMO.teamId}` }, body: { role: "ADMIN" } },
  deleteMembership: { params: { id: `${DEMO.bobId}_${DEMO.teamId}` } },

  // v1 · API keys ------------------------------------------------------------------------------------
  listApiKeys: {},
  createApiKey: { body: { note: "Zapier: new bookings", scopes: ["bookings:read", "slots:read"], expiresAt: "{{day65 23:59 UTC iso-s}}" } },
  getApiKey: { params: { id: RANDOM.apiKeyId }, needs: [{ operationId: "createApiKey", uses: { id: "api_key.id" } }] },
  updateApiKey: { params: { id: RANDOM.apiKeyId }, body: { note: "Zapier: new and cancelled bookings", scopes: ["bookings:read"] }, needs: [{ operationId: "createApiKey", uses: { id: "api_key.id" } }] },
  deleteApiKey: { params: { id: RANDOM.apiKeyId }, needs: [{ operationId: "createApiKey", uses: { id: "api_key.id" } }] },

  // v1 · Not supported -------------------------------------------------------------------------------
  listBookingRecordings: { params: { id: DEMO.bookingId } },
  listBookingTranscripts: { params: { id: DEMO.bookingId } },
  getRecordingTranscripts: { params: { id: DEMO.bookingId, recordingId: "rec_7f3a2b" } },
  listConnectedCalendars: {},
  getCredentialSync: {},
  createCredentialSync: {},
  updateCredentialSync: {},
  deleteCredentialSync: {},

  // v2 · Slots -------------------------------------------------------------------------------------------
  getSlotsV2: { params: { eventTypeId: DEMO.introEventTypeId, start: DAY1, end: DAY1, timeZone: BERLIN } },
  reserveSlot: { body: { eventTypeId: DEMO.introEventTypeId, slotStart: `{{day1 13:30 ${BERLIN} iso}}`, reservationDuration: 10 } },
  getSlotReservation: { params: { uid: RANDOM.reservationUid }, needs: [{ operationId: "reserveSlot", uses: { uid: "data.reservationUid" } }] },
  updateSlotReservation: {
    params: { uid: RANDOM.reservationUid },
    body: { slotStart: `{{day1 14:00 ${BERLIN} iso}}` },
    needs: [{ operationId: "reserveSlot", uses: { uid: "data.reservationUid" } }],
  },
  deleteSlotReservation: { params: { uid: RANDOM.reservationUid }, needs: [{ operationId: "reserveSlot", uses: { uid: "data.reservationUid" } }] },

  // v2 · Bookings ----------------------------------------------------------------------------------------
  listBookingsV2: { params: { status: "upcoming", "cal-api-version": "2026-05-01" } },
  createBookingV2: {
    body: {
      start: `{{day1 11:00 ${BERLIN} iso}}`,
      eventTypeId: DEMO.introEventTypeId,
      attendee: { ...NEW_ATTENDEE, language: "es" },
      metadata: { source: "website" },
    },
  },
  getBookingV2: { params: { bookingUid: DEMO.bookingUid } },
  cancelBookingV2: { params: { bookingUid: DEMO.bookingUid }, body: { cancellationReason: "Jordan cannot make it this week." } },
  confirmBookingV2: { params: { bookingUid: DEMO.pendingBookingUid } },
  declineBookingV2: { params: { bookingUid: DEMO.pendingBookingUid }, body: { reason: "Alice is away that day; please pick another time." } },
  updateBookingLocationV2: { params: { bookingUid: DEMO.bookingUid }, body: { location: { type: "address", address: "Acme office, Alexanderplatz 1, 10178 Berlin" } } },
  markAbsentV2: {
    params: { bookingUid: DEMO.bookingUid },
    body: { attendees: [{ email: "jordan.lee@example.com", absent: true }] },
    setup: "A booking that has started: the demo's bookings are all upcoming, so try it after seed-booking-1's start.",
  },
  reassignBookingV2: { params: { bookingUid: DEMO.roundRobinBookingUid } },
  reassignBookingToUserV2: { params: { bookingUid: DEMO.roundRobinBookingUid, userId: DEMO.aliceId } },
  getBookingReferencesV2: { params: { bookingUid: DEMO.bookingUid } },
  rescheduleBookingV2: { params: { bookingUid: DEMO.bookingUid }, body: { start: `{{day1 15:00 ${BERLIN} iso}}`, reschedulingReason: "Jordan's train is late." } },

  // v2 · Event types ----------------------------------------------------------------------------------------
  listEventTypesV2: {},
  createEventTypeV2: {
    body: {
      title: "15 Minute Call",
      slug: "15min",
      lengthInMinutes: 15,
      description: "A short call to answer one question.",
      minimumBookingNotice: 120,
      locations: [{ type: "integration", integration: "cal-video" }],
    },
  },
  getEventTypeV2: { params: { eventTypeId: DEMO.introEventTypeId } },
  updateEventTypeV2: { params: { eventTypeId: DEMO.introEventTypeId }, body: { description: "A quick video call to get to know each other.", lengthInMinutesOptions: [30, 45] } },
  deleteEventTypeV2: { params: { eventTypeId: DEMO.workshopEventTypeId } },

  // v2 · Schedules ------------------------------------------------------------------------------------------
  getSchedulesV2: { params: V2_SCHEDULES },
  createScheduleV2: {
    params: V2_SCHEDULES,
    body: {
      name: "Working hours",
      timeZone: BERLIN,
      isDefault: true,
      availability: [{ days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], startTime: "09:00", endTime: "17:00" }],
      overrides: [{ date: `{{day5 ${BERLIN} date}}`, startTime: "09:00", endTime: "12:00" }],
    },
  },
  getScheduleV2: { params: { ...V2_SCHEDULES, scheduleId: DEMO.aliceScheduleId } },
  updateScheduleV2: {
    params: { ...V2_SCHEDULES, scheduleId: DEMO.aliceScheduleId },
    body: { name: "Office hours", availability: [{ days: ["Monday", "Tuesday", "Wednesday", "Thursday"], startTime: "08:00", endTime: "16:00" }] },
  },
  deleteScheduleV2: { params: { ...V2_SCHEDULES, scheduleId: 3 }, needs: [{ operationId: "createSchedule" }] },
  getDefaultScheduleV2: { params: V2_SCHEDULES, needs: [{ operationId: "createScheduleV2" }] },

  // v2 · Webhooks ---------------------------------------------------------------------------------------------
  listWebhooksV2: {},
  createWebhookV2: { body: { subscriberUrl: HOOK_URL, triggers: ["BOOKING_CREATED", "BOOKING_RESCHEDULED", "BOOKING_CANCELLED"], active: true, secret: "a-long-random-secret-you-keep" } },
  getWebhookV2: { params: { webhookId: RANDOM.webhookV2Id }, needs: [{ operationId: "createWebhookV2", uses: { webhookId: "data.id" } }] },
  updateWebhookV2: { params: { webhookId: RANDOM.webhookV2Id }, body: { triggers: ["BOOKING_CREATED", "BOOKING_CANCELLED"] }, needs: [{ operationId: "createWebhookV2", uses: { webhookId: "data.id" } }] },
  deleteWebhookV2: { params: { webhookId: RANDOM.webhookV2Id }, needs: [{ operationId: "createWebhookV2", uses: { webhookId: "data.id" } }] },
  listEventTypeWebhooksV2: { params: { eventTypeId: DEMO.introEventTypeId } },
  createEventTypeWebhookV2: {
    params: { eventTypeId: DEMO.introEventTypeId },
    body: { subscriberUrl: HOOK_URL, triggers: ["BOOKING_CREATED", "BOOKING_CANCELLED"], active: true },
  },
  deleteEventTypeWebhooksV2: { params: { eventTypeId: DEMO.introEventTypeId } },
  getEventTypeWebhookV2: {
    params: { eventTypeId: DEMO.introEventTypeId, webhookId: RANDOM.eventTypeWebhookId },
    needs: [{ operationId: "createEventTypeWebhookV2", uses: { webhookId: "data.id" } }],
  },
  updateEventTypeWebhookV2: {
    params: { eventTypeId: DEMO.introEventTypeId, webhookId: RANDOM.eventTypeWebhookId },
    body: { active: false },
    needs: [{ operationId: "createEventTypeWebhookV2", uses: { webhookId: "data.id" } }],
  },
  deleteEventTypeWebhookV2: {
    params: { eventTypeId: DEMO.introEventTypeId, webhookId: RANDOM.eventTypeWebhookId },
    needs: [{ operationId: "createEventTypeWebhookV2", uses: { webhookId: "data.id" } }],
  },

  // v2 · Me ---------------------------------------------------------------------------------------------------
  getMeV2: {},
  updateMeV2: { body: { name: "Slotbase Admin", timeZone: BERLIN, weekStart: "Monday", timeFormat: 24 } },

  // Workspace · Calendars -------------------------------------------------------------------------------------------
  listWorkspaceCalendars: { params: { ...WORKSPACE, includeSchedules: "true" }, needs: [workspaceFromTeam] },
  createWorkspaceCalendar: {
    params: WORKSPACE,
    body: { name: "Meeting room Vega", slug: "room-vega", description: "4 seats, whiteboard", capacity: 1, color: "#8b5cf6", isPublic: true },
    needs: [workspaceFromTeam],
  },
  getWorkspaceCalendar: { params: { ...WORKSPACE, calendar_id: DEMO.roomCalendarId, includeSchedules: "true" }, needs: [workspaceFromTeam] },
  updateWorkspaceCalendar: { params: { ...WORKSPACE, calendar_id: DEMO.roomCalendarId }, body: { description: "6 seats, screen, whiteboard" }, needs: [workspaceFromTeam] },
  deleteWorkspaceCalendar: { params: { ...WORKSPACE, calendar_id: DEMO.boothCalendarId, force: "true" }, needs: [workspaceFromTeam] },
  listWorkspaceCalendarSchedules: { params: { ...WORKSPACE, calendar_id: DEMO.deskPoolCalendarId }, needs: [workspaceFromTeam] },
  createWorkspaceCalendarSchedule: {
    params: { ...WORKSPACE, calendar_id: DEMO.roomCalendarId },
    body: { name: "Team breakfast", availabilityType: "unavailable", recurrence: "weekly", daysOfWeek: [5], startTime: "08:00", endTime: "09:00", startDate: DAY1 },
    needs: [workspaceFromTeam],
  },
  updateWorkspaceCalendarSchedule: {
    params: { ...WORKSPACE, calendar_id: DEMO.deskPoolCalendarId, schedule_id: DEMO.deskPoolLunchScheduleId },
    body: { startTime: "12:30", endTime: "13:30" },
    needs: [workspaceFromTeam],
  },
  deleteWorkspaceCalendarSchedule: {
    params: { ...WORKSPACE, calendar_id: DEMO.deskPoolCalendarId, schedule_id: DEMO.deskPoolLunchScheduleId },
    needs: [workspaceFromTeam],
  },

  // Calendar events -------------------------------------------------------------------------------------------------
  getCalendarEvents: {
    params: { resource_id: RANDOM.roomCalendarUuid, start_date: DAY1, end_date: DAY1, timezone: BERLIN },
    needs: [workspaceFromTeam, { operationId: "getWorkspaceCalendar", uses: { resource_id: "uuid" } }],
  },
  getCustomerAccount: {
    params: { account_id: RANDOM.customerAccountUuid },
    setup: "A customer account's uuid: the `customers` of a booking in GET /api/v1/calendar-events (as a member) carry it; Jordan Lee's is used here.",
  },
  getBookingPreview: {
    params: { account_id: RANDOM.customerAccountUuid, booking_id: DEMO.roomBookingUid },
    setup: "A customer account's uuid: the `customers` of a booking in GET /api/v1/calendar-events (as a member) carry it; Jordan Lee's is used here.",
  },
};
