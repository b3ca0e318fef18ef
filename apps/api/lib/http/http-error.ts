export { HttpError, type ErrorCode, type ErrorDetail } from "@slotbase/features";
