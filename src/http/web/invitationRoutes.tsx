import { Hono } from "hono";
import type { Language } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { fill } from "../../i18n/messages";
import { pageRefusal } from "../../i18n/pages";
import { declineInvitation, invitationUrl, openInvitation } from "../../domain/access";
import { eventInLanguage, eventPageById } from "../../domain/events";
import type { AppContext, AppEnv } from "../env";
import { limitBody } from "../middleware";
import { pageLanguage } from "./language";
import { pageInfo, renderPage } from "./layout";
import { DeclineInvitationPage, InvitationMessagePage } from "./pages/invitationPages";
import { pageHeaders, sameOriginForms } from "./security";

const linkRefusals = new Set(["invitation_required", "invitation_revoked"]);

/**
 * The invitation a decline link names, its event and the page's language (the invitee's,
 * else the event's); or the page that says the link cannot be used (wrong, or revoked).
 */
async function opened(c: AppContext) {
  const token = c.req.param("token") ?? "";
  c.header("Cache-Control", "no-store");
  try {
    const invitation = await openInvitation(c.var.ctx, token);
    const data = await eventPageById({ ctx: c.var.ctx, input: { id: invitation.eventId } });
    const page = pageInfo(pageLanguage(c, (invitation.language as Language | null) ?? data.event.language), c.req.url);
    return { token, invitation, page, data: { ...data, event: eventInLanguage(data.event, page.lang) } };
  } catch (err) {
    if (!(err instanceof AppError) || !linkRefusals.has(err.reason)) throw err;
    const page = pageInfo(pageLanguage(c), c.req.url);
    const view = <InvitationMessagePage page={page} title={page.t.access.invalidTitle} text={pageRefusal(page.t, err, page.lang).text} />;
    return { refused: renderPage(c, view, 403) };
  }
}

/** `/i/:token/decline`: the invitee says no from their email, with one button. */
export function invitationRoutes({ publicUrl, turnstile }: { publicUrl: string; turnstile: boolean }) {
  return new Hono<AppEnv>()
    .use(pageHeaders({ turnstile }))
    .use("*", async (c, next) => (c.req.method === "POST" ? sameOriginForms(publicUrl)(c, next) : next()))
    .use("*", limitBody)
    // A page, never the decline itself: mail scanners and link previews open URLs.
    .get("/:token/decline", async (c) => {
      const open = await opened(c);
      if ("refused" in open) return open.refused;
      const { token, page, data } = open;
      const action = `/i/${encodeURIComponent(token)}/decline?lang=${page.lang}`;
      const registerUrl = `${invitationUrl(c.var.ctx, data.event.slug, token)}&lang=${page.lang}`;
      return renderPage(c, <DeclineInvitationPage page={page} data={data} action={action} registerUrl={registerUrl} />);
    })
    .post("/:token/decline", async (c) => {
      const open = await opened(c);
      if ("refused" in open) return open.refused;
      const { token, page, data } = open;
      await declineInvitation({ ctx: c.var.ctx, input: { token } });
      const { t } = page;
      const text = fill(t.access.declinedText, { event: data.event.title });
      return renderPage(c, <InvitationMessagePage page={page} title={t.access.declinedTitle} text={text} brand={data.organisation.brand} ok />);
    });
}
