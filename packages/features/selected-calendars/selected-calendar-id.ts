/**
 * Cal.com v1's id of a selected calendar: `<userId>_<integration>_<externalId>`, e.g.
 * `12_google_calendar_team@group.calendar.google.com`. The parts are joined by `_`, and both
 * integration names (`google_calendar`, `hubspot_other_calendar`) and external ids may hold
 * `_` themselves, so the id is ambiguous by construction. It is read as Cal.com reads it:
 *
 * 1. the user id is everything before the first `_`;
 * 2. when the rest holds `_calendar_`, the integration ends at its first occurrence (with
 *    `_calendar` kept) and the external id is everything after it (Cal.com dropped whatever
 *    followed a second `_calendar_`; here it is kept);
 * 3. otherwise (an integration not named `<app>_calendar`, which Cal.com could not address
 *    at all) the integration is everything up to the next `_`.
 *
 * Writes make sure every selected calendar reads back from its own id (checkAddressable):
 * an integration ending in `_calendar` may not hold `_calendar_`; any other integration may
 * not hold `_`, and its external id then may not hold `_calendar_` nor start with `calendar_`.
 */
export interface SelectedCalendarKey {
  userId: number;
  integration: string;
  externalId: string;
}

const INT32_MAX = 2_147_483_647;
const USER_ID = /^[1-9][0-9]{0,9}$/;
const CALENDAR_SEPARATOR = "_calendar_";
/** The longest integration or external id a selected calendar holds. */
export const SELECTED_CALENDAR_PART_MAX = 200;

export type ParsedSelectedCalendarId = { ok: true; key: SelectedCalendarKey } | { ok: false; message: string };

const refuse = (message: string): ParsedSelectedCalendarId => ({ ok: false, message });

export function parseSelectedCalendarId(id: string): ParsedSelectedCalendarId {
  const first = id.indexOf("_");
  if (first === -1) return refuse("Must be <userId>_<integration>_<externalId>, e.g. 12_google_calendar_primary");
  const userIdText = id.slice(0, first);
  if (!USER_ID.test(userIdText) || Number(userIdText) > INT32_MAX) return refuse("Must start with the user's id (a positive integer) and '_'");
  const rest = id.slice(first + 1);
  const separator = rest.indexOf(CALENDAR_SEPARATOR);
  let integration: string;
  let externalId: string;
  if (separator !== -1) {
    integration = rest.slice(0, separator + CALENDAR_SEPARATOR.length - 1);
    externalId = rest.slice(separator + CALENDAR_SEPARATOR.length);
    if (separator === 0) return refuse("Missing integration: expected <userId>_<integration>_<externalId>");
  } else {
    const next = rest.indexOf("_");
    if (next === -1) return refuse("Missing externalId: expected <userId>_<integration>_<externalId>");
    integration = rest.slice(0, next);
    externalId = rest.slice(next + 1);
  }
  if (integration === "") return refuse("Missing integration: expected <userId>_<integration>_<externalId>");
  if (externalId === "") return refuse("Missing externalId: expected <userId>_<integration>_<externalId>");
  if (integration.length > SELECTED_CALENDAR_PART_MAX || externalId.length > SELECTED_CALENDAR_PART_MAX) {
    return refuse(`The integration and the externalId are at most ${SELECTED_CALENDAR_PART_MAX} characters each`);
  }
  return { ok: true, key: { userId: Number(userIdText), integration, externalId } };
}

export const formatSelectedCalendarId = (key: SelectedCalendarKey) => `${key.userId}_${key.integration}_${key.externalId}`;

/** Whether the integration can be read back from any id (see the rules above). */
function integrationAddressable(integration: string): boolean {
  if (integration.endsWith("_calendar")) return integration.length > "_calendar".length && !integration.includes(CALENDAR_SEPARATOR);
  return !integration.includes("_");
}

/**
 * Which field keeps `key` from reading back from its own id, or null when it does: the
 * integration when no id could carry it, else the external id.
 */
export function unaddressableField(key: SelectedCalendarKey): { field: "integration" | "externalId"; message: string } | null {
  const parsed = parseSelectedCalendarId(formatSelectedCalendarId(key));
  if (parsed.ok && parsed.key.integration === key.integration && parsed.key.externalId === key.externalId) return null;
  if (!integrationAddressable(key.integration)) {
    return {
      field: "integration",
      message: "Would make the id <userId>_<integration>_<externalId> ambiguous: an integration ending in _calendar may not contain _calendar_ elsewhere, and any other may not contain _",
    };
  }
  return {
    field: "externalId",
    message: "Would make the id <userId>_<integration>_<externalId> ambiguous: with an integration not named <app>_calendar, the externalId may not contain _calendar_ nor start with calendar_",
  };
}
