import type { Child } from "hono/jsx";
import { fill, type Messages } from "../src/i18n/messages";
import type { EmailData } from "./types";

type Extra = { html: Child; text: string };

/** For someone a colleague signed up: who made the choices, and that their own link changes or cancels them. */
export function byColleague(t: Messages, data: EmailData, before?: Extra): Extra | undefined {
  if (!data.registeredBy) return before;
  const note = fill(t.registeredBy.note, { by: data.registeredBy });
  return {
    html: (
      <>
        {before?.html}
        <p>{note}</p>
      </>
    ),
    text: [before?.text, note].filter(Boolean).join("\n\n"),
  };
}
