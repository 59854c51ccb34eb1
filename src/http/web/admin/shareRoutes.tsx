import { Hono } from "hono";
import { eventUrl } from "../../../domain/context";
import { eventPreview, findEvent, organiserEventView, publishEvent } from "../../../domain/events";
import { sessionsOfEvent } from "../../../domain/programme";
import { workspaceMessages } from "../../../i18n/workspace";
import { withEmbed } from "../../api/embed";
import type { AppEnv } from "../../env";
import { pageLanguage } from "../language";
import { pageInfo, renderPage } from "../layout";
import { EventPageView } from "../pages/eventPage";
import { emptyForm } from "../pages/fields";
import { listPath } from "./attendeeShared";
import { renderAdmin, wordsFor } from "./layout";
import { PosterPage } from "./posterPage";
import { SharePage } from "./sharePage";
import { requireRole } from "./session";

const organiser = requireRole("organiser");

/** The share page's notices: after creating and after publishing. */
const shareNotices = new Set(["created", "published"]);

/** Sharing an event: its link, QR code and snippet, a printable poster, a preview, and publishing a draft. */
export const shareRoutes = new Hono<AppEnv>()
  .get("/events/:id/share", organiser, async (c) => {
    const row = await findEvent(c.var.ctx, c.req.param("id"), c.var.member.orgId);
    const code = c.req.query("notice");
    const notices: Record<string, string> = workspaceMessages(c.var.member.language).events.notices;
    const notice = code && shareNotices.has(code) ? notices[code] : undefined;
    const link = eventUrl(c.var.ctx, row.event.slug);
    const snippet = withEmbed(organiserEventView(c.var.ctx, row)).embed.snippet;
    return renderAdmin(c, <SharePage member={c.var.member} orgName={c.var.orgName} event={row.event} link={link} snippet={snippet} notice={notice} />);
  })
  .get("/events/:id/poster", organiser, async (c) => {
    const { event } = await findEvent(c.var.ctx, c.req.param("id"), c.var.member.orgId);
    return renderAdmin(c, <PosterPage member={c.var.member} orgName={c.var.orgName} event={event} link={eventUrl(c.var.ctx, event.slug)} />);
  })
  // The public page as attendees will see it, a draft's too, behind sign-in; its forms send nothing.
  .get("/events/:id/preview", organiser, async (c) => {
    const data = await eventPreview({ ctx: c.var.ctx, input: { id: c.req.param("id"), orgId: c.var.member.orgId } });
    const page = pageInfo(pageLanguage(c, data.event.language), c.req.url);
    const t = wordsFor(c.var.member).events.share;
    const banner = (
      <p class="notice wait" role="note" lang={c.var.member.language}>
        {t.previewBanner} <a href={`${listPath(data.event.id)}/share`}>{t.previewBack}</a>
      </p>
    );
    const sessions = await sessionsOfEvent(c.var.ctx, data.event);
    return renderPage(c, <EventPageView data={data} page={page} state={emptyForm()} action="#" preview={banner} sessions={sessions} />);
  })
  .post("/events/:id/publish", organiser, async (c) => {
    const actor = c.var.member;
    const id = c.req.param("id");
    await publishEvent({ ctx: c.var.ctx, input: { id, orgId: actor.orgId }, actor });
    return c.redirect(`${listPath(id)}/share?notice=published`, 303);
  });

