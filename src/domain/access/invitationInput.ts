import { z } from "zod";
import { code } from "../../lib/zodIssues";
import { language, personName } from "../schemas";

/** One invitee: an address, and what the organiser knows of them. */
export const invitee = z
  .strictObject({
    email: z.string().trim().max(254).pipe(z.email()),
    firstName: personName(100).optional(),
    lastName: personName(100).optional(),
    // The full name instead of the two, split at its last space like a signup's.
    name: personName(200).optional(),
    organisation: z.string().trim().max(200).regex(/^[^\u0000-\u001F\u007F]*$/, code("one_line")).nullish(),
    language: language.optional(),
    // How many registrations the link takes: the invitee and their colleagues.
    seats: z.number().int().min(1).max(100).default(1),
  })
  .refine((i) => i.name === undefined || (i.firstName === undefined && i.lastName === undefined), { params: { code: "unknown_field" }, path: ["name"] });
export type Invitee = z.output<typeof invitee>;

/** `POST /events/:id/invitations`: a list of invitees (pasted, uploaded or from a CRM), sent at once unless `send` is false. */
export const invitationsInput = z.strictObject({
  invitees: z.array(invitee).min(1).max(5000),
  send: z.boolean().default(true),
});
