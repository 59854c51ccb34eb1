import type { Member } from "../../../domain/accounts";
import { RETENTION_MAX_DAYS, RETENTION_MIN_DAYS, type OrganisationView } from "../../../domain/organisations";
import { Checkbox, Input, TextArea, type AdminFormState } from "./fields";
import { fill, localeTag } from "../../../i18n/messages";
import { AdminLayout, ErrorSummary, Notice, wordsFor } from "./layout";

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
  const t = wordsFor(member).organisation.settings;
  const days = new Intl.NumberFormat(localeTag[member.language]);
  return (
    <AdminLayout member={member} orgName={orgName} title={t.title} section="settings">
      <h1>{t.title}</h1>
      <Notice text={notice} />
      <form method="post" action="/admin/settings" class="card" novalidate>
        <ErrorSummary errors={state.errors} language={member.language} />
        <h2>{t.organisation}</h2>
        <Input state={state} name="name" label={t.name} hint={t.nameHint} required />
        <Input state={state} name="contactEmail" type="email" label={t.contactEmail} hint={t.contactEmailHint} autocomplete="email" />
        <h2>{t.privacy}</h2>
        <Input state={state} name="privacyUrl" type="url" label={t.privacyUrl} hint={t.privacyUrlHint} />
        <Checkbox state={state} name="requireConsent" label={t.requireConsent} hint={t.requireConsentHint} />
        <Input
          state={state}
          name="retentionDays"
          type="number"
          min={RETENTION_MIN_DAYS}
          max={RETENTION_MAX_DAYS}
          label={t.retention}
          hint={fill(t.retentionHint, { min: days.format(RETENTION_MIN_DAYS), max: days.format(RETENTION_MAX_DAYS) })}
        />
        <h2>{t.embedding}</h2>
        <TextArea state={state} name="embedOrigins" label={t.embedOrigins} hint={t.embedOriginsHint} rows={4} />
        <div class="actions">
          <button type="submit">{t.save}</button>
        </div>
      </form>
    </AdminLayout>
  );
}
