import type { shell as sv } from "../sv/shell";

export const shell: typeof sv = {
  skipToContent: "Hopp til innholdet",
  workspaceNav: "Arbeidsflate",
  sections: {
    events: "Arrangementer",
    people: "Deltakere",
    checkin: "Innsjekking",
    reports: "Rapporter",
    privacy: "Personopplysninger",
    audit: "Endringslogg",
    mail: "E-post",
    members: "Medlemmer",
    tokens: "API-nøkler",
    webhooks: "Webhooks",
    settings: "Innstillinger",
  },
  signOut: "Logg ut",
  language: "Språk",
  languageNames: { sv: "Svenska", nb: "Norsk bokmål", en: "English" },
  changeLanguage: "Bytt",
  languageChanged: "Arbeidsflaten vises nå på norsk.",
  errorSummary: "Rett opp følgende",
  // What a copy button says after a click (or when the browser would not let it copy).
  copied: "Kopiert",
  copyFailed: "Trykk Ctrl+C for å kopiere",
  errorPage: {
    titles: { 400: "Det gikk ikke", 403: "Ikke tillatt", 404: "Ikke funnet", 409: "Det går ikke lenger", 413: "For stort", 429: "For mange forsøk" },
    otherTitle: "Noe gikk galt",
    back: "Tilbake til arbeidsflaten",
  },
};
