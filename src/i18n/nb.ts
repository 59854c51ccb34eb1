import type { sv } from "./sv";

export const nb: typeof sv = {
  greeting: "Hei {name}!",
  when: "Når",
  where: "Hvor",
  online: "Nettbasert",
  joinLink: "Lenke for å delta",
  manageIntro: "Se påmeldingen din, endre den eller meld deg av her:",
  manageButton: "Administrer påmeldingen min",
  addToCalendar: "Legg til i kalenderen",
  calendarFile: "Kalenderfil (.ics)",
  footer: "Du får denne e-posten fordi du har meldt deg på et arrangement hos {org}.",
  confirmed: {
    subject: "Bekreftelse: {event}",
    intro: "Du er påmeldt {event}. Velkommen!",
  },
  waitlisted: {
    subject: "Du står på ventelisten: {event}",
    intro: "{event} er fullt. Du står som nummer {position} på ventelisten. Blir en plass ledig, får du den automatisk og en e-post om det.",
  },
  promoted: {
    subject: "Du har fått plass: {event}",
    intro: "En plass har blitt ledig, og den er din. Du er nå påmeldt {event}.",
  },
  cancelled: {
    subject: "Avmeldt: {event}",
    intro: "Påmeldingen din til {event} er avmeldt. Takk for at du ga beskjed.",
  },
  event_updated: {
    subject: "Endret: {event}",
    intro: "Detaljene for {event} er endret. Her er det som gjelder nå.",
  },
  event_cancelled: {
    subject: "Avlyst: {event}",
    intro: "Dessverre er {event} avlyst. Vi beklager ulempene.",
  },
  manage_link: {
    subject: "Din påmelding: {event}",
    intro: "Noen prøvde å melde på denne e-postadressen til {event} igjen. Du er allerede påmeldt; her er lenken til påmeldingen din.",
  },
  reminder: {
    subject: "Påminnelse: {event}",
    intro: "Velkommen til {event}! Her er en påminnelse om tid og sted.",
  },
  organiser_message: {
    intro: "En melding fra {org} om {event}:",
  },
  login_link: {
    subject: "Logg inn i Plats: {org}",
    intro: "Bruk knappen for å logge inn i arbeidsområdet til {org}. Lenken virker én gang, i {minutes} minutter.",
    button: "Logg inn",
    ignore: "Har du ikke bedt om lenken, kan du se bort fra denne e-posten.",
  },
  checkin: {
    title: "Innsjekking",
    intro: "Vis QR-koden ved inngangen, eller oppgi koden:",
  },
};
