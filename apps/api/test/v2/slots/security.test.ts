import { describeAuthMatrix } from "../../support/auth-matrix";
import { useTestDatabase } from "../../support/database";
import type { Caller } from "../../support/fixtures";
import { createEventType, createSchedule } from "../../support/scheduling";

useTestDatabase();

async function slotsOf(owner: Caller) {
  await createSchedule(owner.user.id, "Europe/Berlin");
  const eventType = await createEventType(owner.user.id);
  return { query: { eventTypeId: String(eventType.id), start: "2027-03-22", end: "2027-03-22" } };
}

describeAuthMatrix({ operation: "GET /v2/slots", scope: "slots:read", request: slotsOf });
