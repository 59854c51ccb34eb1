import type { shell as sv } from "../sv/shell";

export const shell: typeof sv = {
  skipToContent: "Skip to content",
  workspaceNav: "Workspace",
  sections: {
    events: "Events",
    checkin: "Check-in",
    reports: "Reports",
    privacy: "Personal data",
    audit: "Audit log",
    mail: "Mail",
    members: "Members",
    tokens: "API tokens",
    settings: "Settings",
  },
  signOut: "Sign out",
  language: "Language",
  languageNames: { sv: "Svenska", nb: "Norsk bokmål", en: "English" },
  changeLanguage: "Change",
  languageChanged: "The workspace is now in English.",
  errorSummary: "Please correct the following",
};
