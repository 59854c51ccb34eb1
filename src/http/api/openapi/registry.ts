import { z } from "zod";

/**
 * The named schemas of the API's description: each response schema registered here under
 * the name it has in `components.schemas` (and so in a generated client's types). Their own
 * registry rather than zod's global one, so nothing else that calls `.meta()` leaks in.
 */
export const components = z.registry<{ id: string; description?: string }>();

/** Registers `schema` as the component `id`. */
export const named = <S extends z.ZodType>(id: string, schema: S, description?: string): S => {
  components.add(schema, description ? { id, description } : { id });
  return schema;
};

/** A `$ref` to a registered schema, for a response's content. */
export function ref(schema: z.ZodType) {
  const id = components.get(schema)?.id;
  if (!id) throw new Error("openapi: an unregistered response schema (see named())");
  return { $ref: `#/components/schemas/${id}` };
}

/** Every registered schema as JSON Schema, each other's references pointing into `components.schemas`. */
export function componentSchemas(): Record<string, Record<string, unknown>> {
  const { schemas } = z.toJSONSchema(components, {
    target: "draft-2020-12",
    // As inputs: zod then leaves objects open (no additionalProperties: false), since a
    // later version may add a field, which must not break a client that checks answers.
    io: "input",
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, Record<string, unknown>> };
  // Inside an OpenAPI document a schema needs neither a dialect nor an id of its own (Swagger
  // UI resolves references against an `$id` and fails).
  // By name, not by the order modules happened to register them: the same document (and
  // generated client) whichever module was loaded first.
  return Object.fromEntries(
    Object.entries(schemas)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, { $schema: _, $id: __, id: ___, ...schema }]) => [id, schema]),
  );
}
