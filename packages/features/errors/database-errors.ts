/** Recognises database errors by their PostgreSQL/Prisma codes, whatever the driver adapter. */
function codesOf(error: unknown): string[] {
  if (typeof error !== "object" || error === null) return [];
  const e = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } }; cause?: { originalCode?: unknown; code?: unknown } };
  return [e.code, e.meta?.driverAdapterError?.cause?.originalCode, e.cause?.originalCode, e.cause?.code].filter(
    (code): code is string => typeof code === "string",
  );
}

export const isUniqueViolation = (error: unknown) => codesOf(error).some((c) => c === "P2002" || c === "23505");
export const isExclusionViolation = (error: unknown) => codesOf(error).includes("23P01");
export const isRecordNotFound = (error: unknown) => codesOf(error).includes("P2025");
export const isForeignKeyViolation = (error: unknown) => codesOf(error).some((c) => c === "P2003" || c === "23503");
