import { describeAuthMatrix } from "../../support/auth-matrix";
import { useTestDatabase } from "../../support/database";
import type { Caller } from "../../support/fixtures";
import { createEventType, createSchedule } from "../../support/scheduling";
import { nextMonday } from "../../support/dates";

useTestDatabase();

// MON is a Monday ahead (computed from today).
const MON = nextMonday();

async function slotsOf(owner: Caller) {
  await createSchedule(owner.user.id, "Europe/Berlin");
  const eventType = await createEventType(owner.user.id);
  return { query: { eventTypeId: String(eventType.id), start: MON, end: MON } };
}

describeAuthMatrix({ operation: "GET /v2/slots", scope: "slots:read", anonymousStatus: 200, request: slotsOf });
