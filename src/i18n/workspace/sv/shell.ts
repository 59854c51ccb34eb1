/** The workspace's frame: header, navigation, the language switch, the sign-in pages' frame. */
export const shell = {
  skipToContent: "Hoppa till innehållet",
  workspaceNav: "Arbetsyta",
  sections: {
    events: "Evenemang",
    people: "Deltagare",
    checkin: "Incheckning",
    reports: "Rapporter",
    privacy: "Personuppgifter",
    audit: "Logg över ändringar",
    mail: "E-post",
    members: "Medlemmar",
    tokens: "API-nycklar",
    webhooks: "Webhooks",
    settings: "Inställningar",
  },
  signOut: "Logga ut",
  language: "Språk",
  languageNames: { sv: "Svenska", nb: "Norsk bokmål", en: "English" },
  changeLanguage: "Byt",
  languageChanged: "Arbetsytan visas nu på svenska.",
  errorSummary: "Rätta följande",
  // What a copy button says after a click (or when the browser would not let it copy).
  copied: "Kopierat",
  copyFailed: "Tryck Ctrl+C för att kopiera",
  // The page of a refusal: its title by status, and the way back.
  errorPage: {
    titles: { 400: "Det gick inte", 403: "Inte tillåtet", 404: "Hittades inte", 409: "Det går inte längre", 413: "För stort", 429: "För många försök" } as Partial<Record<number, string>>,
    otherTitle: "Något gick fel",
    back: "Tillbaka till arbetsytan",
  },
};
