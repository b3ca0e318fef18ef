import { Prisma } from "@slotbase/prisma";

/** A model's columns for raw SQL, e.g. `et."id", et."title"`, from Prisma's scalar field list. */
export function columnList(alias: string | null, fields: Record<string, string>): Prisma.Sql {
  const prefix = alias ? `${alias}.` : "";
  return Prisma.raw(Object.values(fields).map((field) => `${prefix}"${field}"`).join(", "));
}
