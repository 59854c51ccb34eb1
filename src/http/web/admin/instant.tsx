// The audit log, and the messages, accounts and entries of the personal-data view, span
// events in several zones and moments with no event at all: they show UTC, and say so.
// (Registrations belong to one event each and show its own zone, as the attendance list does.)
const utc = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

export const utcText = (at: Date) => `${utc.format(at)} UTC`;

/** An instant as a <time> element, in UTC; "—" when there is none. */
export const Instant = ({ at }: { at: Date | null | undefined }) => (at ? <time datetime={at.toISOString()}>{utcText(at)}</time> : <>—</>);
