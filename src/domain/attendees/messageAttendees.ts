import { sql } from "drizzle-orm";
import { liveStatusesSql } from "../../db/schema";
import { z } from "zod";
import { changedRows } from "../../db/client";
import { invalid } from "../../lib/errors";
import { code } from "../../lib/zodIssues";
import type { Actor } from "../audit";
import { auditIf } from "../audit";
import { listStillOpenSql, openEvent } from "./attendeeRules";
import { selectedRegistrations } from "./selection";
import type { OrgScope, ServiceContext } from "../context";
import { queueForRegistrations } from "../outbox";

// Control characters would end up in mail headers (the subject) and in the text part.
const singleLine = /^[^\u0000-\u001F\u007F]*$/;
const multiLine = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;

export const organiserMessageInput = z.strictObject({
  // "selected": the people ticked on the list, whatever their status, as long as they are still live.
  audience: z.enum(["confirmed", "waitlisted", "selected"]),
  subject: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(singleLine, code("one_line")),
  body: z
    .string()
    // A browser sends a textarea's line breaks as CRLF; count and store them as one.
    .transform((s) => s.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().min(1).max(10_000).regex(multiLine, code("no_control"))),
});
export type OrganiserMessage = z.infer<typeof organiserMessageInput>;
export type Audience = OrganiserMessage["audience"];

const audienceSql = (eventId: string, audience: Audience, ids: string[] = []) =>
  audience === "selected"
    ? sql`r.event_id = ${eventId} AND r.id IN (SELECT value FROM json_each(${JSON.stringify(ids)})) AND r.status IN ${liveStatusesSql}`
    : sql`r.event_id = ${eventId} AND r.status = ${audience}`;

/** Who a message goes to: an audience, and for "selected" the ids ticked (`parseSelection`). */
type Recipients = OrgScope & { eventId: string; audience: Audience; ids?: string[] };

/** The event the message is about, still open; a selection must be wholly this event's (`selectedRegistrations`), and its ids are returned. */
async function checkRecipients(ctx: ServiceContext, input: Recipients): Promise<string[]> {
  await openEvent(ctx, input.orgId, input.eventId);
  if (input.audience !== "selected") return [];
  return (await selectedRegistrations(ctx, { orgId: input.orgId, eventId: input.eventId, ids: input.ids ?? [] })).ids;
}

/** How many people a message to `audience` would reach now (for the confirmation step). */
export async function countAudience({ ctx, input }: { ctx: ServiceContext; input: Recipients }) {
  const ids = await checkRecipients(ctx, input);
  const [row] = await ctx.db.all<{ n: number }>(
    sql`SELECT count(*) AS n FROM registrations r WHERE ${audienceSql(input.eventId, input.audience, ids)}`,
  );
  return row?.n ?? 0;
}

/** The one-time id a preview gives its send button, so sending the same draft twice queues it once. */
export const messageDraftId = z.string().regex(/^draft_[0-9a-z]{20}$/, code("draft_expired"));

const MESSAGE_ACTION = "event.message";

const nobodyCode = { confirmed: "nobody_confirmed", waitlisted: "nobody_waitlisted", selected: "nobody_selected" } as const;

/**
 * Writes the organiser's message to everyone confirmed, everyone waiting, or the live ones of a selection: one outbox
 * row per person (the dispatcher sends them like any other email), and the audit entry,
 * in one batch. The audit entry names the draft; every statement acts only while no entry
 * for that draft exists, so a double click or a resubmitted form queues nothing more and
 * answers as the first send did. Returns how many were queued for the draft.
 */
export async function messageAttendees({
  ctx,
  input,
  actor,
}: {
  ctx: ServiceContext;
  input: OrgScope & { eventId: string; draft: string; message: OrganiserMessage; ids?: string[] };
  actor: Actor;
}): Promise<number> {
  const { eventId, message, draft } = input;
  const ids = await checkRecipients(ctx, { ...input, audience: message.audience });
  // subject_id narrows the lookup to the event's entries (an index); a draft belongs to one event's form.
  const alreadySent = sql`EXISTS (SELECT 1 FROM audit_log WHERE org_id = ${input.orgId} AND subject_id = ${eventId}
                                  AND action = ${MESSAGE_ACTION} AND json_extract(detail, '$.draft') = ${draft})`;
  const who = sql`${audienceSql(eventId, message.audience, ids)} AND ${listStillOpenSql(eventId)}`;
  const count = sql`(SELECT count(*) FROM registrations r WHERE ${who})`;
  const [queued] = await ctx.db.batch([
    // Before the audit entry, which would otherwise make it see the draft as sent. Nothing
    // else runs in between, so the entry counts the same rows this queues.
    queueForRegistrations(ctx, "organiser_message", sql`${who} AND NOT ${alreadySent}`, sql`json_object('subject', ${message.subject}, 'body', ${message.body})`),
    auditIf(
      ctx,
      actor,
      {
        action: MESSAGE_ACTION,
        subjectType: "event",
        subjectId: eventId,
        detail: sql`json_object('audience', ${message.audience}, 'subject', ${message.subject}, 'recipients', ${count}, 'draft', ${draft})`,
      },
      sql`${count} > 0 AND NOT ${alreadySent}`,
    ),
  ]);
  const recipients = changedRows(queued);
  if (recipients) return recipients;
  const [sent] = await ctx.db.all<{ n: number }>(sql`
    SELECT json_extract(detail, '$.recipients') AS n FROM audit_log
    WHERE org_id = ${input.orgId} AND subject_id = ${eventId} AND action = ${MESSAGE_ACTION} AND json_extract(detail, '$.draft') = ${draft}`);
  if (sent) return Number(sent.n);
  throw invalid({ audience: { code: nobodyCode[message.audience] } });
}
