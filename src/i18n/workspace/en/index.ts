import type { sv } from "../sv";
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

export const en: typeof sv = { shell, events, attendees, checkin, organisation, records, notifications, programme, sessionDesk, access };
