/**
 * Who may call each operation, in words, as packages/features/access/* decides it. An
 * operation's @swagger block names one of these rules in `x-access` (or writes its own
 * sentence); the build (scripts/build-openapi.ts) adds it to the description as
 * "**Who may call it:** …" and refuses an operation without one. The terms (system admin,
 * unrestricted key, organizer side, …) are explained once in the document's description
 * (ACCESS_GLOSSARY).
 */
export const ACCESS_GLOSSARY = `## Who may call what
Each operation says who may call it. The terms:

- **System admin**: a user whose \`role\` is \`ADMIN\`. An **unrestricted** system admin uses a key that is not restricted to a team and may see and
  change everything; a system admin whose key is restricted to a team (\`teamId\` of the key) has admin powers in that team only and is an ordinary
  user everywhere else.
- **Team roles**: accepted members of a team (a workspace) are \`OWNER\`, \`ADMIN\` or \`MEMBER\`. Pending invitations grant nothing.
- **Booking roles**: the **organizer side** of a booking is its host, the owner of its (personal) event type, an OWNER/ADMIN of its event type's team
  and unrestricted system admins. Its **attendees** (a user whose *confirmed* email is an attendee's) and its **booker** (the user whose key made it, or
  took one of its seats) may read, cancel and reschedule it, but not change it otherwise.
- Someone else's object is a **404** (its existence is not revealed); an object the caller may see but not change is a **403**. A key with scopes
  also needs the operation's scope (403 \`insufficient_scope\`).
- Try it on the demo data (\`yarn db:seed\` prints the key of the demo's system admin, \`admin@slotbase.dev\`): the demo users are admin (id 1),
  Alice (id 2, Europe/Berlin) and Bob (id 3, America/New_York); the team "Acme Support" (id 1, also the demo workspace) has Alice as OWNER and Bob as
  MEMBER; Alice's event types are "30min" (id 1) and "workshop" (id 3, five seats), the team's round-robin "support-call" (id 2); the bookings are
  \`seed-booking-1\` … \`seed-booking-5\`. The examples use these ids.`;

const BOOKING_ROLES = "its host, its event type's owner, an OWNER/ADMIN of the event type's team, an attendee (by confirmed email), its booker, or an unrestricted system admin";
const ORGANIZER_SIDE = "its host, its event type's owner, an OWNER/ADMIN of the event type's team, or an unrestricted system admin";

export const ACCESS_RULES: Record<string, string> = {
  // The server itself -----------------------------------------------------------------
  public: "Anyone: no API key is needed.",
  cron: "The operator's scheduler: `Authorization: Bearer <CRON_SECRET>` (the server's configured secret). API keys are not accepted here.",
  "not-supported": "Any valid key with the operation's scope; the answer is always 501 `not_implemented`.",

  // Users ------------------------------------------------------------------------------
  "own-user": "Any valid key: it reads or changes the key's own user, nobody else.",
  "users-list": "Any valid key: a user sees only themself; an unrestricted system admin sees every user.",
  "user-create": "Unrestricted system admins only; anyone else gets 403.",
  user: "The user themself or an unrestricted system admin; to anyone else the user does not exist (404).",
  "user-update":
    "The user themself (not their own `role`; a new `email` applies once confirmed) or an unrestricted system admin (who sets roles, and emails as confirmed); anyone else gets 404.",
  "user-delete": "The user themself or an unrestricted system admin; anyone else gets 404. The last system admin cannot be deleted (409).",
  "user-confirm-email": "The user themself, sending the token mailed to the new address (an unrestricted system admin may send it for them); anyone else gets 404.",

  // API keys ---------------------------------------------------------------------------
  "api-keys-list":
    "Any valid key: its user's keys (a team-restricted key: only those restricted to the same team); an unrestricted system admin may name another user with `userId`.",
  "api-key-create":
    "Any valid key, for its own user (another `userId`: unrestricted system admins only, else 403). A key never creates a key with scopes it does not hold, or for another team than its own restriction (403); only an unrestricted system admin sets `rateLimitPerMinute`.",
  "api-key": "The key's own user (a team-restricted key: only keys restricted to the same team) or an unrestricted system admin; anyone else gets 404.",
  "api-key-update":
    "The key's own user (a team-restricted key: only keys restricted to the same team) or an unrestricted system admin; anyone else gets 404. New scopes must be held by the calling key; only an unrestricted system admin sets `rateLimitPerMinute` (403).",

  // Teams and memberships --------------------------------------------------------------
  "teams-list": "Any valid key: the teams its user is an accepted member of (a team-restricted key: that team only); an unrestricted system admin sees every team.",
  "team-create":
    "Any user whose key is not restricted to a team (a team-restricted key gets 403); naming another `ownerId` needs an unrestricted system admin.",
  "team-read": "The team's accepted members and system admins whose key reaches the team; anyone else, pending invitees included, gets 404.",
  "team-manage": "The team's OWNERs and ADMINs, and system admins whose key reaches the team; a plain MEMBER gets 403, anyone else 404.",
  "team-own": "The team's OWNERs and system admins whose key reaches the team; ADMINs and MEMBERs get 403, anyone else 404.",
  "team-availability":
    "The team's accepted members and system admins whose key reaches the team; anyone else gets 404. What busy time is (titles) is shown to the team's OWNERs and ADMINs, system admins, and each member about themself.",
  "memberships-list":
    "Any valid key: the memberships of the teams its user is an accepted member of, plus the user's own (pending invitations included); a team-restricted key sees only its team's; an unrestricted system admin sees all.",
  "membership-create":
    "The team's OWNERs and ADMINs and system admins (only an OWNER adds an OWNER; only a system admin adds an already accepted member); a plain MEMBER gets 403, anyone else a 404 naming `teamId`.",
  "membership-read": "The team's accepted members, the membership's own user (an invitee) and system admins whose key reaches the team; anyone else gets 404.",
  "membership-update":
    "The team's OWNERs and ADMINs change roles (only an OWNER grants, changes or removes OWNER); only the invited user accepts their invitation; system admins whose key reaches the team may do both. Other members get 403, anyone else 404.",
  "membership-delete":
    "The membership's own user (leaving, or declining an invitation), the team's OWNERs and ADMINs (only an OWNER removes an OWNER) and system admins whose key reaches the team; other members get 403, anyone else 404.",

  // Event types ------------------------------------------------------------------------
  "event-types-list":
    "Any valid key: its user's personal event types and those of the teams the user is an accepted member of (a team-restricted key: that team's and its user's); an unrestricted system admin sees all and may name another `userId` (anyone else naming another user gets 403).",
  "event-type-create":
    "Personal: any valid key, for its own user (another `userId`: unrestricted system admins only, else 403). Team (`teamId`): the team's OWNERs and ADMINs and system admins whose key reaches the team; a plain MEMBER gets 403, anyone else 404.",
  "event-type-read":
    "Personal event types: their owner and unrestricted system admins. Team event types: the team's accepted members and system admins whose key reaches the team. Anyone else gets 404.",
  "event-type-manage":
    "Personal event types: their owner and unrestricted system admins. Team event types: the team's OWNERs and ADMINs and system admins whose key reaches the team; a plain MEMBER gets 403. Anyone else gets 404.",
  "event-types-list-v2":
    "Any valid key: its own user's personal event types; with `username`, only that user themself and unrestricted system admins (anyone else gets 403).",
  "event-type-create-v2": "Any valid key: the new event type belongs to the key's own user.",
  "custom-inputs-list":
    "Any valid key: the questions of every event type its user may read (personal ones, and those of teams the user is an accepted member of); an unrestricted system admin sees all.",
  "custom-input-create":
    "Whoever manages the event type (`eventTypeId`): its owner, an OWNER/ADMIN of its team, or a system admin whose key reaches it; a plain MEMBER gets 403, anyone else a 404 naming `eventTypeId`.",
  "custom-input-read": "Whoever may read its event type (its owner; for a team event type, the team's accepted members) and system admins whose key reaches it; anyone else gets 404.",
  "custom-input-manage":
    "Whoever manages its event type (its owner, an OWNER/ADMIN of its team) and system admins whose key reaches it; a plain MEMBER gets 403, anyone else 404.",

  // Schedules, availability rules, blockers ------------------------------------------------
  "owned-list": "Any valid key: its own user's; an unrestricted system admin sees everyone's and may narrow the list with `userId`.",
  "owned-create": "Any valid key, for its own user; for another user (`userId`) unrestricted system admins only (403).",
  owned: "The user it belongs to or an unrestricted system admin; to anyone else it does not exist (404).",
  "availability-rules-list": "Any valid key: the rules of its user's schedules; an unrestricted system admin sees everyone's.",
  "availability-rule-create": "The owner of the schedule (`scheduleId`) or an unrestricted system admin; another user's schedule is a 404.",
  "availability-rule": "The owner of the rule's schedule or an unrestricted system admin; to anyone else it does not exist (404).",
  "own-schedules-v2": "Any valid key: its own user's schedules only (a system admin's key too lists only the admin's own).",
  "schedule-create-v2": "Any valid key: the new schedule belongs to the key's own user.",
  "blockers-list":
    "Any valid key: its user's blockers and those of the calendars of workspaces the user is an accepted member of; an unrestricted system admin sees all.",
  "blocker-create":
    "A user's blocker: any valid key for its own user (another `userId`: unrestricted system admins only, 403). A calendar's (`calendarId`): its workspace's OWNERs and ADMINs and system admins whose key reaches it; other members get 403, anyone else a 404 naming `calendarId`.",
  blocker:
    "A user's blocker: that user or an unrestricted system admin. A calendar's blocker: its workspace's accepted members (and system admins whose key reaches it) read it. Anyone else gets 404.",
  "blocker-manage":
    "A user's blocker: that user or an unrestricted system admin. A calendar's blocker: its workspace's OWNERs and ADMINs and system admins whose key reaches it; other members get 403. Anyone else gets 404.",

  // Slots and availability ---------------------------------------------------------------
  "slots-v1": "Any valid key: when people are free is public, as on a booking page (busy time shows no details).",
  "slots-v2": "Anyone, with or without a key (a public booking page). Without a key a hidden event type is a 404.",
  "availability-lookup":
    "A user's availability (`userId`, `username`): any valid key, as when is public; what busy time is (titles) only the user, OWNER/ADMINs of a team they are in and unrestricted system admins see, and `selectedCalendars` only the user and unrestricted system admins. A team's (`teamId`): its accepted members and system admins whose key reaches it; anyone else gets 404.",
  "user-availability":
    "Any valid key: when a user is busy is public; what busy time is (titles) only the user, OWNER/ADMINs of a team they are in and unrestricted system admins see, and `selectedCalendars` only the user and unrestricted system admins.",
  "reservation-create":
    "Anyone, with or without a key: without one the event type must not be hidden (404) and the hold lasts the default 5 minutes. Holding longer (`reservationDuration` > 5) is for whoever manages the event type: its owner, an OWNER/ADMIN of its team, or an unrestricted system admin.",
  "reservation-read":
    "Whoever made the hold: with a key, its user (or an unrestricted system admin); a hold made without a key is read without one, by its uid. Anyone else gets 404.",
  reservation: "Whoever made the hold with their key, or an unrestricted system admin; anyone else gets 404.",

  // Bookings -----------------------------------------------------------------------------
  "bookings-list":
    "Any valid key: the bookings its user has a role on (host, event type owner, OWNER/ADMIN of the event type's team, attendee by confirmed email, booker). An unrestricted system admin sees all and may name another host with `userId` (anyone else naming another user gets 403).",
  "bookings-list-v2":
    "Any valid key: the bookings its user has a role on (host, event type owner, OWNER/ADMIN of the event type's team, attendee by confirmed email, booker); an unrestricted system admin sees all.",
  "booking-create-v1": "Any valid key; its user becomes the booking's booker (who may read and cancel it later).",
  "booking-create-v2":
    "Anyone, with or without a key (a public booking page). Without a key the event type must not be hidden (404) and only the event type's side can later read, cancel or move the booking; with a key, its user becomes the booker.",
  "booking-read": `Whoever has a role on the booking: ${BOOKING_ROLES}. Anyone else gets 404. On a seated event type that hides attendees, attendees and bookers see only the seats they hold or took.`,
  "booking-cancel": `Whoever has a role on the booking: ${BOOKING_ROLES}. An attendee or booker of a seated booking gives up only their own seats. Anyone else gets 404.`,
  "booking-reschedule": `Whoever has a role on the booking: ${BOOKING_ROLES}. A seated booking with other people's seats moves only for the organizer side; a seat holder moves their own seat with \`seatUid\`. Anyone else gets 404.`,
  "booking-manage": `Only the booking's organizer side: ${ORGANIZER_SIDE}. An attendee or the booker gets 403, anyone else 404.`,
  "booking-children-list": "Any valid key: the rows of the bookings its user may read (see GET /v1/bookings/{id}); an unrestricted system admin sees all.",
  "booking-child-read": `Whoever may read its booking: ${BOOKING_ROLES}. Anyone else gets 404.`,
  "booking-child-create": `Only the organizer side of the booking \`bookingId\` names: ${ORGANIZER_SIDE}. An attendee or the booker gets 403; a booking the caller may not see is a 404 naming \`bookingId\`.`,
  "booking-child-manage": `Only the organizer side of its booking: ${ORGANIZER_SIDE}. An attendee or the booker gets 403, anyone else 404.`,
  "no-show": `Only the organizer side of the booking \`bookingUid\` names: ${ORGANIZER_SIDE}. An attendee or the booker gets 403; anyone else a 404 naming \`bookingUid\`.`,

  // Calendars of users (v1) ----------------------------------------------------------------
  "destination-calendars-list":
    "Any valid key: its user's default, those of event types the user may read and those of bookings the user may read; an unrestricted system admin sees all. Another user's `userId`: unrestricted system admins only (403).",
  "destination-calendar-create":
    "For the key's own user (another `userId`: unrestricted system admins only, 403), an event type the caller manages (`eventTypeId`: its owner, an OWNER/ADMIN of its team) or a booking on whose organizer side the caller is (`bookingId`). One the caller cannot see is a 404 naming the field; one they may only read is a 403.",
  "destination-calendar":
    "A user's: that user and unrestricted system admins. An event type's: whoever may read the event type. A booking's: whoever may read the booking. Anyone else gets 404.",
  "destination-calendar-manage":
    "A user's: that user and unrestricted system admins. An event type's: whoever manages the event type (its owner, an OWNER/ADMIN of its team). A booking's: its organizer side. Who may only read it gets 403, anyone else 404.",

  // Webhooks -----------------------------------------------------------------------------
  "webhooks-list":
    "Any valid key: its user's webhooks and those on event types the user manages (personal ones, or as OWNER/ADMIN of the team); an unrestricted system admin sees all. Another user's `userId`: unrestricted system admins only (403).",
  "webhook-create":
    "Any valid key, for its own user (another `userId`: unrestricted system admins only, 403). With `eventTypeId`, whoever manages that event type (its owner, an OWNER/ADMIN of its team); a plain MEMBER gets 403, anyone else 404.",
  webhook: "The webhook's user, whoever manages its event type (its owner, an OWNER/ADMIN of its team), or an unrestricted system admin; anyone else gets 404.",
  "webhooks-list-v2": "Any valid key: its own user's webhooks on no event type (an unrestricted system admin's too lists its own).",
  "webhook-create-v2": "Any valid key: the new webhook belongs to the key's own user.",
  "webhook-v2": "The webhook's user or an unrestricted system admin; anyone else's webhook, and one on an event type, is a 404 here.",
  "event-type-webhooks":
    "Whoever manages the event type: its owner, an OWNER/ADMIN of its team, or a system admin whose key reaches it. A team member who may only read it gets 403; anyone else 404.",

  // Workspace calendars and calendar events ------------------------------------------------------
  "workspace-read": "The workspace's (team's) accepted members and system admins whose key reaches it; anyone else gets 404 for the workspace.",
  "workspace-write": "The workspace's OWNERs and ADMINs and system admins whose key reaches it; other members get 403, anyone else 404 for the workspace.",
  "calendar-events":
    "Anyone. Without a key (or as a non-member) only public calendars (`isPublic`), without personal data; the workspace's accepted members and system admins whose key reaches it see all its calendars with customers and booking ids. A calendar the caller may not see is a 404.",
  "customer-account":
    "The workspace's accepted members and system admins whose key reaches it, and the person the account records (a user whose confirmed email is the account's); anyone else gets 404.",
};

/** The sentence for an operation's `x-access`: a rule's name, or a sentence of its own. */
export function accessText(value: string): string {
  return ACCESS_RULES[value] ?? value;
}
