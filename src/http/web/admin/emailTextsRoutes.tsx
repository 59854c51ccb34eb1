import { Hono } from "hono";
import { emailTextKinds, type Language } from "../../../db/schema";
import { emailTextsOf, findEvent, refuseUnlessEditable, saveEmailTexts, type EmailTexts } from "../../../domain/events";
import { emailTextsInput } from "../../../domain/schemas";
import { workspaceMessages } from "../../../i18n/workspace";
import { zodFieldErrors } from "../../../lib/zodIssues";
import { previewEmails } from "../../../mail/preview";
import type { AppContext, AppEnv } from "../../env";
import { listPath } from "./attendeeShared";
import { EmailTextsPage, textField } from "./emailTextsPage";
import { shownErrors } from "./errors";
import type { AdminFormState } from "./fields";
import { readForm } from "./forms";
import { renderAdmin } from "./layout";
import { requireRole } from "./session";

const organiser = requireRole("organiser");
const languages = ["sv", "nb", "en"] as const;

const valuesOf = (texts: EmailTexts): Record<string, string> =>
  Object.fromEntries(emailTextKinds.flatMap((kind) => languages.map((l) => [textField(kind, l), texts[kind]?.[l] ?? ""])));

/** The made-up attendee of the previews, named as a reader of each language would be. */
const sampleNames = Object.fromEntries(languages.map((l) => [l, workspaceMessages(l).events.emails.sampleName])) as Record<Language, string>;

async function page(c: AppContext, state: AdminFormState, extra: { previews?: Awaited<ReturnType<typeof previewEmails>>; notice?: string; status?: 200 | 400 } = {}) {
  const { event } = await findEvent(c.var.ctx, c.req.param("id")!, c.var.member.orgId);
  return renderAdmin(c, <EmailTextsPage member={c.var.member} orgName={c.var.orgName} event={event} state={state} previews={extra.previews} notice={extra.notice} />, extra.status);
}

/** An event's own paragraphs in its emails: shown, previewed as the emails will read, then saved. */
export const emailTextsRoutes = new Hono<AppEnv>()
  .get("/events/:id/emails", organiser, async (c) => {
    const { event } = await findEvent(c.var.ctx, c.req.param("id"), c.var.member.orgId);
    const notice = c.req.query("notice") === "saved" ? workspaceMessages(c.var.member.language).events.emails.saved : undefined;
    return page(c, { values: valuesOf(await emailTextsOf(c.var.ctx, event.id)), errors: {} }, { notice });
  })
  .post("/events/:id/emails", organiser, async (c) => {
    const form = await readForm(c);
    const values = Object.fromEntries(emailTextKinds.flatMap((kind) => languages.map((l) => [textField(kind, l), form.one(textField(kind, l))])));
    const texts = Object.fromEntries(emailTextKinds.map((kind) => [kind, Object.fromEntries(languages.map((l) => [l, values[textField(kind, l)]]))]));
    const parsed = emailTextsInput.safeParse(texts);
    if (!parsed.success) return page(c, { values, errors: shownErrors(zodFieldErrors(parsed.error), c.var.member.language) }, { status: 400 });
    const { event } = await findEvent(c.var.ctx, c.req.param("id"), c.var.member.orgId);
    if (form.one("step") === "save") {
      await saveEmailTexts({ ctx: c.var.ctx, input: { orgId: c.var.member.orgId, eventId: event.id, texts: parsed.data }, actor: c.var.member });
      return c.redirect(`${listPath(event.id)}/emails?notice=saved`, 303);
    }
    // A preview changes nothing, but a cancelled event's texts cannot be saved: say so now.
    refuseUnlessEditable(event);
    return page(c, { values, errors: {} }, { previews: await previewEmails(c.var.ctx, event, parsed.data, sampleNames) });
  });
