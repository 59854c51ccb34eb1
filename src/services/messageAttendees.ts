import { sql } from "drizzle-orm";
import { z } from "zod";
import { fieldMessage } from "../lib/fieldMessages";
import { invalid } from "../lib/errors";
import type { Actor } from "./audit";
import { auditIf } from "./auditIf";
import { listStillOpenSql, openEvent } from "./attendeeRules";
import type { OrgScope, ServiceContext } from "./context";
import { outboxInsert } from "./outboxRows";

// Control characters would end up in mail headers (the subject) and in the text part.
const singleLine = /^[^\u0000-\u001F\u007F]*$/;
const multiLine = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;

export const organiserMessageInput = z.strictObject({
  audience: z.enum(["confirmed", "waitlisted"], { message: "Choose who receives the message." }),
  subject: z
    .string()
    .trim()
    .min(1, fieldMessage.required)
    .max(200, fieldMessage.tooLong(200))
    .regex(singleLine, fieldMessage.oneLine),
  body: z
    .string()
    // A browser sends a textarea's line breaks as CRLF; count and store them as one.
    .transform((s) => s.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().min(1, fieldMessage.required).max(10_000, fieldMessage.tooLong(10_000)).regex(multiLine, fieldMessage.noControl)),
});
export type OrganiserMessage = z.infer<typeof organiserMessageInput>;
export type Audience = OrganiserMessage["audience"];

const audienceSql = (eventId: string, audience: Audience) => sql`r.event_id = ${eventId} AND r.status = ${audience}`;

/** How many people a message to `audience` would reach now (for the confirmation step). */
export async function countAudience({ ctx, input }: { ctx: ServiceContext; input: OrgScope & { eventId: string; audience: Audience } }) {
  await openEvent(ctx, input.orgId, input.eventId);
  const [row] = await ctx.db.all<{ n: number }>(
    sql`SELECT count(*) AS n FROM registrations r WHERE ${audienceSql(input.eventId, input.audience)}`,
  );
  return row?.n ?? 0;
}

/**
 * Writes the organiser's message to everyone confirmed, or everyone waiting: one outbox
 * row per person (the dispatcher sends them like any other email), and the audit entry,
 * in one batch. Returns how many were queued.
 */
export async function messageAttendees({
  ctx,
  input,
  actor,
}: {
  ctx: ServiceContext;
  input: OrgScope & { eventId: string; message: OrganiserMessage };
  actor: Actor;
}): Promise<number> {
  const { eventId, message } = input;
  await openEvent(ctx, input.orgId, eventId);
  const who = sql`${audienceSql(eventId, message.audience)} AND ${listStillOpenSql(eventId)}`;
  const count = sql`(SELECT count(*) FROM registrations r WHERE ${who})`;
  const [, queued] = await ctx.db.batch([
    // First, so it counts the same rows the insert below queues: nothing else runs in between.
    auditIf(
      ctx,
      actor,
      {
        action: "event.message",
        subjectType: "event",
        subjectId: eventId,
        detail: sql`json_object('audience', ${message.audience}, 'subject', ${message.subject}, 'recipients', ${count})`,
      },
      sql`${count} > 0`,
    ),
    ctx.db.all<{ id: string }>(sql`
      ${outboxInsert(ctx, "organiser_message", who, sql`json_object('subject', ${message.subject}, 'body', ${message.body})`)}
      RETURNING id`),
  ]);
  if (!queued.length)
    throw invalid(
      { audience: `Nobody is ${message.audience} on this event.` },
      "Nobody would receive this message; nothing was sent.",
    );
  return queued.length;
}
