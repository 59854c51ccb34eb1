import { sql } from "drizzle-orm";
import { z } from "zod";
import { AppError, invalid } from "../../lib/errors";
import { zodFieldErrors } from "../../lib/zodIssues";
import { auditIf, type Actor } from "../audit";
import type { OrgScope, ServiceContext } from "../context";
import { findEndpoint } from "./endpoints";

export const DELIVERY_PAGE_SIZE = 50;

export const deliveriesQuery = z.strictObject({
  // The `next` of the previous page.
  before: z.string().regex(/^\d{1,16}$/).optional(),
  status: z.enum(["pending", "held", "delivered", "failed"]).optional(),
});

interface DeliveryRow {
  seq: number;
  id: string;
  type: string;
  status: string;
  attempts: number;
  createdAt: number;
  lastAttemptAt: number | null;
  nextAttemptAt: number;
  lastStatusCode: number | null;
  lastDurationMs: number | null;
  lastError: string | null;
  lastResponse: string | null;
  deliveredAt: number | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** One delivery in the log: what was sent, how its last attempt went, and when the next is. */
function deliveryView(r: DeliveryRow) {
  // A delivery being sent shows as pending: it is, until the attempt ends.
  const status = r.status === "sending" ? "pending" : r.status;
  return {
    id: r.id,
    type: r.type,
    // held: waiting for its paused or disabled endpoint to be enabled again.
    status: status as "pending" | "held" | "delivered" | "failed",
    attempts: r.attempts,
    createdAt: new Date(r.createdAt).toISOString(),
    lastAttemptAt: iso(r.lastAttemptAt),
    responseStatus: r.lastStatusCode,
    durationMs: r.lastDurationMs,
    error: r.lastError,
    // The first 4 KiB of the last answer's body, for finding out why an endpoint refused.
    response: r.lastResponse || null,
    nextAttemptAt: r.status === "pending" || r.status === "sending" ? new Date(Math.max(r.nextAttemptAt, r.createdAt)).toISOString() : null,
    deliveredAt: iso(r.deliveredAt),
  };
}
export type DeliveryView = ReturnType<typeof deliveryView>;

/** An endpoint's deliveries, newest first, a page at a time (each page costs its own rows). */
export async function listDeliveries({ ctx, input }: { ctx: ServiceContext; input: OrgScope & { id: string; query: unknown } }) {
  const parsed = deliveriesQuery.safeParse(input.query);
  if (!parsed.success) throw invalid(zodFieldErrors(parsed.error));
  const endpoint = await findEndpoint(ctx, input);
  const { before, status } = parsed.data;
  const statusSql = status === "pending" ? sql`AND status IN ('pending', 'sending')` : status ? sql`AND status = ${status}` : sql``;
  const rows = await ctx.db.all<DeliveryRow>(sql`
    SELECT rowid AS seq, id, type, status, attempts, created_at AS createdAt, last_attempt_at AS lastAttemptAt, next_attempt_at AS nextAttemptAt,
           last_status_code AS lastStatusCode, last_duration_ms AS lastDurationMs, last_error AS lastError, last_response AS lastResponse, delivered_at AS deliveredAt
    FROM webhook_deliveries
    WHERE endpoint_id = ${endpoint.id} ${before ? sql`AND rowid < ${Number(before)}` : sql``} ${statusSql}
    ORDER BY rowid DESC LIMIT ${DELIVERY_PAGE_SIZE + 1}`);
  const page = rows.slice(0, DELIVERY_PAGE_SIZE);
  return {
    deliveries: page.map(deliveryView),
    next: rows.length > DELIVERY_PAGE_SIZE ? String(page[page.length - 1]!.seq) : null,
  };
}

/**
 * "Send again": a delivery goes once more, now, with the same id and body, and gets a
 * fresh three days of retries. One being sent right now is left to that attempt.
 */
export async function redeliver({ ctx, input, actor }: { ctx: ServiceContext; input: OrgScope & { id: string; deliveryId: string }; actor: Actor }) {
  const endpoint = await findEndpoint(ctx, input);
  const now = ctx.now().getTime();
  // Held again while the endpoint is paused or disabled: it goes once it is enabled.
  const status = endpoint.disabledAt ? "held" : "pending";
  const [rows] = await ctx.db.batch([
    ctx.db.all<DeliveryRow>(sql`
      UPDATE webhook_deliveries SET status = ${status}, next_attempt_at = ${now}, first_attempt_at = NULL
      WHERE id = ${input.deliveryId} AND endpoint_id = ${endpoint.id} AND status != 'sending'
      RETURNING rowid AS seq, id, type, status, attempts, created_at AS createdAt, last_attempt_at AS lastAttemptAt, next_attempt_at AS nextAttemptAt,
                last_status_code AS lastStatusCode, last_duration_ms AS lastDurationMs, last_error AS lastError, last_response AS lastResponse, delivered_at AS deliveredAt`),
    auditIf(
      ctx,
      actor,
      { action: "webhook.redeliver", subjectType: "webhook", subjectId: endpoint.id, detail: { delivery: input.deliveryId } },
      sql`EXISTS (SELECT 1 FROM webhook_deliveries WHERE id = ${input.deliveryId} AND endpoint_id = ${endpoint.id} AND status = ${status} AND next_attempt_at = ${now})`,
    ),
  ]);
  const row = (rows as DeliveryRow[])[0];
  if (!row) throw new AppError("delivery_not_found");
  return deliveryView(row);
}
