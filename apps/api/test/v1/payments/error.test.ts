import { getPrisma } from "@slotbase/prisma";
import { useTestDatabase } from "../../support/database";
import { api } from "../../support/api";
import { createAdmin, createCaller } from "../../support/fixtures";
import { bookingOf } from "../attendees/fixtures";
import { paymentFor } from "./fixtures";

useTestDatabase();

const fields = (body: { details: { field?: string }[] }) => body.details.map((d) => d.field);

describe("payments — errors", () => {
  it("rejects malformed ids with 400 naming path.id", async () => {
    const admin = await createAdmin();
    for (const id of ["abc", "0", "-1", "1.5", "99999999999"]) {
      const result = await api("GET /v1/payments/{id}", { params: { id }, key: admin.key });
      expect(result.status).toBe(400);
      expect(fields(result.body)).toContain("path.id");
    }
  });

  it("404s an unknown payment, even for an admin", async () => {
    const admin = await createAdmin();
    const result = await api("GET /v1/payments/{id}", { params: { id: 2_000_000_000 }, key: admin.key });
    expect(result.status).toBe(404);
    expect(result.body).toMatchObject({ code: "not_found", message: "Payment not found." });
  });

  it("rejects bad list queries", async () => {
    const caller = await createCaller();
    for (const query of [{ take: "1000" }, { page: "x" }, { bookingId: "-5" }] as Record<string, string>[]) {
      const result = await api("GET /v1/payments", { key: caller.key, query });
      expect(result.status).toBe(400);
      expect(fields(result.body)[0]).toBe(`query.${Object.keys(query)[0]}`);
    }
  });

  it("is read-only: POST, PATCH and DELETE are 405 with an Allow header, and change nothing", async () => {
    const host = await createCaller();
    const payment = await paymentFor((await bookingOf(host)).booking.id);
    const post = await api("POST /v1/payments", { key: host.key, body: { bookingId: 1, amount: 1 }, unchecked: true });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe("GET, HEAD, OPTIONS");
    for (const method of ["PATCH", "DELETE", "PUT"]) {
      const result = await api(`${method} /v1/payments/{id}`, { params: { id: payment.id }, key: host.key, unchecked: true });
      expect(result.status).toBe(405);
      expect(result.headers.allow).toBe("GET, HEAD, OPTIONS");
      expect(result.body.code).toBe("method_not_allowed");
    }
    const prisma = await getPrisma();
    expect(await prisma.payment.findUnique({ where: { id: payment.id } })).toEqual(payment);
  });
});
