import type { recordsExports as sv } from "../sv/recordsExports";

// The public API's files are in English too: integrators read these headers.
export const recordsExports: typeof sv = {
  attendance: {
    columns: {
      name: "Name",
      email: "Email",
      organisation: "Organisation",
      phone: "Phone",
      status: "Status",
      position: "Waitlist position",
      signedUp: "Signed up at",
      checkedIn: "Checked in at",
      addedByHand: "Added by hand",
      overCapacity: "Over capacity",
      language: "Language",
      consent: "Consent at",
    },
    sheet: "Attendees",
    file: "attendees",
  },
  // The stored codes, as the API has always written them.
  statuses: {
    confirmed: "confirmed",
    offered: "offered",
    waitlisted: "waitlisted",
    cancelled: "cancelled",
    expired: "expired",
    pending: "pending",
    declined: "declined",
  },
  yes: "Yes",
  no: "No",
  report: {
    columns: {
      organisation: "Organisation",
      people: "People",
      registrations: "Registrations",
      confirmed: "Confirmed",
      attended: "Attended",
      events: "Events",
      name: "Name",
      email: "Email",
      eventsConfirmed: "Events registered (confirmed)",
      eventsAttended: "Events attended",
    },
    sheets: { organisations: "Organisations", people: "People" },
    files: { organisations: "participation-organisations", people: "participation-people" },
    fileTo: "to",
    total: "Total",
    totalPeople: { one: "Total: {n} person", other: "Total: {n} people" },
    noOrganisation: "(no organisation)",
    events: { one: "1 event", other: "{n} events" },
    period: "Period: {from} to {to}; {events} (cancelled events not counted).",
    anonymised: "Anonymised registrations ({events} past their retention period; {where}): {registrations}, of which {confirmed} confirmed and {attended} attended",
    anonymisedWhere: {
      organisations: "in the Total row, in no organisation's row",
      people: "not in the rows or the total above",
    },
    cancelled: "Cancelled registrations (not counted above): {n}",
  },
};
