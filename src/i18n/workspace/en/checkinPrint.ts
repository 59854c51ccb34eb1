import type { checkinPrint as sv } from "../sv/checkinPrint";

export const checkinPrint: typeof sv = {
  print: {
    title: "Print: {event}",
    back: "Back to the attendance list",
    howTo: "Use your browser's Print (Ctrl+P, or Cmd+P on a Mac) to print this list or save it as PDF.",
    count: { one: "{count} confirmed attendee", other: "{count} confirmed attendees" },
    nobody: "Nobody has a confirmed seat yet.",
    number: "#",
    name: "Name",
    organisation: "Organisation",
    signature: "Signature",
  },
  badges: {
    title: "Name badges: {event}",
    heading: "Name badges",
    back: "Back to the attendance list",
    nobody: "Nobody has a confirmed seat yet.",
    badges: { one: "{count} badge", other: "{count} badges" },
    sheets: { one: "{count} A4 sheet", other: "{count} A4 sheets" },
    layout: "{badges} on {sheets} of {perSheet} labels (2 × 4, about 99 × 67 mm). Print at 100 % (no “fit to page”) with your browser's Print.",
  },
};
