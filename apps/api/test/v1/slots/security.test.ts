import { api } from "../../support/api";
import { describeAuthMatrix } from "../../support/auth-matrix";
import { useTestDatabase } from "../../support/database";
import { createCaller, type Caller } from "../../support/fixtures";
import { createBooking, createEventType, createSchedule } from "../../support/scheduling";
import { berlin, nextMonday } from "../../support/dates";

useTestDatabase();

// MON is a Monday ahead (computed from today).
const MON = nextMonday();

async function slotsOf(owner: Caller) {
  await createSchedule(owner.user.id, "Europe/Berlin");
  const eventType = await createEventType(owner.user.id);
  return { query: { eventTypeId: String(eventType.id), startTime: MON, endTime: MON } };
}

describeAuthMatrix({ operation: "GET /v1/slots", scope: "slots:read", request: slotsOf });

describe("GET /v1/slots — what others learn", () => {
  it("shows another caller only free times: no titles, attendees or booking details", async () => {
    const host = await createCaller();
    const request = await slotsOf(host);
    await createBooking(host.user.id, berlin(MON, "09:00"), berlin(MON, "09:30"), { title: "Secret board meeting", description: "layoffs" });
    const stranger = await createCaller();
    const result = await api("GET /v1/slots", { ...request, key: stranger.key });
    expect(result.status).toBe(200);
    const text = JSON.stringify(result.body);
    expect(text).not.toMatch(/Secret|layoffs|guest/);
    expect(result.body.slots[MON]).toHaveLength(15);
  });
});
