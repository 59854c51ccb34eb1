import type { events as sv } from "../sv/events";
import { eventsForm } from "./eventsForm";
import { eventsShare } from "./eventsShare";
import { eventsEmails } from "./eventsEmails";
import { eventsCover } from "./eventsCover";

export const events: typeof sv = {
  status: { draft: "Utkast", open: "Åpent", full: "Fullt", cancelled: "Avlyst" },
  notices: {
    created: "Arrangementet er opprettet.",
    saved: "Endringene er lagret. Deltakerne har fått beskjed om eventuell endring av tid eller sted.",
    cancelled: "Arrangementet er avlyst, og alle påmeldte får beskjed.",
    published: "Arrangementet er publisert. Nå kan alle med lenken melde seg på.",
  },
  dashboard: {
    title: "Arrangementer",
    newEvent: "Nytt arrangement",
    failedMail: {
      one: "1 e-post kunne ikke leveres.",
      other: "{n} e-poster kunne ikke leveres.",
    },
    failedMailLink: "Se hvorfor og send på nytt",
    statsLabel: "Pågående og kommende arrangementer i tall",
    stats: {
      running: "pågår nå",
      upcoming: "kommende arrangementer",
      confirmed: { one: "bekreftet deltaker", other: "bekreftede deltakere" },
      waiting: "på ventelister",
    },
    chartTitle: "Belegg på pågående og kommende arrangementer",
    chartSummary: {
      one: "Arrangementer: 1, hvorav fulle: {full}.",
      other: "Arrangementer: {n}, hvorav fulle: {full}.",
    },
    chartSeries: "Plasser tatt",
    periods: { running: "Pågår nå", upcoming: "Kommende", past: "Tidligere" },
    none: {
      running: "",
      upcoming: "Ingen kommende arrangementer. Opprett et for å åpne for påmelding.",
      past: "Ingen tidligere arrangementer ennå.",
    },
    showAllPast: "Vis alle tidligere arrangementer",
    columns: {
      event: "Arrangement",
      when: "Når",
      status: "Status",
      confirmed: "Bekreftet",
      filled: "Belegg",
      waitlist: "Venteliste",
      attended: "Møtte",
      actions: "Handlinger",
    },
    filledLabel: "{event}: {percent} av plassene tatt",
    actions: { attendees: "Deltakere", edit: "Rediger", duplicate: "Kopier", checkin: "Innsjekking" },
  },
  form: eventsForm,
  share: eventsShare,
  emails: eventsEmails,
  cover: eventsCover,
  cancel: {
    title: "Avlys: {event}",
    heading: "Vil du avlyse «{event}»?",
    alreadyCancelled: "Arrangementet er allerede avlyst.",
    told: { one: "1 person får beskjed på e-post", other: "{n} personer får beskjed på e-post" },
    counts: "(bekreftet: {confirmed}, på ventelisten: {waitlisted}).",
    consequences:
      "Kalenderinvitasjonene til de bekreftede deltakerne trekkes tilbake. Arrangementssiden slutter å ta imot påmeldinger. Dette kan ikke angres.",
    confirm: { one: "Avlys og gi beskjed til 1 person", other: "Avlys og gi beskjed til {n} personer" },
    keep: "Nei, behold arrangementet",
  },
  signups: {
    title: "Påmeldinger over tid: {event}",
    heading: "Påmeldinger over tid",
    hint: "De som har plass eller står på ventelisten nå, etter dagen de meldte seg på (i arrangementets tidssone). Avmeldinger er ikke tatt med.",
    chartTitle: "Påmeldinger til {event}",
    summary: "Fra {from} til {to}: {confirmed} av {capacity} plasser bekreftet og {waitlisted} på ventelisten, etter dagen de meldte seg på.",
    nobody: "Ingen har meldt seg på ennå.",
    confirmed: "Bekreftet",
    waitlisted: "På ventelisten",
    capacity: "Antall plasser ({n})",
    back: "Tilbake til deltakerlisten",
  },
  charts: { numbers: "Tallene", day: "Dag" },
};
