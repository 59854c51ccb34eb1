import { Hono } from "hono";
import { AppError } from "../../../lib/errors";
import { createWebhook, deleteWebhook, getWebhook, listDeliveries, listWebhooks, redeliver, rotateWebhookSecret, updateWebhook, type WebhookView } from "../../../domain/webhooks";
import type { AppContext, AppEnv } from "../../env";
import { refusalText, shownErrors } from "./errors";
import { blankState, type AdminFormState } from "./fields";
import { readForm } from "./forms";
import { renderAdmin, wordsFor } from "./layout";
import { requireRole } from "./session";
import { backToLog, deliveryStatuses, type DeliveryFilter } from "./webhookDeliveries";
import { readWebhookForm, webhookPath } from "./webhookForm";
import { WebhookPage } from "./webhookPage";
import { WebhooksPage } from "./webhooksPage";

const scope = (c: AppContext) => ({ orgId: c.var.member.orgId, id: c.req.param("id") ?? "" });
const words = (c: AppContext) => wordsFor(c.var.member).organisation.webhooks;

/** The notices a redirect back may name, each in the member's words. */
const notices = ["saved", "paused", "enabled", "sent", "deleted"] as const;
function noticeText(c: AppContext) {
  const t = words(c);
  const text = { saved: t.saved, paused: t.pausedNotice, enabled: t.enabledNotice, sent: t.sentAgain, deleted: t.removed };
  const key = c.req.query("notice");
  return notices.find((n) => n === key) ? text[key as (typeof notices)[number]] : undefined;
}

async function listPage(c: AppContext, opts: { state?: AdminFormState; chosen?: readonly string[]; status?: 200 | 201 | 400 | 409; created?: { secret: string }; refusal?: string } = {}) {
  const webhooks = await listWebhooks(c.var.ctx, { orgId: c.var.member.orgId });
  const { state = blankState(), chosen = [], status = 200, created, refusal } = opts;
  const page = <WebhooksPage member={c.var.member} orgName={c.var.orgName} webhooks={webhooks} state={state} chosen={chosen} notice={noticeText(c)} created={created} refusal={refusal} />;
  return renderAdmin(c, page, status);
}

/** The form's field errors; no type ticked is said in words of its own ("at least 1 item" reads oddly here). */
function fieldErrors(c: AppContext, err: AppError) {
  const errors = shownErrors(err.fields, c.var.member.language);
  if (err.fields?.events?.code === "too_few") errors.events = words(c).chooseType;
  return errors;
}

const formOf = (w: WebhookView): AdminFormState => blankState({ url: w.url, description: w.description ?? "" });

async function detailPage(c: AppContext, opts: { state?: AdminFormState; chosen?: readonly string[]; status?: 200 | 400; rotated?: { secret: string }; webhook?: WebhookView } = {}) {
  const webhook = opts.webhook ?? (await getWebhook({ ctx: c.var.ctx, input: scope(c) }));
  // The log as the address filters and pages it; a status "all" (or none) is every delivery.
  const status = (deliveryStatuses as readonly string[]).includes(c.req.query("status") ?? "") ? (c.req.query("status") as DeliveryFilter) : "";
  const before = c.req.query("before") || undefined;
  const query = { ...(status ? { status } : {}), ...(before ? { before } : {}) };
  const { deliveries, next } = await listDeliveries({ ctx: c.var.ctx, input: { ...scope(c), query } });
  const page = (
    <WebhookPage
      member={c.var.member}
      orgName={c.var.orgName}
      webhook={webhook}
      log={{ deliveries, next, status, continued: before !== undefined }}
      state={opts.state ?? formOf(webhook)}
      chosen={opts.chosen ?? webhook.events}
      notice={noticeText(c)}
      rotated={opts.rotated}
    />
  );
  return renderAdmin(c, page, opts.status ?? 200);
}

/** Webhooks (/admin/webhooks), owners only: an endpoint receives the organisation's changes, personal data included. */
export const webhooksRoutes = new Hono<AppEnv>()
  .get("/webhooks", requireRole("owner"), (c) => listPage(c))
  .post("/webhooks", requireRole("owner"), async (c) => {
    const { values, events, input } = readWebhookForm(await readForm(c));
    try {
      const created = await createWebhook({ ctx: c.var.ctx, input: { orgId: c.var.member.orgId, webhook: input }, actor: c.var.member });
      // Shown in this answer only (no redirect): the secret is stored nowhere to show later.
      c.header("Cache-Control", "no-store");
      return await listPage(c, { status: 201, created: { secret: created.secret } });
    } catch (err) {
      const state = { values, errors: {} };
      if (err instanceof AppError && err.fields) return listPage(c, { state: { values, errors: fieldErrors(c, err) }, chosen: events, status: 400 });
      if (err instanceof AppError && err.reason === "too_many_webhooks")
        return listPage(c, { state, chosen: events, status: 409, refusal: refusalText(err, c.var.member.language) });
      throw err;
    }
  })
  .get("/webhooks/:id", requireRole("owner"), (c) => detailPage(c))
  .post("/webhooks/:id", requireRole("owner"), async (c) => {
    const { values, events, input } = readWebhookForm(await readForm(c));
    try {
      await updateWebhook({ ctx: c.var.ctx, input: { ...scope(c), patch: input }, actor: c.var.member });
      return c.redirect(`${webhookPath(scope(c).id)}?notice=saved`, 303);
    } catch (err) {
      if (err instanceof AppError && err.fields) return detailPage(c, { state: { values, errors: fieldErrors(c, err) }, chosen: events, status: 400 });
      throw err;
    }
  })
  .post("/webhooks/:id/pause", requireRole("owner"), async (c) => {
    await updateWebhook({ ctx: c.var.ctx, input: { ...scope(c), patch: { enabled: false } }, actor: c.var.member });
    return c.redirect(`${webhookPath(scope(c).id)}?notice=paused`, 303);
  })
  .post("/webhooks/:id/enable", requireRole("owner"), async (c) => {
    await updateWebhook({ ctx: c.var.ctx, input: { ...scope(c), patch: { enabled: true } }, actor: c.var.member });
    return c.redirect(`${webhookPath(scope(c).id)}?notice=enabled`, 303);
  })
  .post("/webhooks/:id/rotate", requireRole("owner"), async (c) => {
    const { secret, ...webhook } = await rotateWebhookSecret({ ctx: c.var.ctx, input: scope(c), actor: c.var.member });
    // As with a new endpoint: the secret is in this answer and nowhere else.
    c.header("Cache-Control", "no-store");
    return detailPage(c, { rotated: { secret }, webhook });
  })
  .post("/webhooks/:id/delete", requireRole("owner"), async (c) => {
    await deleteWebhook({ ctx: c.var.ctx, input: scope(c), actor: c.var.member });
    return c.redirect("/admin/webhooks?notice=deleted", 303);
  })
  .post("/webhooks/:id/deliveries/:delivery/redeliver", requireRole("owner"), async (c) => {
    const form = await readForm(c);
    await redeliver({ ctx: c.var.ctx, input: { ...scope(c), deliveryId: c.req.param("delivery") }, actor: c.var.member });
    return c.redirect(backToLog(scope(c).id, form.one("status"), "sent"), 303);
  });
