import { createSlotbaseClient, errorMessage, SlotbaseApiError, unwrap, type SlotbaseErrorBody } from "../src";

/** A fetch double: records each request and answers with the given status and JSON body. */
function fakeFetch(status: number, body: unknown) {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request.clone());
    const response = new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
    // as a real fetch answers: the response knows its URL
    Object.defineProperty(response, "url", { value: request.url });
    return response;
  };
  return { fetch, requests };
}

describe("createSlotbaseClient", () => {
  it("sends the API key as a Bearer token, with the typed path, query and body", async () => {
    const { fetch, requests } = fakeFetch(201, { status: "success", data: { uid: "b1" } });
    const client = createSlotbaseClient({ baseUrl: "https://slots.example.com/", apiKey: "cal_test_key", fetch });
    const result = await client.POST("/v2/bookings", {
      body: { eventTypeId: 7, start: "2030-01-07T09:00:00Z", attendee: { name: "Ada", email: "ada@example.com", timeZone: "UTC" } },
    });
    expect(result.response.status).toBe(201);
    const [request] = requests;
    expect(request!.method).toBe("POST");
    expect(request!.url).toBe("https://slots.example.com/v2/bookings");
    expect(request!.headers.get("authorization")).toBe("Bearer cal_test_key");
    expect(await request!.json()).toEqual(expect.objectContaining({ eventTypeId: 7, start: "2030-01-07T09:00:00Z" }));

    await client.GET("/v2/slots", { params: { query: { eventTypeId: 7, start: "2030-01-07", end: "2030-01-08", timeZone: "UTC" } } });
    const slots = new URL(requests[1]!.url);
    expect(slots.pathname).toBe("/v2/slots");
    expect(Object.fromEntries(slots.searchParams)).toEqual({ eventTypeId: "7", start: "2030-01-07", end: "2030-01-08", timeZone: "UTC" });
  });

  it("sends no Authorization header without a key, and the extra headers given", async () => {
    const { fetch, requests } = fakeFetch(200, { status: "success", data: {} });
    const client = createSlotbaseClient({ baseUrl: "http://localhost:3000", fetch, headers: { "cal-api-version": "2024-08-13" } });
    await client.GET("/v2/bookings/{bookingUid}", { params: { path: { bookingUid: "a b" } } });
    expect(requests[0]!.url).toBe("http://localhost:3000/v2/bookings/a%20b");
    expect(requests[0]!.headers.get("authorization")).toBeNull();
    expect(requests[0]!.headers.get("cal-api-version")).toBe("2024-08-13");
  });

  it("types and returns the surface's error body", async () => {
    const v2Error = { status: "error", timestamp: "t", path: "/v2/bookings", error: { code: "conflict", message: "Slot taken", details: [], requestId: "r1" } };
    const { fetch } = fakeFetch(409, v2Error);
    const client = createSlotbaseClient({ baseUrl: "http://localhost:3000", apiKey: "k", fetch });
    const result = await client.POST("/v2/bookings", { body: { eventTypeId: 7, start: "2030-01-07T09:00:00Z", attendee: { name: "Ada", email: "ada@example.com", timeZone: "UTC" } } });
    expect(result.data).toBeUndefined();
    // compiles only because the error is typed as the v2 error body
    expect(result.error?.error.code).toBe("conflict");
    expect(() => unwrap(result)).toThrow(new SlotbaseApiError(result.response, result.error));
    expect(() => unwrap(result)).toThrow("409 /v2/bookings: Slot taken");
  });
});

describe("errorMessage", () => {
  it("reads the message of every surface's error body", () => {
    const details: never[] = [];
    const bodies: [SlotbaseErrorBody, string][] = [
      [{ message: "v1 says no", code: "not_found", details, requestId: "r" }, "v1 says no"],
      [{ status: "error", timestamp: "t", path: "/v2/x", error: { code: "not_found", message: "v2 says no", details, requestId: "r" } }, "v2 says no"],
      [{ error: { code: "not_found", message: "workspace says no", details, requestId: "r" } }, "workspace says no"],
      [{ errors: [{ id: "r", status: "404", code: "not_found", title: "Not found", detail: "JSON:API says no" }] }, "JSON:API says no"],
    ];
    for (const [body, message] of bodies) expect(errorMessage(body)).toBe(message);
    expect(errorMessage(undefined)).toBe("no error body");
    expect(errorMessage("plain text")).toBe("plain text");
  });
});
