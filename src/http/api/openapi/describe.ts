import type { MiddlewareHandler } from "hono";
import { describeRoute } from "hono-openapi";
import type { z, ZodType } from "zod";
import type { ErrorCode } from "../../../lib/errorCodes";
import type { AppEnv } from "../../env";
import { errorResponses } from "./errors";
import { ref } from "./registry";

/** The tags operations are grouped under, in the order the reference page shows them; a new resource adds its own. */
export const tags = [
  { name: "Events", description: "Creating, changing and listing an organisation's events, and their signup forms." },
  { name: "Registrations", description: "Signing up, the attendance list, check-in at the door and applications." },
  { name: "Sessions", description: "The sessions of an event's programme." },
  { name: "Invitations", description: "Personal invitations to events by invitation." },
  { name: "Manage links", description: "What a person can do with the link in their confirmation email: no token, the link is the key." },
  { name: "Organisation", description: "The caller's own organisation and its settings." },
  { name: "Webhooks", description: "Endpoints that changes are pushed to, signed as Standard Webhooks says, and their delivery logs." },
] as const;
export type Tag = (typeof tags)[number]["name"];

/**
 * Who may call an operation: `organiser` needs the organisation's API token (the routes
 * behind `requireOrganiser`); `optional` shows more with one (`optionalOrganiser`); `none`
 * is public (the link or the form is the key).
 */
export type Auth = "organiser" | "optional" | "none";
const security: Record<Auth, Record<string, string[]>[]> = { organiser: [{ apiToken: [] }], optional: [{}, { apiToken: [] }], none: [] };

type Success<S extends ZodType> =
  // The example is held to the schema by the compiler.
  | { status: 200 | 201; description: string; schema: S; example: z.output<S> }
  /** A response that is not JSON (a download): its media types as OpenAPI writes them. */
  | { status: 200; description: string; content: Record<string, { schema: Record<string, unknown> }> }
  /** No body (a removal). */
  | { status: 204; description: string };

export interface Operation<S extends ZodType = ZodType> {
  operationId: string;
  tag: Tag;
  summary: string;
  /** Plain English: what it does and what a client should know. */
  description: string;
  auth: Auth;
  /** The path's parameters by name (`:id` → id), with what each one is. */
  params?: Record<string, string>;
  success: Success<S>;
  /** Every error code the operation can answer with; grouped by status in the description. */
  errors: ErrorCode[];
}

/**
 * The description of one `/api/v1` route, put first among its handlers. The request
 * body and query come from the route's `validate()` (src/http/validate.ts); what is said
 * here is the rest: who may call, what comes back and how it is refused.
 */
export function operation<S extends ZodType>(op: Operation<S>): MiddlewareHandler<AppEnv> {
  const errors = op.auth === "organiser" || op.auth === "optional" ? ["unauthorized" as const, ...op.errors] : op.errors;
  const success = op.success;
  const content =
    "schema" in success ? { "application/json": { schema: ref(success.schema), example: success.example } } : "content" in success ? success.content : undefined;
  return describeRoute({
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    description: op.description,
    security: security[op.auth],
    parameters: Object.entries(op.params ?? {}).map(([name, description]) => ({ in: "path", name, required: true, description, schema: { type: "string" } })),
    responses: { [String(success.status)]: { description: success.description, ...(content ? { content } : {}) }, ...errorResponses(...new Set(errors)) },
  });
}
