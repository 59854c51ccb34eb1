import { and, eq } from "drizzle-orm";
import { emailTextKinds, eventEmailTexts, type EmailTextKind, type Language } from "../../db/schema";
import type { OutboxKind } from "../../db/schema";
import { auditEntry, type Actor } from "../audit";
import type { OrgScope, ServiceContext } from "../context";
import type { EmailTextsInput } from "../schemas";
import { refuseUnlessEditable } from "./eventRules";
import { findEvent } from "./eventView";

/** Each kind's paragraph by language, as stored: what the form shows and the emails use. */
export type EmailTexts = Partial<Record<EmailTextKind, Partial<Record<Language, string>>>>;

/** Which of an event's emails carry which paragraph: a seat is confirmed twice over. */
const paragraphOf: Partial<Record<OutboxKind, EmailTextKind>> = {
  confirmed: "confirmed",
  promoted: "confirmed",
  waitlisted: "waitlisted",
  reminder: "reminder",
};

export async function emailTextsOf(ctx: ServiceContext, eventId: string): Promise<EmailTexts> {
  const rows = await ctx.db.select().from(eventEmailTexts).where(eq(eventEmailTexts.eventId, eventId));
  const texts: EmailTexts = {};
  for (const r of rows) (texts[r.kind] ??= {})[r.language] = r.body;
  return texts;
}

/**
 * The organiser's paragraph for an email of `kind` to a reader of `language`, or null:
 * in the reader's language, else in the event's own (a note about parking matters more
 * than its language).
 */
export async function personalParagraph(ctx: ServiceContext, event: { id: string; language: Language }, kind: OutboxKind, language: Language) {
  const which = paragraphOf[kind];
  if (!which) return null;
  const rows = await ctx.db
    .select({ language: eventEmailTexts.language, body: eventEmailTexts.body })
    .from(eventEmailTexts)
    .where(and(eq(eventEmailTexts.eventId, event.id), eq(eventEmailTexts.kind, which)));
  const by = new Map(rows.map((r) => [r.language, r.body]));
  return by.get(language) ?? by.get(event.language) ?? null;
}

/**
 * Replaces an event's paragraphs with those given (a blank one is none), in one batch with
 * its audit entry, which names the kinds and languages that now have one (never the text).
 */
export async function saveEmailTexts({ ctx, input, actor }: { ctx: ServiceContext; input: OrgScope & { eventId: string; texts: EmailTextsInput }; actor: Actor }) {
  const { event } = await findEvent(ctx, input.eventId, input.orgId);
  refuseUnlessEditable(event);
  const rows = emailTextKinds.flatMap((kind) =>
    Object.entries(input.texts[kind] ?? {})
      .filter(([, body]) => body && body.trim() !== "")
      .map(([language, body]) => ({ eventId: event.id, kind, language: language as Language, body: body!.trim() })),
  );
  const detail = { eventId: event.id, texts: rows.map((r) => `${r.kind}.${r.language}`) };
  await ctx.db.batch([
    ctx.db.delete(eventEmailTexts).where(eq(eventEmailTexts.eventId, event.id)),
    ...(rows.length ? [ctx.db.insert(eventEmailTexts).values(rows)] : []),
    auditEntry(ctx, actor, { action: "event.email_texts", subjectType: "event", subjectId: event.id, detail }),
  ] as unknown as Parameters<typeof ctx.db.batch>[0]);
  return emailTextsOf(ctx, event.id);
}
