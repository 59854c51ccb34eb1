import type { Context } from "hono";
import type { organisations } from "../db/schema";
import type { ServiceContext } from "../services/context";

export type Organisation = typeof organisations.$inferSelect;

/** The one Hono environment type of the app. */
export type AppEnv = {
  Variables: {
    ctx: ServiceContext;
    /** Set by the bearer-token middleware on organiser routes. */
    org: Organisation;
  };
};

export type AppContext = Context<AppEnv>;
