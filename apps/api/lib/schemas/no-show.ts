import { z } from "zod";

const NoShowAttendee = z
  .object({
    email: z.email().max(254).describe("An attendee of the booking (matched case-insensitively)."),
    noShow: z.boolean(),
  })
  .strict();

export const NoShowBody = z
  .object({
    bookingUid: z.string().min(1).max(255).describe("The booking's uid. It must be accepted and have started."),
    attendees: z
      .array(NoShowAttendee)
      .min(1)
      .max(100)
      .describe("Attendees to mark (noShow: true) or unmark (noShow: false); each email at most once.")
      .superRefine((entries, ctx) => {
        const seen = new Set<string>();
        entries.forEach((entry, index) => {
          const email = entry.email.toLowerCase();
          if (seen.has(email)) ctx.addIssue({ code: "custom", path: [index, "email"], message: "Listed more than once" });
          seen.add(email);
        });
      })
      .optional(),
    noShowHost: z.boolean().optional().describe("Mark (true) or unmark (false) the host as a no-show."),
  })
  .strict()
  .refine((body) => body.attendees !== undefined || body.noShowHost !== undefined, {
    error: "Send attendees, noShowHost or both",
    path: ["attendees"],
  });

export const NoShowResponse = z.object({
  message: z.string(),
  attendees: z.array(z.object({ email: z.string(), noShow: z.boolean() })).describe("The attendees this call changed."),
  noShowHost: z.boolean().describe("The host's no-show flag after this call."),
});
