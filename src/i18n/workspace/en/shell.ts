import type { shell as sv } from "../sv/shell";

export const shell: typeof sv = {
  skipToContent: "Skip to content",
  workspaceNav: "Workspace",
  sections: {
    events: "Events",
    people: "Attendees",
    checkin: "Check-in",
    reports: "Reports",
    privacy: "Personal data",
    audit: "Audit log",
    mail: "Mail",
    members: "Members",
    tokens: "API tokens",
    webhooks: "Webhooks",
    settings: "Settings",
  },
  signOut: "Sign out",
  language: "Language",
  languageNames: { sv: "Svenska", nb: "Norsk bokmål", en: "English" },
  changeLanguage: "Change",
  languageChanged: "The workspace is now in English.",
  errorSummary: "Please correct the following",
  // What a copy button says after a click (or when the browser would not let it copy).
  copied: "Copied",
  copyFailed: "Press Ctrl+C to copy",
  errorPage: {
    titles: { 400: "That did not work", 403: "Not allowed", 404: "Not found", 409: "That is no longer possible", 413: "Too large", 429: "Too many attempts" },
    otherTitle: "Something went wrong",
    back: "Back to the workspace",
  },
};
