import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { createMiddleware } from "hono/factory";
import { AppError } from "../../../lib/errors";
import type { AppEnv } from "../../env";
import { limitBody, limitBodyTo } from "../../middleware";
import { accountRoutes } from "./accountRoutes";
import { auditRoutes } from "./auditRoutes";
import { checkinRoutes } from "./checkinRoutes";
import { attendeeRoutes } from "./attendeeRoutes";
import { attendeeBulkRoutes } from "./attendeeBulkRoutes";
import { peopleRoutes } from "./peopleRoutes";
import { adminError } from "./errors";
import { eventAdminRoutes } from "./eventRoutes";
import { exportRoutes } from "./exportRoutes";
import { loginRoutes } from "./loginRoutes";
import { mailRoutes } from "./mailRoutes";
import { signupsRoutes } from "./signupsRoutes";
import { offerRoutes } from "./offerRoutes";
import { tokensRoutes } from "./tokensRoutes";
import { webhooksRoutes } from "./webhooksRoutes";
import { membersRoutes } from "./membersRoutes";
import { privacyRoutes } from "./privacyRoutes";
import { reportRoutes } from "./reportRoutes";
import { cookieSettings, requireMember, sameOriginOnly } from "./session";
import { settingsRoutes } from "./settingsRoutes";
import { coverRoutes } from "./coverRoutes";
import { shareRoutes } from "./shareRoutes";
import { emailTextsRoutes } from "./emailTextsRoutes";
import { programmeRoutes } from "./programmeRoutes";
import { sessionDeskRoutes } from "./sessionDeskRoutes";
import { invitationRoutes } from "./invitationRoutes";
import { approvalRoutes } from "./approvalRoutes";

/**
 * Headers of every workspace page: personal data is never cached or framed, nothing loads
 * from elsewhere, and the camera is available to our own check-in page alone.
 */
const adminHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", "data:", "blob:"],
    mediaSrc: ["'self'", "blob:"],
    scriptSrc: ["'self'"],
    connectSrc: ["'self'"],
    formAction: ["'self'"],
    baseUri: ["'none'"],
    frameAncestors: ["'none'"],
  },
  // Our own pages may see where a request came from (browsers then send a real Origin on
  // form posts); no other site learns a workspace address.
  referrerPolicy: "same-origin",
  permissionsPolicy: { camera: ["self"], microphone: [], geolocation: [] },
});

const noStore = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  c.header("Cache-Control", "no-store");
});

// The logo and cover uploads take a file of up to 256 and 512 KiB, in a multipart body
// with its framing. A body up to 1 MiB reaches the upload, so a file too large is told
// apart on the form's field; past that the body is refused whole (413), as other forms'
// are past 64 KiB.
const limitUpload = limitBodyTo(1024 * 1024);
// An invitation list (pasted or a file of up to 512 KiB) is read under the same limit.
const takesList = (path: string) => /^\/admin\/events\/[^/]+\/invitations$/.test(path);
const takesFile = (path: string) => path === "/admin/settings/logo" || /^\/admin\/events\/[^/]+\/cover$/.test(path) || takesList(path);
const limitAdminBody = createMiddleware<AppEnv>((c, next) => (takesFile(c.req.path) ? limitUpload : limitBody)(c, next));

/** The organiser workspace at /admin. */
export function adminRoutes({ publicUrl }: { publicUrl: string }) {
  const cookie = cookieSettings(publicUrl);
  const signedIn = new Hono<AppEnv>()
    .use(requireMember(cookie))
    .route("/", checkinRoutes)
    .route("/", eventAdminRoutes)
    .route("/", shareRoutes)
    .route("/", emailTextsRoutes)
    .route("/", coverRoutes)
    .route("/", accountRoutes(cookie))
    .route("/", settingsRoutes)
    .route("/", membersRoutes)
    .route("/", privacyRoutes)
    .route("/", auditRoutes)
    .route("/", mailRoutes)
    .route("/", signupsRoutes)
    .route("/", tokensRoutes)
    .route("/", webhooksRoutes)
    .route("/", attendeeRoutes)
    .route("/", attendeeBulkRoutes)
    .route("/", peopleRoutes)
    .route("/", offerRoutes)
    .route("/", exportRoutes)
    .route("/", reportRoutes)
    .route("/", programmeRoutes)
    .route("/", sessionDeskRoutes)
    .route("/", invitationRoutes)
    .route("/", approvalRoutes)
    .all("*", () => {
      throw new AppError("page_not_found");
    });
  return new Hono<AppEnv>()
    .use(adminHeaders, noStore, sameOriginOnly(publicUrl), limitAdminBody)
    .route("/", loginRoutes({ cookie }))
    .route("/", signedIn)
    .onError(adminError);
}
