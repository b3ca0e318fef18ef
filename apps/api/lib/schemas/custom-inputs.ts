import { z } from "zod";
import { EventTypeCustomInputSchema } from "@slotbase/prisma/zod";
import { idParam } from "../validation/common";
import { listQuery } from "../validation/list-query";

/** v1 custom inputs (Cal.com's envelopes: `event_type_custom_inputs`, `event_type_custom_input`). */
const Option = z.object({ label: z.string().trim().min(1).max(200), type: z.string().trim().min(1).max(50) });

export const CustomInput = EventTypeCustomInputSchema.pick({ id: true, eventTypeId: true, label: true, type: true, required: true, placeholder: true })
  .extend({ options: z.array(Option).nullable().describe("RADIO: the choices (an answer must be one of their labels).") })
  .meta({ example: { id: 12, eventTypeId: 3, label: "Company size", type: "RADIO", required: true, placeholder: "", options: [{ label: "1-10", type: "option" }, { label: "11-50", type: "option" }] } });

const options = z
  .union([Option.transform((one) => [one]), z.array(Option).max(50)])
  .nullable()
  .describe("Choices of a RADIO input: an array of { label, type } (or one).");

const writable = {
  eventTypeId: idParam.describe("The event type it asks for (you must manage it)."),
  label: z.string().trim().min(1).max(200),
  type: EventTypeCustomInputSchema.shape.type.describe("TEXT, TEXTLONG, NUMBER, BOOL (a required one must be true), RADIO or PHONE."),
  required: z.boolean().describe("A booking without an answer is refused (400 naming the input)."),
  placeholder: z.string().max(200),
  options,
};

export const CustomInputCreateBody = z
  .object(writable)
  .partial({ placeholder: true, options: true })
  .strict()
  .meta({ example: { eventTypeId: 3, label: "Company size", type: "RADIO", required: true, options: [{ label: "1-10", type: "option" }, { label: "11-50", type: "option" }] } });

export const CustomInputUpdateBody = z
  .object(writable)
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { error: "Send at least one field to change" })
  .meta({ example: { required: false } });

export const ListCustomInputsQuery = listQuery;
export const CustomInputResponse = z.object({ event_type_custom_input: CustomInput });
export const CustomInputCreatedResponse = z.object({ event_type_custom_input: CustomInput, message: z.string() });
export const CustomInputListResponse = z.object({ event_type_custom_inputs: z.array(CustomInput) });
