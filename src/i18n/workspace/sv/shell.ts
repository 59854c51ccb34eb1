/** The workspace's frame: header, navigation, the language switch, the sign-in pages' frame. */
export const shell = {
  skipToContent: "Hoppa till innehållet",
  workspaceNav: "Arbetsyta",
  sections: {
    events: "Evenemang",
    checkin: "Incheckning",
    reports: "Rapporter",
    privacy: "Personuppgifter",
    audit: "Logg över ändringar",
    mail: "E-post",
    members: "Medlemmar",
    tokens: "API-nycklar",
    settings: "Inställningar",
  },
  signOut: "Logga ut",
  language: "Språk",
  languageNames: { sv: "Svenska", nb: "Norsk bokmål", en: "English" },
  changeLanguage: "Byt",
  languageChanged: "Arbetsytan visas nu på svenska.",
  errorSummary: "Rätta följande",
};
