import { withMiddleware } from "../../../../../../lib/middleware/with-middleware";
import { notSupported } from "../../../../../../lib/route/not-supported";
import { TranscriptQuery } from "../../../../../../lib/schemas/not-supported";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/bookings/{id}/transcripts/{recordingId}:
 *   get:
 *     operationId: getRecordingTranscripts
 *     summary: "A recording's transcripts (not supported)"
 *     description: >-
 *       Served as Cal.com v1 names it, and answered 501 not_implemented: recordings and transcripts come from a video-conferencing integration (Cal.com's Cal Video), which Slotbase does not have.
 *     tags: ["v1 · Not supported"]
 *     x-access: not-supported
 *     x-scope: bookings:read
 *     x-query: TranscriptQuery
 *     responses:
 *       501: { $ref: "#/components/responses/NotImplemented" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 */
export default withMiddleware({
  GET: notSupported("bookings:read", "recordings and transcripts come from a video-conferencing integration (Cal.com's Cal Video), which Slotbase does not have", TranscriptQuery),
});
