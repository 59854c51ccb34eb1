import { stylesheet } from "../style";
import { adminAttendees } from "./attendees";
import { adminBase } from "./base";
import { adminCharts } from "./charts";
import { adminCheckin } from "./checkin";
import { adminPrivacy } from "./privacy";
import { adminReports } from "./reports";
import { adminShare } from "./share";
import { adminSessions } from "./sessions";

/**
 * The workspace stylesheet: the attendee pages' sheet (colours, forms, buttons) and the
 * workspace's own parts, one per area, joined once at start-up.
 */
export const adminStylesheet = [stylesheet, adminBase, adminCharts, adminCheckin, adminAttendees, adminReports, adminPrivacy, adminShare, adminSessions].join("\n");
