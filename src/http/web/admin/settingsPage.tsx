import type { Member } from "../../../domain/accounts";
import { LOGO_MAX_BYTES, RETENTION_MAX_DAYS, RETENTION_MIN_DAYS, type OrganisationView } from "../../../domain/organisations";
import { Checkbox, Input, TextArea, blankState, type AdminFormState } from "./fields";
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
  accentColor: o.accentColor ?? "",
  contactPhone: o.contactPhone ?? "",
  footer: o.footer ?? "",
});

interface SettingsProps {
  member: Member;
  orgName: string;
  state: AdminFormState;
  /** The current logo's path on this site, or null. */
  logo: string | null;
  /** The logo form's errors after a refused upload. */
  logoState?: AdminFormState;
  notice?: string;
}

export function SettingsPage({ member, orgName, state, logo, logoState, notice }: SettingsProps) {
  const t = wordsFor(member).organisation.settings;
  const b = wordsFor(member).organisation.brand;
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
        <h2>{b.heading}</h2>
        <p class="hint">{b.intro}</p>
        <Input state={state} name="accentColor" label={b.accentColor} hint={b.accentColorHint} />
        <Input state={state} name="contactPhone" type="tel" label={b.contactPhone} hint={b.contactPhoneHint} autocomplete="tel" />
        <TextArea state={state} name="footer" label={b.footer} hint={b.footerHint} rows={3} />
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
      <LogoForms member={member} orgName={orgName} logo={logo} state={logoState ?? blankState()} />
    </AdminLayout>
  );
}

/** The logo: its own forms, since a file goes as multipart and removing needs no file. */
function LogoForms({ member, orgName, logo, state }: { member: Member; orgName: string; logo: string | null; state: AdminFormState }) {
  const b = wordsFor(member).organisation.brand;
  return (
    <section class="card" aria-labelledby="logo-heading">
      <h2 id="logo-heading">{b.logo}</h2>
      {logo ? (
        <figure class="logo-current">
          <img src={logo} alt={orgName} />
          <figcaption class="hint">{b.logoCurrent}</figcaption>
        </figure>
      ) : (
        <p>{b.logoNone}</p>
      )}
      <form method="post" action="/admin/settings/logo" enctype="multipart/form-data" novalidate>
        <ErrorSummary errors={state.errors} language={member.language} />
        <Input
          state={state}
          name="logo"
          type="file"
          accept="image/png,image/jpeg,image/webp"
          label={b.logoFile}
          hint={fill(b.logoHint, { kib: new Intl.NumberFormat(localeTag[member.language]).format(LOGO_MAX_BYTES / 1024) })}
          required
        />
        <div class="actions">
          <button type="submit">{logo ? b.replace : b.upload}</button>
        </div>
      </form>
      {logo ? (
        <form method="post" action="/admin/settings/logo/remove">
          <button type="submit" class="secondary">
            {b.remove}
          </button>
        </form>
      ) : null}
    </section>
  );
}
