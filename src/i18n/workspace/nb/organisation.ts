import type { organisation as sv } from "../sv/organisation";

export const organisation: typeof sv = {};
