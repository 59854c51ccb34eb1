import { sql } from "drizzle-orm";
import { z } from "zod";
import { liveStatuses } from "../../db/schema";
import { emailKey } from "../../lib/emailKey";
import { invalid } from "../../lib/errors";
import type { ServiceContext } from "../context";
import { queueForRegistrations } from "../outbox";
import { MANAGE_LINK_RESEND_MS } from "./register";

const address = z.string().trim().max(254).pipe(z.email());

/**
 * "Lost your link?" on an event page: the manage link goes again to whoever holds a live
 * registration of this address at the event, at most every MANAGE_LINK_RESEND_MS (as
 * for a repeated signup). The caller answers the same whether anyone does or not, so the
 * form tells nobody who is registered.
 */
export async function sendManageLinkAgain({ ctx, input }: { ctx: ServiceContext; input: { eventId: string; email: string } }) {
  const email = address.safeParse(input.email);
  if (!email.success) throw invalid({ email: { code: "email" } });
  const since = ctx.now().getTime() - MANAGE_LINK_RESEND_MS;
  await queueForRegistrations(
    ctx,
    "manage_link",
    sql`r.event_id = ${input.eventId} AND r.email_key = ${emailKey(email.data)} AND r.status IN ${[...liveStatuses]}
        AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.registration_id = r.id AND o.kind = 'manage_link' AND o.created_at > ${since})`,
  );
}
