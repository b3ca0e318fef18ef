import { getPrisma } from "@slotbase/prisma";
import { api } from "../../support/api";
import { describeAuthMatrix } from "../../support/auth-matrix";
import { useTestDatabase } from "../../support/database";
import { berlin, nextMonday } from "../../support/dates";
import { createCaller, type Caller } from "../../support/fixtures";
import { createEventType, createHostWithEventType, createTeamEventType } from "../../support/scheduling";
import { createTeam } from "../../support/teams";
import { expectListPaging } from "../../support/list-paging";

useTestDatabase();

const MON = nextMonday();
const attendee = { name: "Jordan Lee", email: "jordan.lee@example.com", timeZone: "Europe/London" };
const fields = (result: { body: { details?: { field: string }[]; error?: { details: { field: string }[] } } }) =>
  (result.body.details ?? result.body.error?.details ?? []).map((d) => d.field);

async function inputOf(owner: Caller) {
  const eventType = await createEventType(owner.user.id);
  const prisma = await getPrisma();
  const input = await prisma.eventTypeCustomInput.create({ data: { eventTypeId: eventType.id, label: "Company", type: "TEXT", required: false } });
  return { params: { id: input.id } };
}

describeAuthMatrix({ operation: "GET /v1/custom-inputs", scope: "event-types:read", request: () => ({}) });
describeAuthMatrix({
  operation: "POST /v1/custom-inputs",
  scope: "event-types:write",
  ownedObject: true,
  ownerStatus: 201,
  request: async (owner) => ({ body: { eventTypeId: (await createEventType(owner.user.id)).id, label: "Company", type: "TEXT", required: true } }),
});
describeAuthMatrix({ operation: "GET /v1/custom-inputs/{id}", scope: "event-types:read", ownedObject: true, request: inputOf });
describeAuthMatrix({ operation: "PATCH /v1/custom-inputs/{id}", scope: "event-types:write", ownedObject: true, request: async (owner) => ({ ...(await inputOf(owner)), body: { required: true } }) });
describeAuthMatrix({ operation: "DELETE /v1/custom-inputs/{id}", scope: "event-types:write", ownedObject: true, request: inputOf });

describe("v1 custom inputs", () => {
  it("creates, lists, gets, changes and deletes with Cal.com's envelopes", async () => {
    const { host, eventType } = await createHostWithEventType();
    const created = await api("POST /v1/custom-inputs", {
      key: host.key,
      body: { eventTypeId: eventType.id, label: "Company size", type: "RADIO", required: true, options: [{ label: "1-10", type: "option" }, { label: "11-50", type: "option" }] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ event_type_custom_input: expect.objectContaining({ label: "Company size", type: "RADIO", placeholder: "" }), message: expect.any(String) });
    const id = created.body.event_type_custom_input.id;
    expect((await api("GET /v1/custom-inputs", { key: host.key })).body.event_type_custom_inputs.map((i: { id: number }) => i.id)).toEqual([id]);
    expect((await api("PATCH /v1/custom-inputs/{id}", { key: host.key, params: { id }, body: { placeholder: "How many people?" } })).body.event_type_custom_input.placeholder).toBe("How many people?");
    expect((await api("DELETE /v1/custom-inputs/{id}", { key: host.key, params: { id } })).status).toBe(200);
    expect((await api("GET /v1/custom-inputs/{id}", { key: host.key, params: { id } })).status).toBe(404);
  });

  it("team event types: members read, OWNER/ADMIN change (a member gets 403), outsiders see nothing", async () => {
    const owner = await createCaller();
    const member = await createCaller();
    const outsider = await createCaller();
    const team = await createTeam(owner, [{ caller: member, role: "MEMBER" }]);
    const eventType = await createTeamEventType(team.id, [{ userId: owner.user.id }]);
    const body = { eventTypeId: eventType.id, label: "Company", type: "TEXT", required: false };
    const made = await api("POST /v1/custom-inputs", { key: owner.key, body });
    const params = { id: made.body.event_type_custom_input.id };
    expect((await api("GET /v1/custom-inputs/{id}", { key: member.key, params })).status).toBe(200);
    expect((await api("PATCH /v1/custom-inputs/{id}", { key: member.key, params, body: { label: "Firm" } })).status).toBe(403);
    expect((await api("POST /v1/custom-inputs", { key: member.key, body })).status).toBe(403);
    expect((await api("GET /v1/custom-inputs/{id}", { key: outsider.key, params })).status).toBe(404);
    const refused = await api("POST /v1/custom-inputs", { key: outsider.key, body });
    expect(refused.status).toBe(404);
    expect(fields(refused)).toEqual(["body.eventTypeId"]);
    expect((await api("GET /v1/custom-inputs", { key: outsider.key })).body.event_type_custom_inputs).toEqual([]);
  });

  it("refuses bad definitions, naming the field", async () => {
    const { host, eventType } = await createHostWithEventType();
    const base = { eventTypeId: eventType.id, label: "Size", required: true };
    expect(fields(await api("POST /v1/custom-inputs", { key: host.key, body: { ...base, type: "RADIO" } }))).toEqual(["body.options"]);
    expect(fields(await api("POST /v1/custom-inputs", { key: host.key, body: { ...base, type: "COLOUR" } }))).toContain("body.type");
    expect(fields(await api("POST /v1/custom-inputs", { key: host.key, body: { ...base, type: "TEXT", label: "  " } }))).toContain("body.label");
  });
});

describe("bookings answer custom inputs", () => {
  async function withQuestions() {
    const { host, eventType } = await createHostWithEventType();
    const prisma = await getPrisma();
    const size = await prisma.eventTypeCustomInput.create({ data: { eventTypeId: eventType.id, label: "Company size", type: "RADIO", required: true, options: [{ label: "1-10", type: "option" }, { label: "11-50", type: "option" }] } });
    const seats = await prisma.eventTypeCustomInput.create({ data: { eventTypeId: eventType.id, label: "Seats", type: "NUMBER", required: false } });
    const terms = await prisma.eventTypeCustomInput.create({ data: { eventTypeId: eventType.id, label: "Accept terms", type: "BOOL", required: true } });
    return { host, eventType, size, seats, terms };
  }

  it("stores the answers by label, given by id (v2) or by label (v1)", async () => {
    const { eventType, size, terms } = await withQuestions();
    const booker = await createCaller();
    const v2 = await api("POST /v2/bookings", {
      key: booker.key,
      body: { eventTypeId: eventType.id, start: berlin(MON, "09:00"), attendee, bookingFieldsResponses: { [String(size.id)]: "11-50", Seats: "4", [String(terms.id)]: true } },
    });
    expect(v2.status).toBe(201);
    const v1 = await api("POST /v1/bookings", {
      key: booker.key,
      body: { eventTypeId: eventType.id, start: berlin(MON, "10:00"), ...attendee, language: "en", responses: { "Company size": "1-10", "Accept terms": true } },
    });
    expect(v1.status).toBe(200);
    const prisma = await getPrisma();
    const rows = await prisma.booking.findMany({ where: { eventTypeId: eventType.id }, orderBy: { startTime: "asc" } });
    expect(rows.map((r) => r.customInputs)).toEqual([
      { "Company size": "11-50", Seats: 4, "Accept terms": true },
      { "Company size": "1-10", "Accept terms": true },
    ]);
  });

  it("refuses a booking without a required answer, or with a wrong one, naming the field where it was sent; nothing is booked", async () => {
    const { eventType, size } = await withQuestions();
    const booker = await createCaller();
    const missing = await api("POST /v2/bookings", { key: booker.key, body: { eventTypeId: eventType.id, start: berlin(MON, "11:00"), attendee, bookingFieldsResponses: { "Accept terms": true } } });
    expect(missing.status).toBe(400);
    expect(fields(missing)).toEqual(["body.bookingFieldsResponses"]);
    expect(missing.body.error.message).toContain("Company size");
    const wrong = await api("POST /v1/bookings", {
      key: booker.key,
      body: { eventTypeId: eventType.id, start: berlin(MON, "11:00"), ...attendee, language: "en", responses: { [String(size.id)]: "500+", "Accept terms": true } },
    });
    expect(wrong.status).toBe(400);
    expect(fields(wrong)).toEqual(["body.responses"]);
    const unchecked = await api("POST /v1/bookings", {
      key: booker.key,
      body: { eventTypeId: eventType.id, start: berlin(MON, "11:00"), ...attendee, language: "en", responses: { "Company size": "1-10", "Accept terms": false } },
    });
    expect(unchecked.status).toBe(400);
    const prisma = await getPrisma();
    expect(await prisma.booking.count({ where: { eventTypeId: eventType.id } })).toBe(0);
  });
});

describe("GET /v1/custom-inputs list paging", () => {
  it("answers every input of the event types the caller may read, with X-Total-Count and Link rel=next", async () => {
    const owner = await createCaller();
    const ids = [];
    for (let i = 0; i < 3; i += 1) ids.push((await inputOf(owner)).params.id);
    await inputOf(await createCaller());
    await expectListPaging("GET /v1/custom-inputs", { key: owner.key }, "event_type_custom_inputs", ids);
  });
});
