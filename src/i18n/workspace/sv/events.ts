import { eventsForm } from "./eventsForm";
import { eventsShare } from "./eventsShare";
import { eventsEmails } from "./eventsEmails";
import { eventsCover } from "./eventsCover";

/** The events pages: the dashboard, the event form, cancelling an event, signups over time, the charts. */
export const events = {
  /** An event's state as a badge on the dashboard. */
  status: { draft: "Utkast", open: "Öppet", full: "Fullbokat", cancelled: "Inställt" },
  /** The `?notice=` codes the event pages send back to the dashboard. */
  notices: {
    created: "Evenemanget är skapat.",
    saved: "Ändringarna är sparade. Deltagarna har fått besked om ändrad tid eller plats.",
    cancelled: "Evenemanget är inställt och alla anmälda får besked.",
    published: "Evenemanget är publicerat. Nu kan alla med länken anmäla sig.",
  },
  dashboard: {
    title: "Evenemang",
    newEvent: "Nytt evenemang",
    failedMail: {
      one: "1 mejl kunde inte levereras.",
      other: "{n} mejl kunde inte levereras.",
    },
    failedMailLink: "Se varför och skicka igen",
    statsLabel: "Pågående och kommande evenemang i siffror",
    stats: {
      running: "pågår nu",
      upcoming: "kommande evenemang",
      confirmed: { one: "bekräftad deltagare", other: "bekräftade deltagare" },
      waiting: "på väntelistor",
    },
    chartTitle: "Beläggning på pågående och kommande evenemang",
    chartSummary: {
      one: "Evenemang: 1, varav fullbokade: {full}.",
      other: "Evenemang: {n}, varav fullbokade: {full}.",
    },
    chartSeries: "Tagna platser",
    periods: { running: "Pågår nu", upcoming: "Kommande", past: "Tidigare" },
    none: {
      running: "",
      upcoming: "Inga kommande evenemang. Skapa ett för att öppna anmälan.",
      past: "Inga tidigare evenemang ännu.",
    },
    showAllPast: "Visa alla tidigare evenemang",
    columns: {
      event: "Evenemang",
      when: "När",
      status: "Status",
      confirmed: "Bekräftade",
      filled: "Beläggning",
      waitlist: "Väntelista",
      attended: "Närvarade",
      actions: "Åtgärder",
    },
    /** The meter's name to screen readers. */
    filledLabel: "{event}: {percent} av platserna tagna",
    actions: { attendees: "Deltagare", edit: "Redigera", duplicate: "Kopiera", checkin: "Incheckning" },
  },
  form: eventsForm,
  share: eventsShare,
  emails: eventsEmails,
  cover: eventsCover,
  cancel: {
    title: "Ställ in: {event}",
    heading: "Vill du ställa in ”{event}”?",
    alreadyCancelled: "Evenemanget är redan inställt.",
    told: { one: "1 person får besked via mejl", other: "{n} personer får besked via mejl" },
    counts: "(bekräftade: {confirmed}, på väntelistan: {waitlisted}).",
    consequences:
      "Kalenderinbjudningarna till de bekräftade deltagarna dras tillbaka. Evenemangets sida slutar ta emot anmälningar. Det går inte att ångra.",
    confirm: { one: "Ställ in och meddela 1 person", other: "Ställ in och meddela {n} personer" },
    keep: "Nej, behåll evenemanget",
  },
  signups: {
    title: "Anmälningar över tid: {event}",
    heading: "Anmälningar över tid",
    hint: "De som har plats eller står på väntelistan nu, efter den dag de anmälde sig (i evenemangets tidszon). Avbokningar räknas inte.",
    chartTitle: "Anmälningar till {event}",
    summary: "Från {from} till {to}: {confirmed} av {capacity} platser bekräftade och {waitlisted} på väntelistan, efter den dag de anmälde sig.",
    nobody: "Ingen har anmält sig än.",
    confirmed: "Bekräftade",
    waitlisted: "På väntelistan",
    capacity: "Antal platser ({n})",
    back: "Tillbaka till deltagarlistan",
  },
  /** Words every chart of the workspace shows beside its picture. */
  charts: { numbers: "Siffrorna", day: "Dag" },
};
