import type { Member } from "../../../domain/accounts";
import { RETENTION_MAX_DAYS, RETENTION_MIN_DAYS, type OrganisationView } from "../../../domain/organisations";
import { Checkbox, Input, TextArea, type AdminFormState } from "./fields";
import { AdminLayout, ErrorSummary, Notice } from "./layout";

/** The settings as the form shows them: text, one origin a line, blank for "none". */
export const settingsValues = (o: OrganisationView): Record<string, string> => ({
  name: o.name,
  contactEmail: o.contactEmail ?? "",
  privacyUrl: o.privacyUrl ?? "",
  requireConsent: o.requireConsent ? "yes" : "",
  embedOrigins: o.embedOrigins.join("\n"),
  retentionDays: o.retentionDays === null ? "" : String(o.retentionDays),
});

export function SettingsPage({ member, orgName, state, notice }: { member: Member; orgName: string; state: AdminFormState; notice?: string }) {
  return (
    <AdminLayout member={member} orgName={orgName} title="Settings" section="settings">
      <h1>Settings</h1>
      <Notice text={notice} />
      <form method="post" action="/admin/settings" class="card" novalidate>
        <ErrorSummary errors={state.errors} />
        <h2>Organisation</h2>
        <Input state={state} name="name" label="Name" hint="Shown on event pages and in emails." required />
        <Input
          state={state}
          name="contactEmail"
          type="email"
          label="Contact email"
          hint="The organiser of calendar invites and where replies to our emails go. Leave blank to use the server's sender address."
          autocomplete="email"
        />
        <h2>Privacy</h2>
        <Input state={state} name="privacyUrl" type="url" label="Privacy notice URL" hint="A page on your own site, linked from every signup form." />
        <Checkbox state={state} name="requireConsent" label="Require consent to the privacy notice at signup" hint="Needs the privacy notice URL above." />
        <Input
          state={state}
          name="retentionDays"
          type="number"
          min={RETENTION_MIN_DAYS}
          max={RETENTION_MAX_DAYS}
          label="Keep attendees' personal data for this many days after an event ends"
          hint={`Blank keeps it. From ${RETENTION_MIN_DAYS} days (time for follow-up and funders' reports) to ${RETENTION_MAX_DAYS} (ten years). After that, names, addresses, organisations, phone numbers and answers are removed; the counts of who signed up, waited and came remain.`}
        />
        <h2>Embedding</h2>
        <TextArea
          state={state}
          name="embedOrigins"
          label="Sites that may embed the signup form"
          hint="One per line, scheme and host only, e.g. https://www.techtank.se"
          rows={4}
        />
        <div class="actions">
          <button type="submit">Save settings</button>
        </div>
      </form>
    </AdminLayout>
  );
}
