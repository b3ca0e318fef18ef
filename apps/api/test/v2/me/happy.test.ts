import { getPrisma } from "@slotbase/prisma";
import { api } from "../../support/api";
import { useTestDatabase } from "../../support/database";
import { createCaller } from "../../support/fixtures";

useTestDatabase();

describe("GET|PATCH /v2/me — happy paths", () => {
  it("answers the key's user as Cal.com v2's MeOutput, with a Bearer key as n8n's credential test sends it", async () => {
    const caller = await createCaller();
    const prisma = await getPrisma();
    await prisma.user.update({ where: { id: caller.user.id }, data: { timeZone: "America/New_York" } });
    const result = await api("GET /v2/me", { key: caller.key });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      status: "success",
      data: {
        id: caller.user.id,
        username: caller.user.username,
        email: caller.user.email,
        timeFormat: 24,
        defaultScheduleId: null,
        weekStart: "Monday",
        timeZone: "America/New_York",
        organizationId: null,
      },
    });
  });

  it("changes the key's own profile and answers it changed", async () => {
    const caller = await createCaller();
    const result = await api("PATCH /v2/me", { key: caller.key, body: { name: "Ada Lovelace", timeZone: "Europe/Berlin", weekStart: "Sunday", timeFormat: 12, locale: "pt-BR", bio: "Analyst" } });
    expect(result.status).toBe(200);
    expect(result.body.data).toMatchObject({ id: caller.user.id, timeZone: "Europe/Berlin", weekStart: "Sunday", timeFormat: 12 });
    const prisma = await getPrisma();
    expect(await prisma.user.findUniqueOrThrow({ where: { id: caller.user.id }, select: { name: true, locale: true, bio: true } })).toEqual({ name: "Ada Lovelace", locale: "pt-BR", bio: "Analyst" });
    expect((await api("GET /v2/me", { key: caller.key })).body.data.timeZone).toBe("Europe/Berlin");
  });

  it("mails a new email for confirmation instead of applying it (the key keeps the old address until then)", async () => {
    const caller = await createCaller();
    const wanted = `ada-${caller.user.id}@example.com`;
    const result = await api("PATCH /v2/me", { key: caller.key, body: { email: wanted } });
    expect(result.status).toBe(200);
    expect(result.body.data.email).toBe(caller.user.email);
    const prisma = await getPrisma();
    expect(await prisma.notification.count({ where: { recipient: wanted, template: "account.email-change" } })).toBe(1);
  });
});
