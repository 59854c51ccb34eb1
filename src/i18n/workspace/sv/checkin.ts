import { sv as pages } from "../../pages/sv";
import { checkinPrint } from "./checkinPrint";

/**
 * The door: the event picker, the check-in list, the walk-in form, codes and scans, and
 * (checkinPrint.ts) the printed list and the name badges. The door's script gets its
 * words from the page (a JSON block), so everything it says is here too.
 * `{count}` is a number already written the language's way (1 500), `{n}` a plain one.
 */
export const checkin = {
  title: "Incheckning",
  pick: {
    current: "I dag och de närmaste dagarna",
    noCurrent: "Inga publicerade evenemang de närmaste två veckorna.",
    past: "Senaste evenemangen",
    noPast: "Inga evenemang de senaste 30 dagarna.",
    confirmed: { one: "{count} bekräftad", other: "{count} bekräftade" },
  },
  counts: {
    checkedIn: "{checkedIn} av {confirmed} bekräftade har checkat in",
    attended: "{count} deltog",
    noShow: "{count} uteblev",
    waitlisted: "{count} på väntelistan",
  },
  status: {
    cancelled: "Avbokad",
    waitlisted: "På väntelistan – ingen plats",
    offered: "Erbjuden plats – har inte tackat ja än",
    checkedIn: "Incheckad",
    notCheckedIn: "Inte incheckad",
  },
  checkIn: "Checka in",
  undo: "Ångra",
  checkInName: "Checka in {name}",
  undoName: "Ångra incheckningen av {name}",
  desk: {
    title: "Incheckning: {event}",
    otherEvents: "Andra evenemang",
    find: "Hitta en person",
    findPlaceholder: "Namn, organisation eller e-post",
    search: "Sök",
    listBrowsing: "Alla med plats, efter efternamn",
    listFound: "Sökträffar",
    nobodyFound: "Ingen hittades.",
    moreMatch: "Fler personer passar in – skriv mer av namnet.",
    nobodyHasSeat: "Ingen har plats än.",
    browsing: "Alla med plats, efter efternamn. Skriv en del av ett namn för att hitta någon.",
    next: "Nästa {n} efter efternamn",
  },
  notice: {
    checkedIn: "{name} är incheckad.",
    undone: "Incheckningen av {name} är ångrad.",
    already: "{name} är redan incheckad.",
    alreadyAt: "{name} checkade redan in kl. {time}.",
    /** A time of day in running text: "kl. 09.12". */
    clock: "{h}.{m}",
    failed: "Det gick inte. Försök igen.",
    offline: "Ingen anslutning. Försök igen.",
    camera: "Kameran gick inte att öppna. Skriv koden i stället.",
    cameraDenied: "Webbläsaren får inte använda kameran. Tillåt kameran för den här sidan i webbläsarens inställningar, eller skriv koden.",
    noCamera: "Ingen kamera hittades. Skriv koden i stället.",
  },
  walkIn: {
    firstName: pages.firstName,
    lastName: pages.lastName,
    heading: "Lägg till deltagare utan anmälan",
    email: pages.email,
    organisation: pages.organisation,
    optional: "Frivilligt.",
    override: "Ge plats utöver antalet platser",
    overrideHint: "Bara om evenemanget är fullbokat. Det noteras som utöver antalet platser.",
    sendEmail: "Skicka en bekräftelse med mejl",
    submit: "Lägg till och checka in",
  },
  code: {
    heading: "Checka in med kod",
    scan: "Skanna QR-kod",
    stopScan: "Sluta skanna",
    scanHint: "Håll QR-koden framför kameran.",
    label: "Koden från mejlet eller deltagarens sida",
  },
  scanned: {
    title: "Incheckning: {name}",
    openList: "Öppna incheckningslistan för evenemanget",
  },
  ...checkinPrint,
};
