import { eq } from "drizzle-orm";
import { templates } from "../../emails";
import { emailTextKinds, organisations, type EmailTextKind, type Language } from "../db/schema";
import type { EventRow, EmailTexts } from "../domain/events";
import type { ServiceContext } from "../domain/context";
import { messages } from "../i18n/messages";
import { emailBrand } from "./compose";
import { emailEvent } from "./emailEvent";

export interface EmailPreview {
  kind: EmailTextKind;
  language: Language;
  subject: string;
  text: string;
}

/**
 * Each email that would carry one of `texts`, rendered by its own template as a reader of
 * that language gets it, for the organiser to read before saving. The person is made up
 * (`names[language]`); links point nowhere real, and no manage link is made.
 */
export async function previewEmails(ctx: ServiceContext, event: EventRow, texts: EmailTexts, names: Record<Language, string>): Promise<EmailPreview[]> {
  const [org] = await ctx.db.select().from(organisations).where(eq(organisations.id, event.orgId));
  const previews: EmailPreview[] = [];
  for (const kind of emailTextKinds)
    for (const language of ["sv", "nb", "en"] as const) {
      const note = texts[kind]?.[language]?.trim();
      if (!note) continue;
      const rendered = templates[kind](messages(language), {
        language,
        name: names[language],
        orgName: org!.name,
        brand: emailBrand(ctx, org!),
        event: emailEvent(ctx, event, language, kind === "waitlisted" ? null : event.onlineUrl),
        manageUrl: `${ctx.publicUrl}/r/…`,
        position: kind === "waitlisted" ? 1 : null,
        calendar: null,
        checkin: null,
        offer: null,
        message: null,
        note,
      });
      previews.push({ kind, language, subject: rendered.subject, text: rendered.text });
    }
  return previews;
}
