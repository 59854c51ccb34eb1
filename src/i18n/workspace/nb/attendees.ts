import type { attendees as sv } from "../sv/attendees";

export const attendees: typeof sv = {};
