import { shell } from "./shell";
import { events } from "./events";
import { attendees } from "./attendees";
import { checkin } from "./checkin";
import { organisation } from "./organisation";
import { records } from "./records";
import { notifications } from "./notifications";
import { programme } from "./programme";
import { sessionDesk } from "./sessionDesk";
import { access } from "./access";

/** The workspace in Swedish, the reference for nb and en: one file per part of the workspace. */
export const sv = { shell, events, attendees, checkin, organisation, records, notifications, programme, sessionDesk, access };
