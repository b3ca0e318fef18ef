// Zod 4 schemas generated from schema.prisma (prisma-zod-generator): the one source every
// request and response schema of the API is narrowed from.
export * from "./generated/zod/schemas/models/index";
export { UserRoleSchema } from "./generated/zod/schemas/enums/UserRole.schema";
export { MembershipRoleSchema } from "./generated/zod/schemas/enums/MembershipRole.schema";
export { BookingStatusSchema } from "./generated/zod/schemas/enums/BookingStatus.schema";
export { PeriodTypeSchema } from "./generated/zod/schemas/enums/PeriodType.schema";
export { SchedulingTypeSchema } from "./generated/zod/schemas/enums/SchedulingType.schema";
export { WebhookTriggerEventsSchema } from "./generated/zod/schemas/enums/WebhookTriggerEvents.schema";
