/** An event's own paragraphs in the attendees' emails, per kind and language, previewed before saving. */
export const eventsEmails = {
  link: "Egna texter i mejlen",
  title: "Egna texter i mejlen: {event}",
  heading: "Egna texter i mejlen",
  back: "Tillbaka till deltagarlistan",
  intro:
    "Skriv ett eget stycke som läggs in i mejlen till deltagarna, till exempel om parkering, vägbeskrivning eller vad de ska ta med sig. Skriv på de språk deltagarna använder. Den som läser ett språk du inte har skrivit på får texten på evenemangets språk.",
  kinds: {
    confirmed: "Bekräftelsen (också när någon får plats från väntelistan)",
    waitlisted: "Besked om plats på väntelistan",
    reminder: "Påminnelsen före start",
  },
  languageLabels: { sv: "Svenska", nb: "Norska", en: "Engelska" },
  languages: { sv: "på svenska", nb: "på norska", en: "på engelska" },
  hint: "Högst 2 000 tecken, vanlig text. Radbrytningar behålls.",
  preview: "Förhandsgranska",
  save: "Spara texterna",
  previewHeading: "Så här blir mejlen",
  previewIntro: "Mejlen med dina texter, som en deltagare som heter {name} får dem. Spara när allt ser rätt ut.",
  previewNone: "Inga egna texter: mejlen skickas som vanligt. Spara för att ta bort texter som fanns.",
  previewFor: "{kind} {language}",
  subject: "Ämne",
  sampleName: "Anna",
  saved: "Texterna är sparade. De kommer med i mejlen som skickas från och med nu.",
};
