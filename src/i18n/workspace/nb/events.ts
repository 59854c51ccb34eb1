import type { events as sv } from "../sv/events";

export const events: typeof sv = {};
