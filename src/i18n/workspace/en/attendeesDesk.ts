import type { attendeesDesk as sv } from "../sv/attendeesDesk";

export const attendeesDesk: typeof sv = {
  menu: {
    summary: "Actions",
    label: "Actions for {name}",
  },
  chooser: {
    summary: "Columns",
    legend: "Show these columns",
    answers: "Answers to the questions",
    apply: "Show",
    standard: "Standard columns",
  },
  bulk: {
    label: "With the selected",
    selectAll: "Select all on this page",
    select: "Select {name}",
    message: "Send a message…",
    cancel: "Cancel…",
    checkIn: "Check in",
    csv: "Export CSV",
    excel: "Export Excel",
  },
  skipped: {
    "cancelled-selected": "Already cancelled, left as they were: {people}.",
    "checked-in-selected": "Not checked in (already checked in, or without a seat): {people}.",
  },
  cancelSelected: {
    title: "Cancel the selected registrations",
    heading: "Cancel the registrations of {people}?",
    text: "Each of them is told by email, their calendar invite is withdrawn, and the seats that come free go straight to the first people on the waitlist.",
    already: "Already cancelled, left as they are:",
    nothing: "Everyone selected is cancelled already.",
    submit: "Cancel {people}",
    keep: "Keep the registrations",
  },
  messageTo: "The selected attendees ({people})",
  finder: {
    title: "Find attendees",
    heading: "Find attendees across all events",
    query: "Name, email or organisation",
    submit: "Search",
    hint: "Searches every event of the organisation, cancelled registrations included. Events whose personal data has been removed are left out.",
    count: { one: "{n} match", other: "{n} matches" },
    noMatch: "Nobody matches “{q}”.",
    showing: " · showing {from}–{to}",
    columns: { event: "Event", date: "Date" },
    open: "Show on the list",
    openLabel: "Show {name} on the attendance list of {event}",
  },
};
