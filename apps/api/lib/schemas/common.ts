import { z } from "zod";
import { idParam } from "../validation/common";

export const IdQuery = z.object({ id: idParam });

export const ErrorDetail = z.object({
  field: z.string().optional(),
  rule: z.string().optional(),
  message: z.string(),
});

/** v1 error body. */
export const ErrorResponse = z.object({
  message: z.string().describe("What went wrong, for people."),
  code: z.string().describe("What went wrong, for programs: validation_error, unauthorized, not_found, ..."),
  details: z.array(ErrorDetail),
  requestId: z.string(),
});

/** v2 error body. */
export const ErrorResponseV2 = z.object({
  status: z.literal("error"),
  timestamp: z.string(),
  path: z.string(),
  error: z.object({ code: z.string(), message: z.string(), details: z.array(ErrorDetail), requestId: z.string() }),
});

/** Workspace calendars error body. */
export const ErrorResponseWorkspace = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.array(ErrorDetail), requestId: z.string() }),
});

/** Calendar-events error body (JSON:API error objects). */
export const ErrorResponseJsonApi = z.object({
  errors: z.array(
    z.object({
      id: z.string().describe("The request id."),
      status: z.string().describe('The HTTP status, as text ("422").'),
      code: z.string(),
      title: z.string(),
      detail: z.string(),
      meta: z.object({ rule: z.string() }).optional(),
      source: z.object({ parameter: z.string().optional(), pointer: z.string().optional(), header: z.string().optional() }).optional().describe("The offending query parameter."),
    }),
  ),
});

export const DeletedResponse = z.object({ message: z.string() });

export const ApiIndexResponse = z.object({
  name: z.string(),
  message: z.string(),
  docs: z.string(),
  openapi: z.string(),
});

export const HealthResponse = z.object({
  status: z.literal("ok"),
  uptimeSeconds: z.number().int().min(0).describe("Seconds since this process started."),
});

const DependencyCheck = z.object({
  status: z.enum(["ok", "failing"]),
  detail: z.string().optional().describe("Why it is failing, in words an operator acts on."),
});

export const ReadinessResponse = z.object({
  status: z.enum(["ready", "unavailable"]),
  failing: z.array(z.enum(["database", "migrations"])).describe("The dependencies that keep this process from serving; empty when ready."),
  checks: z.object({ database: DependencyCheck, migrations: DependencyCheck }),
});

export const ScheduledDeliveryResponse = z.object({
  emails: z.object({ sent: z.number().int(), retried: z.number().int(), failed: z.number().int() }),
  webhooks: z.object({ delivered: z.number().int(), retried: z.number().int(), failed: z.number().int() }),
  passes: z.number().int().describe("Passes over the outboxes this run made."),
  more: z.boolean().describe("Due rows were left for the next run (the budget ran out first)."),
  durationMs: z.number().int(),
});
