import type { Hono } from "hono";
import { generateSpecs } from "hono-openapi";
import type { AppContext, AppEnv } from "../../env";
import { tags } from "./describe";
import { errorResponses } from "./errors";
import { webhookMessages } from "./messages";
import { componentSchemas } from "./registry";

/**
 * The API's version as the description states it: 1 is /api/v1; the minor is the number of
 * the issue whose change the API last took (18: this description, webhooks); the patch
 * counts corrections of the description alone. Raise it with every change to a route, a
 * request or a response, and add an entry under "Changes" in docs/api.md.
 */
export const API_VERSION = "1.18.0";

/** Where the description is served; the reference page and clients read it there. */
export const OPENAPI_PATH = "/api/v1/openapi.json";

const documentation = () => ({
  info: {
    title: "Plats API",
    version: API_VERSION,
    description:
      "Registration for seminars, courses and conferences: events, signups, waitlists, programmes, invitations and check-in. " +
      "Organiser operations take the organisation's API token as `Authorization: Bearer …`; a person's own registration is " +
      "reached through the manage link in their email. Every error has one shape, `{ error: { code, message, fields? } }`: " +
      "program against `code`. Changes are listed in docs/api.md.",
  },
  servers: [{ url: "/api/v1", description: "This service" }],
  tags: [...tags],
  webhooks: webhookMessages(),
  components: {
    securitySchemes: {
      apiToken: {
        type: "http" as const,
        scheme: "bearer",
        description: "An API token of the organisation (`plats_…`), made by an owner under API tokens in the workspace or with `plats token create`.",
      },
    },
    schemas: componentSchemas(),
  },
});

/** The OpenAPI 3.1 document of `api` (the app mounted at /api/v1): its routes' descriptions and validators. */
export const openApiDocument = (api: Hono<AppEnv>) =>
  generateSpecs(api, {
    documentation: documentation(),
    // A validated route without a described 400 still gets one, in the one error shape.
    defaultValidationErrorResponse: errorResponses("invalid_request")["400"]!,
  });

export type OpenApiDocument = Awaited<ReturnType<typeof openApiDocument>>;

/**
 * Serves the description of `api`, made on the first request and kept for the app's life:
 * the routes do not change while it runs.
 */
export function describeApi(api: Hono<AppEnv>) {
  let made: Promise<OpenApiDocument> | undefined;
  return async (c: AppContext) => {
    made ??= openApiDocument(api).catch((err: unknown) => {
      made = undefined;
      throw err;
    });
    return c.json(await made);
  };
}
