// Compile-time only (tsc runs in test/architecture/types.test.ts): what each /api/v1 route
// returns, as Hono's route types carry it from the domain's return types, must fit the
// response schema its description names (src/http/api/openapi/), and name no field the
// schema lacks. A change to a domain view that the description does not follow fails tsc.
import type { ExtractSchema } from "hono/types";
import type { z } from "zod";
import type { App } from "../../src/app";
import type * as access from "../../src/http/api/openapi/access";
import type * as events from "../../src/http/api/openapi/events";
import type * as registrations from "../../src/http/api/openapi/registrations";
import type * as webhooks from "../../src/http/api/openapi/webhooks";

type Routes = ExtractSchema<App>;
/** The JSON a route answers with: only its success (a refusal is thrown, never returned). */
type Success<P extends keyof Routes, M extends keyof Routes[P]> = Routes[P][M] extends { output: infer O } ? O : never;

/** true when every answer of the route is a value of the schema, with no field it does not describe. */
type Fits<Answer, Schema extends z.ZodType> = [Answer] extends [never]
  ? "the route's answer type is missing"
  : [Answer] extends [z.output<Schema>]
    ? [Exclude<keyof Answer, keyof z.output<Schema>>] extends [never]
      ? true
      : { undescribed: Exclude<keyof Answer, keyof z.output<Schema>> }
    : { answer: Answer; schema: z.output<Schema> };
type Assert<T extends true> = T;

export type Checked = [
  Assert<Fits<Success<"/api/v1/events", "$post">, typeof events.eventDetail>>,
  Assert<Fits<Success<"/api/v1/events", "$get">, typeof events.eventList>>,
  Assert<Fits<Success<"/api/v1/events/:id", "$get">, typeof events.eventDetail>>,
  Assert<Fits<Success<"/api/v1/events/:id", "$patch">, typeof events.eventDetail>>,
  Assert<Fits<Success<"/api/v1/events/:id/invitations", "$post">, typeof access.invitationList>>,
  Assert<Fits<Success<"/api/v1/events/:id/invitations", "$get">, typeof access.invitationList>>,
  Assert<Fits<Success<"/api/v1/events/:id/sessions", "$post">, typeof events.session>>,
  Assert<Fits<Success<"/api/v1/events/:id/cancel", "$post">, typeof events.organiserEvent>>,
  Assert<Fits<Success<"/api/v1/events/:id/registrations", "$post">, typeof registrations.signupResult>>,
  Assert<Fits<Success<"/api/v1/events/:id/registrations", "$get">, typeof registrations.registrationPage>>,
  Assert<Fits<Success<"/api/v1/registrations/:id/check-in", "$post">, typeof registrations.arrival>>,
  Assert<Fits<Success<"/api/v1/registrations/:id/check-in", "$delete">, typeof registrations.arrival>>,
  Assert<Fits<Success<"/api/v1/registrations/:id/approve", "$post">, typeof access.approval>>,
  Assert<Fits<Success<"/api/v1/registrations/:id/decline", "$post">, typeof access.declination>>,
  Assert<Fits<Success<"/api/v1/sessions/:id", "$patch">, typeof events.session>>,
  Assert<Fits<Success<"/api/v1/sessions/:id/cancel", "$post">, typeof events.cancelledSession>>,
  Assert<Fits<Success<"/api/v1/sessions/:id/registrations", "$get">, typeof registrations.sessionList>>,
  Assert<Fits<Success<"/api/v1/invitations/:id/revoke", "$post">, typeof access.invitation>>,
  Assert<Fits<Success<"/api/v1/invitations/:id/resend", "$post">, typeof access.invitation>>,
  Assert<Fits<Success<"/api/v1/manage/:token", "$get">, typeof registrations.managedRegistration>>,
  Assert<Fits<Success<"/api/v1/manage/:token/cancel", "$post">, typeof registrations.managedRegistration>>,
  Assert<Fits<Success<"/api/v1/manage/:token/accept", "$post">, typeof registrations.managedRegistration>>,
  Assert<Fits<Success<"/api/v1/manage/:token/decline", "$post">, typeof registrations.managedRegistration>>,
  Assert<Fits<Success<"/api/v1/manage/:token/substitute", "$post">, typeof registrations.managedRegistration>>,
  Assert<Fits<Success<"/api/v1/manage/:token/sessions", "$post">, typeof registrations.managedRegistration>>,
  Assert<Fits<Success<"/api/v1/organisation", "$get">, typeof access.organisation>>,
  Assert<Fits<Success<"/api/v1/organisation", "$patch">, typeof access.organisation>>,
  Assert<Fits<Success<"/api/v1/webhooks", "$post">, typeof webhooks.webhookWithSecret>>,
  Assert<Fits<Success<"/api/v1/webhooks", "$get">, typeof webhooks.webhookList>>,
  Assert<Fits<Success<"/api/v1/webhooks/:id", "$get">, typeof webhooks.webhook>>,
  Assert<Fits<Success<"/api/v1/webhooks/:id", "$patch">, typeof webhooks.webhook>>,
  Assert<Fits<Success<"/api/v1/webhooks/:id/rotate-secret", "$post">, typeof webhooks.webhookWithSecret>>,
  Assert<Fits<Success<"/api/v1/webhooks/:id/deliveries", "$get">, typeof webhooks.deliveryPage>>,
  Assert<Fits<Success<"/api/v1/webhooks/:id/deliveries/:delivery/redeliver", "$post">, typeof webhooks.delivery>>,
];
