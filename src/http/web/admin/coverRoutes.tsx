import { Hono } from "hono";
import { AppError } from "../../../lib/errors";
import { checkCoverFile, coverOf, findEvent, refuseUnlessEditable, removeCover, setCover } from "../../../domain/events";
import type { AppContext, AppEnv } from "../../env";
import { formBody } from "../signupSubmission";
import { CoverPage } from "./coverPage";
import { shownErrors, wantsJson } from "./errors";
import { blankState, type AdminFormState } from "./fields";
import { renderAdmin, wordsFor } from "./layout";
import { requireRole } from "./session";

const notices = { uploaded: "uploaded", removed: "removed" } as const;

async function page(c: AppContext, state?: AdminFormState, status: 200 | 400 = 200) {
  const { event } = await findEvent(c.var.ctx, c.req.param("id") ?? "", c.var.member.orgId);
  refuseUnlessEditable(event);
  const words = wordsFor(c.var.member).events.cover;
  const which = notices[c.req.query("notice") as keyof typeof notices];
  const view = (
    <CoverPage
      member={c.var.member}
      orgName={c.var.orgName}
      event={event}
      cover={coverOf(c.var.ctx, event)}
      state={state ?? blankState({ coverAlt: event.coverAlt ?? "" })}
      notice={which ? words[which] : undefined}
    />
  );
  return renderAdmin(c, view, status);
}

/** The multipart body's file and alt text; a part that is not a file counts as none. */
async function uploaded(c: AppContext) {
  const body = await formBody(c);
  const value = [body.cover].flat()[0];
  const file = value && typeof value === "object" && "arrayBuffer" in value ? (value as File) : null;
  const alt = [body.coverAlt].flat()[0];
  return { file: file && file.size > 0 ? file : null, alt: typeof alt === "string" ? alt : "" };
}

const organiser = requireRole("organiser");

/** An event's cover image (/admin/events/:id/cover): organisers of its organisation. */
export const coverRoutes = new Hono<AppEnv>()
  .get("/events/:id/cover", organiser, (c) => page(c))
  .post("/events/:id/cover", organiser, async (c) => {
    const actor = c.var.member;
    const id = c.req.param("id");
    const { file, alt } = await uploaded(c);
    try {
      let bytes: Uint8Array | null = null;
      if (file) {
        // The size and type first: an oversized file is refused without reading it.
        checkCoverFile({ size: file.size, head: new Uint8Array(await file.slice(0, 16).arrayBuffer()) });
        bytes = new Uint8Array(await file.arrayBuffer());
      }
      await setCover({ ctx: c.var.ctx, input: { id, orgId: actor.orgId, bytes, alt }, actor });
    } catch (err) {
      // A script gets the error shape from the workspace's handler; a person the form again.
      if (err instanceof AppError && err.fields && !wantsJson(c))
        return page(c, { values: { coverAlt: alt }, errors: shownErrors(err.fields, actor.language) }, 400);
      throw err;
    }
    return c.redirect(`/admin/events/${encodeURIComponent(id)}/cover?notice=uploaded`, 303);
  })
  .post("/events/:id/cover/remove", organiser, async (c) => {
    const id = c.req.param("id");
    await removeCover({ ctx: c.var.ctx, input: { id, orgId: c.var.member.orgId }, actor: c.var.member });
    return c.redirect(`/admin/events/${encodeURIComponent(id)}/cover?notice=removed`, 303);
  });
