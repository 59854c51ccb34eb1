import { Hono } from "hono";
import { AppError } from "../../../lib/errors";
import { fromLocalInput } from "../../../lib/localTime";
import { extendOffer, registrationOfEvent, withdrawOffer } from "../../../domain/attendees";
import type { AppContext, AppEnv } from "../../env";
import { ExtendOfferPage } from "./attendeeOfferPages";
import { listPath } from "./attendeeShared";
import { shownErrors } from "./errors";
import { readForm } from "./forms";
import { renderAdmin } from "./layout";
import { requireRole } from "./session";

// The same id shapes as attendeeRoutes.tsx: nothing else is caught here.
const OFFER = "/events/:id{evt_[0-9a-z]+}/registrations/:rid{reg_[0-9a-z]+}/offer";
const organiser = requireRole("organiser");

const target = (c: AppContext) => ({ orgId: c.var.member.orgId, eventId: c.req.param("id")!, registrationId: c.req.param("rid")! });
const frame = (c: AppContext) => ({ member: c.var.member, orgName: c.var.orgName });
const backToList = (c: AppContext, notice: string) => c.redirect(`${listPath(c.req.param("id")!)}?notice=${notice}`, 303);

/** An organiser's answers to an open offer of a seat: a new deadline, or taking it back. */
export const offerRoutes = new Hono<AppEnv>()
  .get(`${OFFER}/extend`, organiser, async (c) => {
    const { registration, event } = await registrationOfEvent(c.var.ctx, c.var.member.orgId, c.req.param("id"), c.req.param("rid"));
    if (registration.status !== "offered") throw new AppError("offer_not_open", { name: registration.name });
    const values = { offerExpiresAt: "" };
    return renderAdmin(c, <ExtendOfferPage {...frame(c)} event={event.event} registration={registration} state={{ values, errors: {} }} />);
  })
  .post(`${OFFER}/extend`, organiser, async (c) => {
    const raw = (await readForm(c)).one("offerExpiresAt");
    const { registration, event } = await registrationOfEvent(c.var.ctx, c.var.member.orgId, c.req.param("id"), c.req.param("rid"));
    const page = (error: Parameters<typeof shownErrors>[0]) =>
      renderAdmin(c, <ExtendOfferPage {...frame(c)} event={event.event} registration={registration} state={{ values: { offerExpiresAt: raw }, errors: shownErrors(error, c.var.member.language) }} />, 400);
    const at = fromLocalInput(raw, event.event.timezone);
    if (at === "invalid") return page({ offerExpiresAt: { code: "local_date_time" } });
    if (at === "skipped") return page({ offerExpiresAt: { code: "time_skipped" } });
    try {
      await extendOffer({ ctx: c.var.ctx, input: { ...target(c), expiresAt: at }, actor: c.var.member });
    } catch (err) {
      if (err instanceof AppError && err.fields) return page(err.fields);
      throw err;
    }
    return backToList(c, "offer-extended");
  })
  .post(`${OFFER}/withdraw`, organiser, async (c) => {
    await withdrawOffer({ ctx: c.var.ctx, input: target(c), actor: c.var.member });
    return backToList(c, "offer-withdrawn");
  });
