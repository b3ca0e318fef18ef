/**
 * Custom payload templates (Cal.com's `payloadTemplate`): the text sent instead of the default
 * JSON, with `{{path}}` placeholders filled from the event (`{{triggerEvent}}`, `{{createdAt}}`,
 * `{{title}}`, `{{organizer.name}}`, `{{attendees.0.email}}`…). A string value is inserted
 * JSON-escaped without quotes, so `"{{title}}"` stays valid JSON whatever the title holds;
 * numbers and booleans as they are, objects and arrays as JSON, anything missing as nothing.
 */
const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

function lookup(data: unknown, path: string): unknown {
  let value: unknown = data;
  for (const key of path.split(".")) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function inserted(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return JSON.stringify(value).slice(1, -1);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

export function renderPayloadTemplate(template: string, data: Record<string, unknown>): string {
  return template.replace(PLACEHOLDER, (_, path: string) => inserted(lookup(data, path)));
}

/** The Content-Type of a body: JSON when it parses as JSON (every default body does), else plain text. */
export function contentTypeOf(body: string): string {
  try {
    JSON.parse(body);
    return "application/json";
  } catch {
    return "text/plain; charset=utf-8";
  }
}
