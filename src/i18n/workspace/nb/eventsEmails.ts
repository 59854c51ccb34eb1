import type { eventsEmails as sv } from "../sv/eventsEmails";

export const eventsEmails: typeof sv = {
  link: "Egne tekster i e-postene",
  title: "Egne tekster i e-postene: {event}",
  heading: "Egne tekster i e-postene",
  back: "Tilbake til deltakerlisten",
  intro:
    "Skriv et eget avsnitt som legges inn i e-postene til deltakerne, for eksempel om parkering, veibeskrivelse eller hva de skal ha med seg. Skriv på språkene deltakerne bruker. Den som leser et språk du ikke har skrevet på, får teksten på arrangementets språk.",
  kinds: {
    confirmed: "Bekreftelsen (også når noen får plass fra ventelisten)",
    waitlisted: "Beskjeden om plass på ventelisten",
    reminder: "Påminnelsen før start",
  },
  languageLabels: { sv: "Svensk", nb: "Norsk", en: "Engelsk" },
  languages: { sv: "på svensk", nb: "på norsk", en: "på engelsk" },
  hint: "Høyst 2 000 tegn, vanlig tekst. Linjeskift beholdes.",
  preview: "Forhåndsvis",
  save: "Lagre tekstene",
  previewHeading: "Slik blir e-postene",
  previewIntro: "E-postene med tekstene dine, slik en deltaker som heter {name} får dem. Lagre når alt ser riktig ut.",
  previewNone: "Ingen egne tekster: e-postene sendes som vanlig. Lagre for å fjerne tekster som fantes.",
  previewFor: "{kind} {language}",
  subject: "Emne",
  sampleName: "Kari",
  saved: "Tekstene er lagret. De blir med i e-postene som sendes fra nå av.",
};
