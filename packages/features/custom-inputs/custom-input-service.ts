import { getPrisma, Prisma, type EventTypeCustomInputModel } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";
import { accessOf } from "../access/access";
import { assertEventType, readableEventTypesWhere } from "../access/event-type-rules";
import { invalidField, notFound, NotFoundError } from "../errors/domain-errors";
import { findPage, mapPage, type Page, type PageRequest } from "../common/pagination";
import type { CustomInputRule } from "./custom-input-answers";

/**
 * v1 custom inputs (Cal.com's `EventTypeCustomInput`): questions a booker answers. Whoever may
 * read the event type reads them; its managers (owner, team OWNER/ADMIN) change them.
 */
export type CustomInputType = CustomInputRule["type"];

export interface CustomInputInput {
  eventTypeId: number;
  label: string;
  type: CustomInputType;
  required: boolean;
  placeholder?: string;
  options?: { label: string; type: string }[] | null;
}

export interface PublicCustomInput {
  id: number;
  eventTypeId: number;
  label: string;
  type: CustomInputType;
  required: boolean;
  placeholder: string;
  options: { label: string; type: string }[] | null;
}

function toPublicCustomInput(row: EventTypeCustomInputModel): PublicCustomInput {
  return {
    id: row.id,
    eventTypeId: row.eventTypeId,
    label: row.label,
    type: row.type,
    required: row.required,
    placeholder: row.placeholder,
    options: Array.isArray(row.options) ? (row.options as { label: string; type: string }[]) : null,
  };
}

function checkOptions(type: CustomInputType, options: CustomInputInput["options"]): void {
  if (type === "RADIO" && (!options || options.length === 0)) throw invalidField("options", "required", "A RADIO input needs at least one option");
}

async function eventTypeFor(auth: AuthContext, eventTypeId: number, need: "read" | "manage"): Promise<void> {
  const prisma = await getPrisma();
  const [eventType, access] = await Promise.all([prisma.eventType.findUnique({ where: { id: eventTypeId }, select: { userId: true, teamId: true } }), accessOf(auth)]);
  const hidden = () => notFound("Event type", { field: "eventTypeId", rule: "not_found", message: `No event type ${eventTypeId} you may see` });
  if (!eventType) throw hidden();
  try {
    assertEventType(access, eventType, need);
  } catch (error) {
    throw error instanceof NotFoundError ? hidden() : error;
  }
}

async function findVisible(auth: AuthContext, id: number, need: "read" | "manage"): Promise<EventTypeCustomInputModel> {
  const prisma = await getPrisma();
  const [row, access] = await Promise.all([
    prisma.eventTypeCustomInput.findUnique({ where: { id }, include: { eventType: { select: { userId: true, teamId: true } } } }),
    accessOf(auth),
  ]);
  if (!row) throw notFound("Custom input");
  try {
    assertEventType(access, row.eventType, need);
  } catch (error) {
    throw error instanceof NotFoundError ? notFound("Custom input") : error;
  }
  const { eventType: _eventType, ...input } = row;
  return input;
}

export async function listCustomInputs(auth: AuthContext, page: PageRequest): Promise<Page<PublicCustomInput>> {
  const prisma = await getPrisma();
  const access = await accessOf(auth);
  const where = { eventType: readableEventTypesWhere(access) };
  const rows = await findPage(page, (window) => prisma.eventTypeCustomInput.findMany({ where, orderBy: { id: "asc" }, ...window }), () => prisma.eventTypeCustomInput.count({ where }));
  return mapPage(rows, toPublicCustomInput);
}

export async function getCustomInput(auth: AuthContext, id: number): Promise<PublicCustomInput> {
  return toPublicCustomInput(await findVisible(auth, id, "read"));
}

export async function createCustomInput(auth: AuthContext, input: CustomInputInput): Promise<PublicCustomInput> {
  await eventTypeFor(auth, input.eventTypeId, "manage");
  checkOptions(input.type, input.options);
  const prisma = await getPrisma();
  const row = await prisma.eventTypeCustomInput.create({
    data: {
      eventTypeId: input.eventTypeId,
      label: input.label,
      type: input.type,
      required: input.required,
      placeholder: input.placeholder ?? "",
      options: (input.options ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  });
  return toPublicCustomInput(row);
}

export async function updateCustomInput(auth: AuthContext, id: number, input: Partial<CustomInputInput>): Promise<PublicCustomInput> {
  const current = await findVisible(auth, id, "manage");
  if (input.eventTypeId !== undefined && input.eventTypeId !== current.eventTypeId) await eventTypeFor(auth, input.eventTypeId, "manage");
  const type = input.type ?? current.type;
  checkOptions(type, input.options !== undefined ? input.options : toPublicCustomInput(current).options);
  const prisma = await getPrisma();
  const row = await prisma.eventTypeCustomInput.update({
    where: { id },
    data: {
      ...(input.eventTypeId !== undefined ? { eventTypeId: input.eventTypeId } : {}),
      ...(input.label !== undefined ? { label: input.label } : {}),
      ...(input.type !== undefined ? { type: input.type } : {}),
      ...(input.required !== undefined ? { required: input.required } : {}),
      ...(input.placeholder !== undefined ? { placeholder: input.placeholder } : {}),
      ...(input.options !== undefined ? { options: input.options === null ? Prisma.DbNull : (input.options as Prisma.InputJsonValue) } : {}),
    },
  });
  return toPublicCustomInput(row);
}

export async function deleteCustomInput(auth: AuthContext, id: number): Promise<void> {
  await findVisible(auth, id, "manage");
  const prisma = await getPrisma();
  await prisma.eventTypeCustomInput.delete({ where: { id } });
}
