import type { sv } from "./sv";

export const nb: typeof sv = {
  greeting: "Hei {name}!",
  when: "Når",
  where: "Hvor",
  online: "Digitalt",
  joinLink: "Lenke for å delta",
  manageIntro: "Se påmeldingen din, endre den eller meld deg av her:",
  manageButton: "Administrer påmeldingen min",
  addToCalendar: "Legg til i kalenderen",
  calendarFile: "Kalenderfil (.ics)",
  footer: "Du får denne e-posten fordi du har meldt deg på et arrangement hos {org}.",
  contact: "Kontakt",
  confirmed: {
    subject: "Bekreftelse: {event}",
    intro: "Du er påmeldt {event}. Velkommen!",
  },
  waitlisted: {
    subject: "Du står på ventelisten: {event}",
    intro: "Arrangementet {event} er fullt. Du står som nummer {position} på ventelisten. Blir en plass ledig, får du den automatisk og en e-post om det.",
    introOffer: "Arrangementet {event} er fullt. Du står som nummer {position} på ventelisten. Blir en plass ledig, får du tilbud om den på e-post og en frist for å svare.",
  },
  // A colleague's own confirmation or waitlist place, when someone else signed them up.
  registeredBy: {
    confirmed: "{by} har meldt deg på {event}. Velkommen!",
    waitlisted: "{by} har meldt deg på {event}.",
    note: "Har {by} fylt ut noe feil, eller kan du ikke komme? Endre opplysningene og svarene dine eller meld deg av via lenken nedenfor.",
  },
  promoted: {
    subject: "Du har fått plass: {event}",
    intro: "En plass har blitt ledig, og den er din. Du er nå påmeldt {event}.",
  },
  offered: {
    subject: "Tilbud om plass: {event}",
    intro: "En plass på {event} har blitt ledig, og den er din om du vil ha den. Vi holder av plassen til deg til {deadline}. Svar innen da, ellers går plassen videre til neste person på ventelisten.",
    button: "Ja, jeg tar plassen",
    declineHint: "Vil du ikke ha plassen? Takk nei på siden for påmeldingen din, så går den videre med en gang.",
  },
  expired: {
    subject: "Tilbudet har gått ut: {event}",
    intro: "Fristen for å svare på tilbudet om plass på {event} har gått ut, og plassen er ikke lenger holdt av til deg. Vil du fortsatt komme, kan du melde deg på igjen.",
  },
  offer_withdrawn: {
    subject: "Tilbudet er trukket tilbake: {event}",
    intro: "Arrangøren har trukket tilbake tilbudet om plass på {event}. Vil du fortsatt komme, kan du melde deg på igjen eller kontakte arrangøren.",
  },
  cancelled: {
    subject: "Avmeldt: {event}",
    intro: "Du er meldt av {event}.",
  },
  session_promoted: {
    subject: "Du har fått plass: {sessions}",
    intro: "En plass er blitt ledig, og den er din. Nå har du plass på {sessions}. Her er programmet ditt for {event}.",
  },
  // A session moved, renamed or given a new room; or a new one (a package's new date).
  session_changed: {
    subject: "Endret i programmet: {session}",
    intro: "Økten {session} på {event} er endret. Slik blir det:",
    addedSubject: "Ny økt: {session}",
    added: "En ny økt er lagt til i {event}: {session}. Du har plass på den.",
  },
  session_cancelled: {
    subject: "Avlyst økt: {session}",
    intro: "Dessverre er økten {session} på {event} avlyst. Påmeldingen din til arrangementet gjelder som før.",
  },
  invitation: {
    subject: "Invitasjon: {event}",
    reminderSubject: "Påminnelse om invitasjonen: {event}",
    intro: "{org} inviterer deg til {event}.",
    reminder: "Vi minner om invitasjonen fra {org} til {event}. Vi har ikke fått noen påmelding fra deg ennå: vil du komme, melder du deg på med knappen nedenfor.",
    seatsOne: "Invitasjonen er personlig og gjelder én plass.",
    seatsMany: "Invitasjonen gjelder {seats} plasser: du kan melde på deg selv og kolleger i samme skjema.",
    button: "Meld deg på",
    linkNote: "Lenken er personlig: del den bare med kolleger som skal bruke plassene.",
    decline: "Kan du ikke komme? Takk nei her, så vet arrangøren det:",
    declineButton: "Takk nei til invitasjonen",
    footer: "Du får denne e-posten fordi {org} har invitert deg til et arrangement.",
  },
  application_received: {
    subject: "Vi har mottatt søknaden din: {event}",
    intro: "Takk for søknaden til {event}. Arrangøren går gjennom søknadene, og du får svar på e-post så snart den er behandlet.",
    manageIntro: "Her ser du søknaden din og kan trekke den:",
    button: "Se søknaden min",
  },
  application_declined: {
    subject: "Svar på søknaden din: {event}",
    intro: "Takk for interessen for {event}. Dessverre kan vi ikke tilby deg plass denne gangen. Vi håper vi ses ved en annen anledning.",
  },
  event_updated: {
    subject: "Endret: {event}",
    intro: "Opplysningene om {event} er endret. Her er det som gjelder nå.",
  },
  event_cancelled: {
    subject: "Avlyst: {event}",
    intro: "Dessverre er arrangementet {event} avlyst. Vi beklager ulempene dette medfører.",
  },
  substitute_confirmed: {
    subject: "Bekreftelse: {event}",
    intro: "{from} har gitt deg plassen sin på {event}, så nå er du påmeldt. Velkommen!",
  },
  substitute_replaced: {
    subject: "Plassen er gitt videre: {event}",
    intro: "Du har gitt plassen din på {event} videre til {to}, som har fått en egen e-post med lenke til påmeldingen. Påmeldingen din er dermed avsluttet, og den gamle lenken din virker ikke lenger.",
    calendar: "Kalenderoppføringen for arrangementet fjernes fra kalenderen din.",
    thanks: "Takk for at du lot noen andre få plassen.",
  },
  manage_link: {
    subject: "Din påmelding: {event}",
    intro: "Her er lenken til påmeldingen din til {event}. Du får den fordi noen ba om den eller prøvde å melde på denne e-postadressen på nytt. Du er allerede påmeldt og trenger ikke gjøre noe mer.",
  },
  reminder: {
    subject: "Påminnelse: {event}",
    intro: "Velkommen til {event}! Her er en påminnelse om tid og sted.",
    // Before a later day of a programme: {session} names that day's sessions.
    sessionSubject: "Påminnelse: {session}, {event}",
    session: "Velkommen til {session} på {event}! Her er en påminnelse om tid og sted.",
  },
  organiser_message: {
    intro: "En melding fra {org} om {event}:",
  },
  login_link: {
    subject: "Logg inn i Plats: {org}",
    intro: "Bruk knappen for å logge inn i arbeidsflaten til {org}. Lenken virker én gang, i {minutes} minutter.",
    button: "Logg inn",
    ignore: "Har du ikke bedt om lenken, kan du se bort fra denne e-posten.",
  },
  checkin: {
    title: "Innsjekking",
    intro: "Vis QR-koden ved inngangen, eller oppgi koden:",
  },
  // The reader's sessions, listed in every email about a seat or a waitlist place.
  programme: {
    title: "Programmet ditt",
    seat: "Du har plass",
    waitlisted: "På ventelisten, nummer {position}",
    pending: "Avgjøres når du får plass på arrangementet",
    feed: "Abonner på øktene dine i kalenderen, så kommer endringer med av seg selv:",
    feedOpen: "Åpne i kalenderappen",
    feedName: "Mine økter: {event}",
    feedUpdated: "Abonnerer du på øktene dine i kalenderen, endres de der av seg selv.",
    newTime: "Ny tid",
    newPlace: "Nytt sted",
    newTitle: "Nytt navn",
  },
};
