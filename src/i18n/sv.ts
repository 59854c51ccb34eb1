export const sv = {
  greeting: "Hej {name}!",
  when: "När",
  where: "Var",
  online: "Digitalt",
  joinLink: "Länk för att delta",
  manageIntro: "Se din anmälan, ändra den eller avboka här:",
  manageButton: "Hantera min anmälan",
  addToCalendar: "Lägg till i kalendern",
  calendarFile: "Kalenderfil (.ics)",
  footer: "Du får det här meddelandet för att du anmält dig till ett evenemang hos {org}.",
  contact: "Kontakt",
  confirmed: {
    subject: "Bekräftelse: {event}",
    intro: "Du är anmäld till {event}. Välkommen!",
  },
  waitlisted: {
    subject: "Du står på väntelistan: {event}",
    intro: "Evenemanget {event} är fullbokat. Du står på väntelistan som nummer {position}. Blir en plats ledig får du den automatiskt och ett mejl om det.",
    introOffer: "Evenemanget {event} är fullbokat. Du står på väntelistan som nummer {position}. Blir en plats ledig erbjuds du den i ett mejl och får en tid att svara inom.",
  },
  // A colleague's own confirmation or waitlist place, when someone else signed them up.
  registeredBy: {
    confirmed: "{by} har anmält dig till {event}. Välkommen!",
    waitlisted: "{by} har anmält dig till {event}.",
    note: "Har {by} fyllt i något fel, eller kan du inte komma? Ändra dina uppgifter och svar eller avboka via länken nedan.",
  },
  promoted: {
    subject: "Du har fått en plats: {event}",
    intro: "En plats har blivit ledig och den är din. Du är nu anmäld till {event}.",
  },
  offered: {
    subject: "Erbjudande om plats: {event}",
    intro: "En plats på {event} har blivit ledig, och den är din om du vill ha den. Vi håller den åt dig till {deadline}. Svara senast då, annars går platsen vidare till nästa person på väntelistan.",
    button: "Ja, jag tar platsen",
    declineHint: "Vill du inte ha platsen? Tacka nej på sidan för din anmälan, så går den vidare direkt.",
  },
  expired: {
    subject: "Erbjudandet har gått ut: {event}",
    intro: "Tiden för att svara på erbjudandet om plats på {event} har gått ut, och platsen är inte längre reserverad för dig. Vill du fortfarande komma kan du anmäla dig igen.",
  },
  offer_withdrawn: {
    subject: "Erbjudandet är återkallat: {event}",
    intro: "Arrangören har återkallat erbjudandet om plats på {event}. Vill du fortfarande komma kan du anmäla dig igen eller kontakta arrangören.",
  },
  cancelled: {
    subject: "Avbokad: {event}",
    intro: "Din anmälan till {event} är avbokad.",
  },
  session_promoted: {
    subject: "Du har fått plats: {sessions}",
    intro: "En plats har blivit ledig och den är din. Nu har du plats på {sessions}. Här är ditt program för {event}.",
  },
  // A session moved, renamed or given a new room; or a new one (a package's new date).
  session_changed: {
    subject: "Ändrat i programmet: {session}",
    intro: "Passet {session} på {event} har ändrats. Så här blir det:",
    addedSubject: "Nytt pass: {session}",
    added: "Ett nytt pass har lagts till i {event}: {session}. Du har plats på det.",
  },
  session_cancelled: {
    subject: "Inställt pass: {session}",
    intro: "Tyvärr är passet {session} på {event} inställt. Din anmälan till evenemanget gäller som förut.",
  },
  invitation: {
    subject: "Inbjudan: {event}",
    reminderSubject: "Påminnelse om inbjudan: {event}",
    intro: "{org} bjuder in dig till {event}.",
    reminder: "Vi vill påminna om inbjudan från {org} till {event}. Vi har inte fått någon anmälan från dig ännu: vill du komma anmäler du dig med knappen nedan.",
    seatsOne: "Inbjudan är personlig och gäller en plats.",
    seatsMany: "Inbjudan gäller {seats} platser: du kan anmäla dig själv och kollegor i samma formulär.",
    button: "Anmäl dig",
    linkNote: "Länken är personlig: dela den bara med kollegor som ska använda platserna.",
    decline: "Kan du inte komma? Tacka nej här, så vet arrangören:",
    declineButton: "Tacka nej till inbjudan",
    footer: "Du får det här meddelandet för att {org} har bjudit in dig till ett evenemang.",
  },
  application_received: {
    subject: "Vi har tagit emot din ansökan: {event}",
    intro: "Tack för din ansökan till {event}. Arrangören går igenom ansökningarna och du får besked med e-post så snart den är behandlad.",
    manageIntro: "Här ser du din ansökan och kan dra tillbaka den:",
    button: "Se min ansökan",
  },
  application_declined: {
    subject: "Besked om din ansökan: {event}",
    intro: "Tack för ditt intresse för {event}. Tyvärr kan vi inte erbjuda dig en plats den här gången. Vi hoppas att vi ses vid ett annat tillfälle.",
  },
  event_updated: {
    subject: "Ändrat: {event}",
    intro: "Uppgifterna för {event} har ändrats. Här är de som gäller nu.",
  },
  event_cancelled: {
    subject: "Inställt: {event}",
    intro: "Tyvärr är evenemanget {event} inställt. Vi ber om ursäkt för besväret.",
  },
  substitute_confirmed: {
    subject: "Bekräftelse: {event}",
    intro: "{from} har gett dig sin plats på {event}, så nu är du anmäld. Välkommen!",
  },
  substitute_replaced: {
    subject: "Platsen är överlämnad: {event}",
    intro: "Du har lämnat över din plats på {event} till {to}, som har fått ett eget mejl med en länk till anmälan. Din anmälan har därmed upphört, och din gamla länk fungerar inte längre.",
    calendar: "Kalenderposten för evenemanget tas bort ur din kalender.",
    thanks: "Tack för att du lät någon annan få platsen.",
  },
  manage_link: {
    subject: "Din anmälan: {event}",
    intro: "Här är länken till din anmälan till {event}. Du får den för att någon bad om den eller försökte anmäla den här e-postadressen igen. Du är redan anmäld och behöver inte göra något mer.",
  },
  reminder: {
    subject: "Påminnelse: {event}",
    intro: "Välkommen till {event}! Här är en påminnelse om tid och plats.",
    // Before a later day of a programme: {session} names that day's sessions.
    sessionSubject: "Påminnelse: {session}, {event}",
    session: "Välkommen till {session} på {event}! Här är en påminnelse om tid och plats.",
  },
  organiser_message: {
    intro: "Ett meddelande från {org} om {event}:",
  },
  login_link: {
    subject: "Logga in i Plats: {org}",
    intro: "Använd knappen för att logga in i arbetsytan för {org}. Länken fungerar en gång och i {minutes} minuter.",
    button: "Logga in",
    ignore: "Har du inte bett om länken kan du bortse från det här mejlet.",
  },
  checkin: {
    title: "Incheckning",
    intro: "Visa QR-koden i entrén, eller uppge koden:",
  },
  // The reader's sessions, listed in every email about a seat or a waitlist place.
  programme: {
    title: "Ditt program",
    seat: "Du har plats",
    waitlisted: "På väntelistan, plats {position}",
    pending: "Avgörs när du får plats på evenemanget",
    feed: "Prenumerera på dina pass i din kalender, så följer ändringar med av sig själva:",
    feedOpen: "Öppna i kalenderappen",
    feedName: "Mina pass: {event}",
    feedUpdated: "Prenumererar du på dina pass i kalendern ändras de där av sig själva.",
    newTime: "Ny tid",
    newPlace: "Ny plats",
    newTitle: "Nytt namn",
  },
};
