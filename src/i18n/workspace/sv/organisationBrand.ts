/** The organisation's branding under Settings: colour, contact, footer and logo. */
export const organisationBrand = {
  brand: {
    heading: "Profil på sidor och i e-post",
    intro: "Visas på evenemangssidorna, i det inbäddade formuläret och i all e-post till deltagarna.",
    accentColor: "Profilfärg",
    accentColorHint: "Som #rrggbb, t.ex. #1d4ed8. Används på knappar och länkar; texten justeras så att den alltid går att läsa. Lämna tomt för standardfärgen.",
    contactPhone: "Telefonnummer för kontakt",
    contactPhoneHint: "T.ex. +46 455 12 34 56. Visas med e-postadressen för kontakt. Lämna tomt om ni inte vill visa något nummer.",
    footer: "Sidfot",
    footerHint: "Kort text, högst 280 tecken, t.ex. organisationens namn och adress. Visas längst ned på sidorna och i e-post.",
    logo: "Logotyp",
    logoCurrent: "Nuvarande logotyp",
    logoNone: "Ingen logotyp än.",
    logoFile: "Bildfil",
    logoHint: "PNG, JPEG eller WebP, högst {kib} kB. Visas med organisationens namn som alternativtext.",
    upload: "Ladda upp logotypen",
    replace: "Byt logotyp",
    remove: "Ta bort logotypen",
    uploaded: "Logotypen är uppladdad.",
    removed: "Logotypen är borttagen.",
  },
};
