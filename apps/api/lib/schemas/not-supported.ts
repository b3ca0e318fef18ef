import { z } from "zod";
import { IdQuery } from "./common";

/** GET /v1/bookings/{id}/transcripts/{recordingId} (Cal.com's path; not supported here). */
export const TranscriptQuery = IdQuery.extend({ recordingId: z.string().min(1).max(200) });
