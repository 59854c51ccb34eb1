import type { attendeesDesk as sv } from "../sv/attendeesDesk";

export const attendeesDesk: typeof sv = {
  menu: {
    summary: "Handlinger",
    label: "Handlinger for {name}",
  },
  chooser: {
    summary: "Kolonner",
    legend: "Vis kolonnene",
    answers: "Svar på spørsmålene",
    apply: "Vis",
    standard: "Standardkolonner",
  },
  bulk: {
    label: "Med de merkede",
    selectAll: "Merk alle på siden",
    select: "Merk {name}",
    message: "Send melding…",
    cancel: "Meld av…",
    checkIn: "Sjekk inn",
    csv: "Eksporter CSV",
    excel: "Eksporter Excel",
  },
  skipped: {
    "cancelled-selected": "Allerede avmeldt, uendret: {people}.",
    "checked-in-selected": "Ikke sjekket inn (allerede sjekket inn eller uten plass): {people}.",
  },
  cancelSelected: {
    title: "Meld av de merkede deltakerne",
    heading: "Melde av {people}?",
    text: "Alle får beskjed på e-post, kalenderinvitasjonen trekkes tilbake, og plassene som blir ledige, går med en gang til de første på ventelisten.",
    already: "Allerede avmeldt, de blir stående som de er:",
    nothing: "Alle de merkede er allerede avmeldt.",
    submit: "Meld av {people}",
    keep: "Behold påmeldingene",
  },
  messageTo: "De merkede deltakerne ({people})",
  finder: {
    title: "Søk etter deltakere",
    heading: "Søk etter deltakere i alle arrangementer",
    query: "Navn, e-post eller organisasjon",
    submit: "Søk",
    hint: "Søker i alle organisasjonens arrangementer, også blant avmeldte deltakere. Arrangementer der personopplysningene er slettet, vises ikke.",
    count: { one: "{n} treff", other: "{n} treff" },
    noMatch: "Ingen treff på «{q}».",
    showing: " · viser {from}–{to}",
    columns: { event: "Arrangement", date: "Dato" },
    open: "Vis i listen",
    openLabel: "Vis {name} i deltakerlisten for {event}",
  },
};
