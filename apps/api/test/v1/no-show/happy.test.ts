import { getPrisma } from "@slotbase/prisma";
import { useTestDatabase } from "../../support/database";
import { api } from "../../support/api";
import { createAdmin, createCaller } from "../../support/fixtures";
import { createBooking } from "../../support/scheduling";
import { bookingOf, bookingOfOwnersType, teamBooking } from "../attendees/fixtures";

useTestDatabase();

const noShowOf = async (id: number) => (await (await getPrisma()).attendee.findUnique({ where: { id } }))?.noShow;
const hostNoShowOf = async (id: number) => (await (await getPrisma()).booking.findUnique({ where: { id } }))?.noShowHost;

describe("no-show — happy paths", () => {
  it("the host marks one attendee as a no-show, then unmarks them", async () => {
    const host = await createCaller();
    const { booking, attendees } = await bookingOf(host, { when: "past" });
    const [a, b] = attendees as [(typeof attendees)[0], (typeof attendees)[0]];
    const mark = await api("POST /v1/no-show", { key: host.key, body: { bookingUid: booking.uid, attendees: [{ email: a.email, noShow: true }] } });
    expect(mark.status).toBe(200);
    expect(mark.body).toEqual({ message: `${a.email} marked as no-show`, attendees: [{ email: a.email, noShow: true }], noShowHost: false });
    expect(await noShowOf(a.id)).toBe(true);
    expect(await noShowOf(b.id)).toBe(false);
    const unmark = await api("POST /v1/no-show", { key: host.key, body: { bookingUid: booking.uid, attendees: [{ email: a.email, noShow: false }] } });
    expect(unmark.body.message).toBe(`${a.email} unmarked as no-show`);
    expect(await noShowOf(a.id)).toBe(false);
  });

  it("marks several attendees and the host at once, and can clear the host's flag again", async () => {
    const host = await createCaller();
    const { booking, attendees } = await bookingOf(host, { when: "past", attendees: 3 });
    const body = { bookingUid: booking.uid, attendees: [{ email: attendees[0]!.email, noShow: true }, { email: attendees[2]!.email, noShow: true }], noShowHost: true };
    const result = await api("POST /v1/no-show", { key: host.key, body });
    expect(result.body).toEqual({ message: "No-show updated", attendees: body.attendees, noShowHost: true });
    expect([await noShowOf(attendees[0]!.id), await noShowOf(attendees[1]!.id), await noShowOf(attendees[2]!.id)]).toEqual([true, false, true]);
    expect(await hostNoShowOf(booking.id)).toBe(true);

    const attendeesOnly = await api("POST /v1/no-show", { key: host.key, body: { bookingUid: booking.uid, attendees: [{ email: attendees[1]!.email, noShow: true }] } });
    expect(attendeesOnly.body.noShowHost).toBe(true); // unchanged, and said so

    const clear = await api("POST /v1/no-show", { key: host.key, body: { bookingUid: booking.uid, noShowHost: false } });
    expect(clear.body).toEqual({ message: "Host unmarked as no-show", attendees: [], noShowHost: false });
    expect(await hostNoShowOf(booking.id)).toBe(false);
  });

  it("marks the host alone", async () => {
    const host = await createCaller();
    const { booking } = await bookingOf(host, { when: "past" });
    const result = await api("POST /v1/no-show", { key: host.key, body: { bookingUid: booking.uid, noShowHost: true } });
    expect(result.body).toEqual({ message: "Host marked as no-show", attendees: [], noShowHost: true });
  });

  it("matches attendee emails whatever their case and answers with the stored email", async () => {
    const host = await createCaller();
    const { booking, attendees } = await bookingOf(host, { when: "past" });
    const result = await api("POST /v1/no-show", { key: host.key, body: { bookingUid: booking.uid, attendees: [{ email: attendees[0]!.email.toUpperCase(), noShow: true }] } });
    expect(result.status).toBe(200);
    expect(result.body.attendees).toEqual([{ email: attendees[0]!.email, noShow: true }]);
    expect(await noShowOf(attendees[0]!.id)).toBe(true);
  });

  it("a booking that has started but not ended can be marked", async () => {
    const host = await createCaller();
    const booking = await createBooking(host.user.id, new Date(Date.now() - 10 * 60_000).toISOString(), new Date(Date.now() + 20 * 60_000).toISOString());
    const result = await api("POST /v1/no-show", { key: host.key, body: { bookingUid: booking.uid, noShowHost: true } });
    expect(result.status).toBe(200);
  });

  it("the event type's owner, team OWNERs/ADMINs and admins mark no-shows", async () => {
    const owner = await createCaller();
    const owned = await bookingOfOwnersType(owner, await createCaller(), { when: "past" });
    const team = await teamBooking({ when: "past" });
    const admin = await createAdmin();
    for (const [caller, booked] of [
      [owner, owned],
      [team.owner, team],
      [team.admin, team],
      [admin, owned],
    ] as const) {
      const result = await api("POST /v1/no-show", {
        key: caller.key,
        body: { bookingUid: booked.booking.uid, attendees: [{ email: booked.attendees[0]!.email, noShow: true }], noShowHost: true },
      });
      expect(result.status).toBe(200);
    }
  });
});
