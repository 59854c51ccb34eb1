import type { sv } from "./sv";

export const en: typeof sv = {
  greeting: "Hello {name},",
  when: "When",
  where: "Where",
  online: "Online",
  joinLink: "Link to join",
  manageIntro: "See your registration, change it or cancel here:",
  manageButton: "Manage my registration",
  addToCalendar: "Add to calendar",
  calendarFile: "Calendar file (.ics)",
  footer: "You are receiving this because you registered for an event by {org}.",
  contact: "Contact",
  confirmed: {
    subject: "Confirmed: {event}",
    intro: "You are registered for {event}. Welcome!",
  },
  waitlisted: {
    subject: "You are on the waitlist: {event}",
    intro: "{event} is fully booked. You are number {position} on the waitlist. If a seat becomes free it is yours automatically and we will email you.",
    introOffer: "{event} is fully booked. You are number {position} on the waitlist. If a seat becomes free, we will email you an offer of it with a time to reply by.",
  },
  // A colleague's own confirmation or waitlist place, when someone else signed them up.
  registeredBy: {
    confirmed: "{by} has registered you for {event}. Welcome!",
    waitlisted: "{by} has registered you for {event}.",
    note: "Did {by} get something wrong, or can you not come? Change your details and answers, or cancel, using the link below.",
  },
  promoted: {
    subject: "You have a seat: {event}",
    intro: "A seat has become free and it is yours. You are now registered for {event}.",
  },
  offered: {
    subject: "Offer of a seat: {event}",
    intro: "A seat at {event} has become free, and it is yours if you want it. We are holding it for you until {deadline}. Reply by then, or the seat goes to the next person on the waitlist.",
    button: "Yes, I’ll take the seat",
    declineHint: "Don’t want the seat? Decline on your registration page and it goes on straight away.",
  },
  expired: {
    subject: "Offer expired: {event}",
    intro: "The time to reply to the offer of a seat at {event} has run out, and the seat is no longer held for you. If you would still like to come, you can register again.",
  },
  offer_withdrawn: {
    subject: "Offer withdrawn: {event}",
    intro: "The organiser has withdrawn the offer of a seat at {event}. If you would still like to come, you can register again or contact the organiser.",
  },
  cancelled: {
    subject: "Cancelled: {event}",
    intro: "Your registration for {event} is cancelled.",
  },
  session_promoted: {
    subject: "You have a seat: {sessions}",
    intro: "A seat has become free and it is yours. You now have a seat in {sessions}. Here is your programme for {event}.",
  },
  // A session moved, renamed or given a new room; or a new one (a package's new date).
  session_changed: {
    subject: "Programme changed: {session}",
    intro: "The session {session} of {event} has changed. This is how it stands now:",
    addedSubject: "New session: {session}",
    added: "A new session has been added to {event}: {session}. You have a seat in it.",
  },
  session_cancelled: {
    subject: "Session cancelled: {session}",
    intro: "Unfortunately, the session {session} of {event} is cancelled. Your registration for the event stands.",
  },
  invitation: {
    subject: "Invitation: {event}",
    reminderSubject: "Reminder of your invitation: {event}",
    intro: "{org} invites you to {event}.",
    reminder: "A reminder of your invitation from {org} to {event}. We have not had a registration from you yet: if you would like to come, register with the button below.",
    seatsOne: "The invitation is personal and for one seat.",
    seatsMany: "The invitation is for {seats} seats: you can register yourself and your colleagues on the same form.",
    button: "Register",
    linkNote: "The link is personal: share it only with colleagues who are to use the seats.",
    decline: "Can’t come? Decline here and the organiser will know:",
    declineButton: "Decline the invitation",
    footer: "You are receiving this because {org} has invited you to an event.",
  },
  application_received: {
    subject: "We have your application: {event}",
    intro: "Thank you for applying to {event}. The organiser reviews the applications, and you will hear from us by email as soon as yours has been considered.",
    manageIntro: "See your application or withdraw it here:",
    button: "See my application",
  },
  application_declined: {
    subject: "About your application: {event}",
    intro: "Thank you for your interest in {event}. Unfortunately we cannot offer you a seat this time. We hope to see you at another event.",
  },
  event_updated: {
    subject: "Changed: {event}",
    intro: "The details of {event} have changed. Here is what applies now.",
  },
  event_cancelled: {
    subject: "Cancelled event: {event}",
    intro: "Unfortunately {event} has been cancelled. We apologise for the inconvenience.",
  },
  substitute_confirmed: {
    subject: "Confirmed: {event}",
    intro: "{from} has passed their seat at {event} on to you, so you are now registered. Welcome!",
  },
  substitute_replaced: {
    subject: "Seat passed on: {event}",
    intro: "You have passed your seat at {event} on to {to}, who has been sent their own email with a link to the registration. Your registration has therefore ended, and your old link no longer works.",
    calendar: "The event is being removed from your calendar.",
    thanks: "Thank you for letting someone else have the seat.",
  },
  manage_link: {
    subject: "Your registration: {event}",
    intro: "Here is the link to your registration for {event}. You are getting it because someone asked for it or tried to register this email address again. You are already registered, so there is nothing more to do.",
  },
  reminder: {
    subject: "Reminder: {event}",
    intro: "Welcome to {event}! Here is a reminder of the time and place.",
    // Before a later day of a programme: {session} names that day's sessions.
    sessionSubject: "Reminder: {session}, {event}",
    session: "Welcome to {session} at {event}! Here is a reminder of the time and place.",
  },
  organiser_message: {
    intro: "A message from {org} about {event}:",
  },
  login_link: {
    subject: "Sign in to Plats: {org}",
    intro: "Use the button to sign in to the {org} workspace. The link works once, for {minutes} minutes.",
    button: "Sign in",
    ignore: "If you did not ask for this link, you can ignore this email.",
  },
  checkin: {
    title: "Check-in",
    intro: "Show the QR code at the entrance, or give this code:",
  },
  // The reader's sessions, listed in every email about a seat or a waitlist place.
  programme: {
    title: "Your programme",
    seat: "You have a seat",
    waitlisted: "Waitlisted, position {position}",
    pending: "Decided when you get a seat at the event",
    feed: "Subscribe to your sessions in your calendar, and changes follow by themselves:",
    feedOpen: "Open in your calendar app",
    feedName: "My sessions: {event}",
    feedUpdated: "If you subscribe to your sessions in your calendar, they change there by themselves.",
    newTime: "New time",
    newPlace: "New place",
    newTitle: "New title",
  },
};
