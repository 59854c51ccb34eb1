import type { eventsEmails as sv } from "../sv/eventsEmails";

export const eventsEmails: typeof sv = {
  link: "Your own text in the emails",
  title: "Your own text in the emails: {event}",
  heading: "Your own text in the emails",
  back: "Back to the attendance list",
  intro:
    "Write a paragraph of your own for the emails to attendees, about parking, directions or what to bring, say. Write in the languages your attendees read. Someone reading a language you have not written in gets the text in the event's language.",
  kinds: {
    confirmed: "The confirmation (also when someone gets a seat from the waitlist)",
    waitlisted: "The waitlist place",
    reminder: "The reminder before the start",
  },
  languageLabels: { sv: "Swedish", nb: "Norwegian", en: "English" },
  languages: { sv: "in Swedish", nb: "in Norwegian", en: "in English" },
  hint: "At most 2,000 characters of plain text. Line breaks are kept.",
  preview: "Preview",
  save: "Save the texts",
  previewHeading: "How the emails will look",
  previewIntro: "The emails with your texts, as an attendee called {name} gets them. Save when everything looks right.",
  previewNone: "No texts of your own: the emails go out as usual. Save to remove texts there were.",
  previewFor: "{kind} {language}",
  subject: "Subject",
  sampleName: "Anna",
  saved: "The texts are saved. They go into the emails sent from now on.",
};
