import type { Db } from "../db/client";

/** What every service verb receives besides its input. Built once per app. */
export interface ServiceContext {
  db: Db;
  /** Injected so tests can move time; never call `new Date()` in a service. */
  now: () => Date;
  /** Base for links that leave the service (manage links, event pages). */
  publicUrl: string;
  /** Webhooks may go to private addresses and plain http (WEBHOOK_ALLOW_PRIVATE, for development and tests). */
  allowPrivateWebhooks?: boolean;
}

/** The one way to build a context: links never get a double slash from PUBLIC_URL. */
export const serviceContext = ({
  db,
  publicUrl,
  now,
  allowPrivateWebhooks = false,
}: {
  db: Db;
  publicUrl: string;
  now?: () => Date;
  allowPrivateWebhooks?: boolean;
}): ServiceContext => ({
  db,
  now: now ?? (() => new Date()),
  publicUrl: publicUrl.replace(/\/+$/, ""),
  allowPrivateWebhooks,
});

export interface OrgScope {
  orgId: string;
}

export const eventUrl = (ctx: Pick<ServiceContext, "publicUrl">, slug: string) => `${ctx.publicUrl}/e/${encodeURIComponent(slug)}`;
export const manageUrl = (ctx: ServiceContext, token: string) => `${ctx.publicUrl}/r/${token}`;
