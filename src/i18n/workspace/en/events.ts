import type { events as sv } from "../sv/events";
import { eventsForm } from "./eventsForm";
import { eventsShare } from "./eventsShare";
import { eventsEmails } from "./eventsEmails";
import { eventsCover } from "./eventsCover";

export const events: typeof sv = {
  status: { draft: "Draft", open: "Open", full: "Full", cancelled: "Cancelled" },
  notices: {
    created: "The event is created.",
    saved: "Your changes are saved. Attendees were told about any change of time or place.",
    cancelled: "The event is cancelled and everyone registered is being told.",
    published: "The event is published. Anyone with the link can now sign up.",
  },
  dashboard: {
    title: "Events",
    newEvent: "New event",
    failedMail: {
      one: "1 email could not be delivered.",
      other: "{n} emails could not be delivered.",
    },
    failedMailLink: "See why and send again",
    statsLabel: "Events now and to come in numbers",
    stats: {
      running: "happening now",
      upcoming: "upcoming events",
      confirmed: { one: "confirmed attendee", other: "confirmed attendees" },
      waiting: "on waitlists",
    },
    chartTitle: "How full the events now and to come are",
    chartSummary: {
      one: "1 event; {full} of them full.",
      other: "{n} events; {full} of them full.",
    },
    chartSeries: "Seats filled",
    periods: { running: "Happening now", upcoming: "Upcoming", past: "Past" },
    none: {
      running: "",
      upcoming: "No upcoming events. Create one to open signups.",
      past: "No past events yet.",
    },
    showAllPast: "Show all past events",
    columns: {
      event: "Event",
      when: "When",
      status: "Status",
      confirmed: "Confirmed",
      filled: "Filled",
      waitlist: "Waitlist",
      attended: "Attended",
      actions: "Actions",
    },
    filledLabel: "{event}: {percent} full",
    actions: { attendees: "Attendees", edit: "Edit", duplicate: "Duplicate", checkin: "Check-in" },
  },
  form: eventsForm,
  share: eventsShare,
  emails: eventsEmails,
  cover: eventsCover,
  cancel: {
    title: "Cancel: {event}",
    heading: "Cancel “{event}”?",
    alreadyCancelled: "This event is already cancelled.",
    told: { one: "1 person will be told by email", other: "{n} people will be told by email" },
    counts: "({confirmed} confirmed, {waitlisted} on the waitlist).",
    consequences: "Confirmed attendees' calendar entries are withdrawn. The event page stops taking signups. This cannot be undone.",
    confirm: { one: "Cancel the event and tell 1 person", other: "Cancel the event and tell {n} people" },
    keep: "Keep it",
  },
  signups: {
    title: "Signups over time: {event}",
    heading: "Signups over time",
    hint: "Those confirmed or waiting now, by the day they signed up (on the event's own calendar); cancellations are left out.",
    chartTitle: "Signups to {event}",
    summary: "From {from} to {to}: {confirmed} confirmed of {capacity} seats and {waitlisted} waitlisted, by the day they signed up.",
    nobody: "Nobody has signed up yet.",
    confirmed: "Confirmed",
    waitlisted: "Waitlisted",
    capacity: "Capacity ({n})",
    back: "Back to the attendance list",
  },
  charts: { numbers: "The numbers", day: "Day" },
};
