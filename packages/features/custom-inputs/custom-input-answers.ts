import { invalidField } from "../errors/domain-errors";

/**
 * An event type's custom inputs (v1 `/custom-inputs`) checked against a booking's answers:
 * v1 `responses` and v2 `bookingFieldsResponses`, keyed by the input's id (as a string) or its
 * label. Every required input must be answered, every answer must fit its type; the answers
 * are stored on the booking keyed by label (`customInputs`, as Cal.com).
 */
export interface CustomInputRule {
  id: number;
  label: string;
  type: "TEXT" | "TEXTLONG" | "NUMBER" | "BOOL" | "RADIO" | "PHONE";
  required: boolean;
  options: { label: string; type?: string }[] | null;
}

const PHONE = /^\+?[0-9 ().-]{5,32}$/;

function missing(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

function problem(input: CustomInputRule, value: unknown): string | null {
  switch (input.type) {
    case "TEXT":
    case "TEXTLONG":
      return typeof value === "string" ? null : "must be text";
    case "NUMBER":
      return (typeof value === "number" && Number.isFinite(value)) || (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) ? null : "must be a number";
    case "BOOL":
      if (typeof value !== "boolean") return "must be true or false";
      return input.required && !value ? "must be true (it is required)" : null;
    case "RADIO": {
      const labels = (input.options ?? []).map((o) => o.label);
      return typeof value === "string" && labels.includes(value) ? null : `must be one of ${labels.map((l) => JSON.stringify(l)).join(", ")}`;
    }
    case "PHONE":
      return typeof value === "string" && PHONE.test(value.trim()) ? null : "must be a phone number";
  }
}

/** The answers to store (by label), or a 400 naming the first input that is missing or wrong. */
export function customInputAnswers(inputs: readonly CustomInputRule[], responses: Record<string, unknown> | undefined): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const input of inputs) {
    const value = responses?.[String(input.id)] ?? responses?.[input.label];
    const name = `"${input.label}" (custom input ${input.id})`;
    if (missing(value)) {
      if (input.required) throw invalidField("responses", "required", `${name} is required`);
      continue;
    }
    const wrong = problem(input, value);
    if (wrong) throw invalidField("responses", "invalid_value", `${name} ${wrong}`);
    answers[input.label] = input.type === "NUMBER" ? Number(value) : value;
  }
  return answers;
}
