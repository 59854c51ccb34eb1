import { stylesheet } from "../style";
import { adminBase } from "./base";

/**
 * The workspace stylesheet: the attendee pages' sheet (colours, forms, buttons) and the
 * workspace's own parts, one per area, joined once at start-up.
 */
export const adminStylesheet = [stylesheet, adminBase].join("\n");
