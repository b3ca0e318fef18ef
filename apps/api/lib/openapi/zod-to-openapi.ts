import { z } from "zod";

/** A JSON Schema 2020-12 object, which OpenAPI 3.1 uses as its Schema Object unchanged. */
export type OpenApiSchema = Record<string, unknown>;

/**
 * Which side of a transform/default/coercion to describe:
 * - `"input"`: what a client may send (request bodies, query and path parameters);
 *   fields with defaults are optional, `isoDateTime()` is the string it parses.
 * - `"output"`: what the server sends (response and component schemas); fields with
 *   defaults are always present, dates are date-time strings.
 */
export type SchemaIo = "input" | "output";

export interface ZodToOpenApiOptions {
  io: SchemaIo;
  /**
   * Where `$defs` (zod extracts schemas registered with an `id`, and cycles) are hoisted to:
   * each becomes `components.schemas[<prefix><name>]` via `onDef`, and refs are rewritten.
   * Without it a schema that produces `$defs` is an error (it would not survive being
   * embedded in the document).
   */
  defs?: { prefix: string; onDef: (name: string, schema: OpenApiSchema) => void };
}

/** Zod → OpenAPI 3.1 schema object, with `$schema` removed and dates as date-time strings. */
export function zodToOpenApi(schema: z.ZodType, options: ZodToOpenApiOptions): OpenApiSchema {
  const json = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io: options.io,
    unrepresentable: "any",
    override: (ctx) => {
      const def = (ctx.zodSchema as { _zod: { def: { type: string } } })._zod.def;
      if (def.type === "date") {
        ctx.jsonSchema.type = "string";
        ctx.jsonSchema.format = "date-time";
      }
      // z.number().int() emits ±2^53 bounds; as documentation they only make Swagger UI
      // show -9007199254740991 as the example id.
      if (ctx.jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete ctx.jsonSchema.minimum;
      if (ctx.jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete ctx.jsonSchema.maximum;
    },
  }) as OpenApiSchema;
  delete json.$schema;

  const defs = json.$defs as Record<string, OpenApiSchema> | undefined;
  if (defs && Object.keys(defs).length > 0) {
    if (!options.defs) throw new Error(`zod schema produced $defs (${Object.keys(defs).join(", ")}); pass options.defs to hoist them`);
    delete json.$defs;
    const { prefix, onDef } = options.defs;
    const rewrite = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(rewrite);
      if (node === null || typeof node !== "object") return node;
      return Object.fromEntries(
        Object.entries(node).map(([key, value]) =>
          key === "$ref" && typeof value === "string" && value.startsWith("#/$defs/")
            ? [key, `#/components/schemas/${prefix}${value.slice("#/$defs/".length)}`]
            : key === "$ref" && value === "#"
              ? [key, `#/components/schemas/${prefix.replace(/_$/, "")}`]
              : [key, rewrite(value)],
        ),
      );
    };
    for (const [name, def] of Object.entries(defs)) onDef(`${prefix}${name}`, rewrite(def) as OpenApiSchema);
    return rewrite(json) as OpenApiSchema;
  }
  return json;
}

export interface OpenApiParameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  description?: string;
  schema: OpenApiSchema;
}

/**
 * A zod object of query (and path) inputs as OpenAPI parameters: keys that appear as
 * `{name}` in the path template are required path parameters, the others query
 * parameters, required unless optional or defaulted.
 */
export function zodObjectToParameters(object: z.ZodObject, template: string): OpenApiParameter[] {
  const pathNames = new Set([...template.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]));
  const whole = zodToOpenApi(object, { io: "input" });
  const properties = (whole.properties ?? {}) as Record<string, OpenApiSchema>;
  const required = new Set((whole.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...schema } = property;
    const parameter: OpenApiParameter = pathNames.has(name)
      ? { name, in: "path", required: true, schema }
      : { name, in: "query", required: required.has(name), schema };
    if (typeof description === "string") parameter.description = description;
    return parameter;
  });
}
