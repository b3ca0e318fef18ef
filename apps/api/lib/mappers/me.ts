import type { UserView } from "@slotbase/features";
import type { z } from "zod";
import type { MeV2 } from "../schemas/me-v2";

/** Cal.com v2's `MeOutput` from a user. */
export function toMeV2(user: UserView): z.input<typeof MeV2> {
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    timeFormat: user.timeFormat,
    defaultScheduleId: user.defaultScheduleId,
    weekStart: user.weekStart,
    timeZone: user.timeZone,
    organizationId: null,
  };
}
