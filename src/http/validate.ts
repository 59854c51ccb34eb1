import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import { resolver, uniqueSymbol } from "hono-openapi";
import type { ZodType } from "zod";
import { validationError } from "./errors";

/**
 * zod validation whose failures come out in the one error shape, with per-field messages.
 * The same schema is also registered for the API's description (the property hono-openapi's
 * own `validator` sets), so every validated body and query is described by the schema that
 * checks it. Validation itself stays zod's (zValidator, not hono-openapi's standard-schema
 * validator): the hook gets zod's own issues, which `validationError` maps to field codes.
 */
export const validate = <Target extends keyof ValidationTargets, Schema extends ZodType>(
  target: Target,
  schema: Schema,
) =>
  Object.assign(
    zValidator(target, schema, (result) => {
      if (!result.success) throw validationError(result.error as never);
    }),
    { [uniqueSymbol]: { target, ...resolver(schema) } },
  );
