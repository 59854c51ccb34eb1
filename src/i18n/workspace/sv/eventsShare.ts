/** Sharing an event: its public link, QR code, poster, embed snippet and preview, and publishing a draft. */
export const eventsShare = {
  title: "Dela: {event}",
  heading: "Dela evenemanget",
  back: "Tillbaka till deltagarlistan",
  link: "Länk till evenemangets sida",
  linkHint: "Skicka länken, lägg den i ett nyhetsbrev eller på sociala medier.",
  copyLink: "Kopiera länken",
  draft: "Evenemanget är ett utkast och syns inte för deltagarna. Länken fungerar när du har publicerat det.",
  cancelled: "Evenemanget är inställt. Den som öppnar länken ser att det är inställt.",
  publish: "Publicera",
  qrHeading: "QR-kod",
  qrLabel: "QR-kod med länken till {event}",
  qrHint: "Skanna med mobilkameran för att öppna evenemangets sida.",
  poster: "Skriv ut affisch (A4)",
  previewHeading: "Förhandsgranska",
  openPage: "Öppna evenemangets sida",
  newTab: "(öppnas i en ny flik)",
  preview: "Förhandsgranska sidan",
  previewHint: "Så här ser sidan ut för deltagarna. Förhandsgranskningen syns bara för den som är inloggad i arbetsytan.",
  previewBanner: "Förhandsgranskning: så här ser sidan ut för deltagarna. Formuläret skickar ingen anmälan.",
  previewBack: "Tillbaka till Dela",
  /** The printable A4 poster. */
  posterPage: {
    title: "Affisch: {event}",
    howTo: "Skriv ut sidan på A4. Menyn och den här texten kommer inte med på utskriften.",
    back: "Tillbaka till Dela",
    scan: "Skanna koden för att anmäla dig",
    online: "Digitalt",
  },
  /** The public link beside each event on the dashboard. */
  publicPage: "Publik sida",
  notPublic: "Utkast – inte publicerat än",
  /** The link to this page among the event's links. */
  share: "Dela",
};
