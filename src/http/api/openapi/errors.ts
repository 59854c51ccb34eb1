import { z } from "zod";
import { errorStatus, type ErrorCode } from "../../../lib/errorCodes";
import { named, ref } from "./registry";

/** The one error shape (src/http/errors.ts), as clients receive it. */
export const apiError = named(
  "Error",
  z.object({
    error: z.object({
      code: z.enum(Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]]).describe("What went wrong, as a stable code: program against this, not the message."),
      message: z.string().describe("The same in English words, for a person reading a log."),
      fields: z.record(z.string(), z.string()).optional().describe("With invalid_request: each invalid field (dotted path) and what is wrong with it, in words."),
      fieldCodes: z
        .record(z.string(), z.looseObject({ code: z.string() }))
        .optional()
        .describe("The same field errors as codes with their parameters (e.g. { code: \"too_long\", max: 200 }), for clients that word them themselves."),
    }),
  }),
  "A refusal: every error of the API has this shape.",
);

// What each code says in an example; the words clients see come from the API itself.
const exampleMessages: Partial<Record<ErrorCode, string>> = {
  invalid_request: "The request is invalid.",
  unauthorized: "A valid API token is required.",
  forbidden: "Not allowed.",
  not_found: "Event not found.",
  already_registered: "This email address is already registered for this event.",
  event_full: "The event is full.",
  session_full: "A chosen session is full.",
  invitation_required: "This event is by invitation only.",
  invitation_revoked: "This invitation has been withdrawn.",
  invitation_used: "The invitation's places are taken.",
  company_quota: "Your organisation has used its places for this event.",
  registration_closed: "Registration is closed.",
  event_cancelled: "The event is cancelled.",
  slug_taken: "The address leankonferens-blekinge-2027 is taken.",
  not_confirmed: "Only someone with a seat can do this.",
  offer_expired: "The offer has expired.",
  conflict: "That is not possible in the current state.",
  payload_too_large: "The request body is larger than 64 KiB.",
  rate_limited: "Too many requests; try again shortly.",
};

// Why a status is sent, in a description's words.
const statusMeaning: Record<number, string> = {
  400: "The request is malformed or a field is invalid (`fields` says which).",
  401: "No valid API token (`Authorization: Bearer …`).",
  403: "Not allowed to do this.",
  404: "Nothing found by that id, token or link.",
  409: "Refused by the current state of the event or registration.",
  413: "The body is larger than 64 KiB.",
  429: "Too many requests from this address; try again later.",
};

/**
 * The error responses of an operation: one per status among `codes`, each naming the
 * codes it can carry, with the one error shape and an example of the first.
 */
export function errorResponses(...codes: ErrorCode[]) {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(errorStatus[code], [...(byStatus.get(errorStatus[code]) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, list]) => {
      const first = list[0]!;
      const error =
        first === "invalid_request"
          ? { code: first, message: exampleMessages[first]!, fields: { email: "Enter a valid email address." }, fieldCodes: { email: { code: "email" } } }
          : { code: first, message: exampleMessages[first] ?? first };
      return [
        String(status),
        {
          description: `${statusMeaning[status] ?? "Refused."} Codes: ${list.map((c) => `\`${c}\``).join(", ")}.`,
          content: { "application/json": { schema: ref(apiError), example: { error } } },
        },
      ];
    }),
  );
}
