import type { records as sv } from "../sv/records";

export const records: typeof sv = {};
