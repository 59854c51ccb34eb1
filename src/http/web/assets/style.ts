/**
 * The one stylesheet of the attendee pages: system fonts (nothing fetched from elsewhere),
 * readable from a 360 px phone to a desktop, and a print style for the event page.
 */
export const stylesheet = `
:root {
  --ink: #1f2933; --muted: #52606d; --line: #cbd2d9; --soft: #f5f7fa; --paper: #ffffff;
  --accent: #1d4ed8; --accent-ink: #ffffff; --accent-text: #1d4ed8; --ok: #166534; --ok-soft: #dcfce7;
  --wait: #854d0e; --wait-soft: #fef3c7; --bad: #b91c1c; --bad-soft: #fee2e2;
  color-scheme: light;
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; background: var(--soft); color: var(--ink);
  font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
/* Text takes --accent-text: an organisation's colour darkened where it would be too pale to read. */
a { color: var(--accent-text); text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--paper); padding: 0.5rem 1rem; }
.skip:focus { left: 0.5rem; z-index: 10; }
.site { background: var(--paper); border-bottom: 1px solid var(--line); }
.site-inner, main, .foot { max-width: 44rem; margin: 0 auto; padding: 0 1rem; }
.site-inner { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; justify-content: space-between; padding-block: 0.75rem; }
.brand { font-weight: 700; color: var(--ink); text-decoration: none; }
.langs ul { display: flex; gap: 0.75rem; list-style: none; margin: 0; padding: 0; font-size: 0.9rem; }
.langs a[aria-current="true"] { font-weight: 700; color: var(--ink); text-decoration: none; }
main { padding-block: 1.5rem 3rem; }
.org-logo { margin: 0 0 1rem; }
.org-logo img { display: block; max-height: 4rem; max-width: min(16rem, 100%); width: auto; height: auto; }
.org-foot { border-top: 1px solid var(--line); margin-top: 2rem; padding-top: 1rem; color: var(--muted); font-size: 0.92rem; }
.org-foot p { margin: 0.25rem 0; }
.org-foot .org-footer { white-space: pre-line; }
.embed main { max-width: none; padding: 0.75rem; }
.card { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 1.25rem; margin-block: 1rem; }
h1 { font-size: clamp(1.5rem, 5vw, 2rem); line-height: 1.2; margin: 0 0 0.5rem; overflow-wrap: anywhere; }
h2 { font-size: 1.2rem; margin: 0 0 0.75rem; }
.meta { margin: 0.75rem 0; display: grid; grid-template-columns: auto 1fr; gap: 0.25rem 1rem; }
.meta dt { font-weight: 600; }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.description { overflow-wrap: anywhere; }
.description p, .description ul, .description ol { margin: 0 0 0.9rem; }
.description li + li { margin-top: 0.25rem; }
/* The event page's cover: its width and height attributes keep the space while it loads. */
.cover { margin: 0 0 1.25rem; }
.cover img { display: block; width: 100%; height: auto; max-height: 24rem; object-fit: cover; border-radius: 10px; background: var(--line); }
.meta .organiser { display: flex; gap: 0.75rem; align-items: flex-start; }
.organiser-logo { display: block; flex: none; max-height: 3rem; max-width: 6rem; width: auto; height: auto; }
/* On a phone the sign-up link stays at the bottom of the screen until the form comes up
   (sticky, so it takes its own place in the flow and hides nothing once scrolled past). */
.sticky-signup { display: none; }
.badge { display: inline-block; border-radius: 999px; padding: 0.15rem 0.75rem; font-weight: 600; background: var(--ok-soft); color: var(--ok); }
.badge.wait { background: var(--wait-soft); color: var(--wait); }
.badge.bad { background: var(--bad-soft); color: var(--bad); }
.secret { width: 100%; font-family: ui-monospace, "Cascadia Mono", Menlo, Consolas, monospace; }
.notice { border-left: 4px solid var(--accent); background: #eff6ff; padding: 0.75rem 1rem; margin: 1rem 0; }
.notice.ok { border-color: var(--ok); background: var(--ok-soft); }
.notice.wait { border-color: var(--wait); background: var(--wait-soft); }
.events { list-style: none; padding: 0; margin: 0; }
.events li { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 1rem 1.25rem; margin-block: 0.75rem; }
.events h2 { margin: 0 0 0.25rem; font-size: 1.15rem; }
.events p { margin: 0.15rem 0; color: var(--muted); }
form { margin: 0; }
.field { margin-block: 0 1.1rem; }
label, legend { display: block; font-weight: 600; margin-bottom: 0.3rem; }
.hint, .optional { color: var(--muted); font-weight: 400; font-size: 0.92rem; }
.hint { margin: -0.15rem 0 0.4rem; }
input[type=text], input[type=email], input[type=tel], select, textarea {
  width: 100%; max-width: 32rem; font: inherit; color: inherit; background: var(--paper);
  border: 1px solid #7b8794; border-radius: 6px; padding: 0.55rem 0.7rem; min-height: 2.75rem;
}
textarea { min-height: 6rem; resize: vertical; }
fieldset { border: 0; margin: 0 0 1.1rem; padding: 0; min-width: 0; }
.choice { display: flex; gap: 0.6rem; align-items: flex-start; font-weight: 400; margin-block: 0.35rem; }
.choice input { width: 1.25rem; height: 1.25rem; margin: 0.15rem 0 0; flex: none; accent-color: var(--accent); }
[aria-invalid="true"] { border-color: var(--bad) !important; border-width: 2px !important; }
.field-error { color: var(--bad); font-weight: 600; margin: 0 0 0.35rem; }
.error-summary { border: 3px solid var(--bad); border-radius: 8px; padding: 1rem 1.25rem; margin-bottom: 1.5rem; background: var(--paper); }
.error-summary h2 { color: var(--bad); }
.error-summary ul { margin: 0; padding-left: 1.2rem; }
details.colleagues { border: 1px solid var(--line); border-radius: 8px; padding: 0.75rem 1rem; margin-block: 0 1.1rem; }
details.colleagues summary { cursor: pointer; font-weight: 600; }
.colleague { border-top: 1px solid var(--line); padding-top: 0.75rem; margin-top: 0.75rem; }
.colleague legend { font-size: 1rem; }
.hp { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
.button, button {
  display: inline-block; font: inherit; font-weight: 600; cursor: pointer; text-decoration: none; text-align: center;
  background: var(--accent); color: var(--accent-ink); border: 2px solid var(--accent); border-radius: 8px;
  padding: 0.65rem 1.25rem; min-height: 2.75rem;
}
.button.secondary, button.secondary { background: var(--paper); color: var(--accent-text); }
button.danger { background: var(--bad); border-color: var(--bad); color: #ffffff; }
.actions { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin-top: 1rem; }
.links { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; padding: 0; list-style: none; }
.people { width: 100%; border-collapse: collapse; }
.people th, .people td { text-align: left; padding: 0.5rem 0.5rem 0.5rem 0; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: anywhere; }
/* The programme: sessions by day, on the event page, the form and the person's own pages. */
.programme h3, .my-sessions h3, .my-sessions h4 { font-size: 1.05rem; margin: 1rem 0 0.35rem; }
.sessions { list-style: none; padding: 0; margin: 0 0 0.75rem; }
.sessions li { border-top: 1px solid var(--line); padding-block: 0.5rem; overflow-wrap: anywhere; }
.sessions li p { margin: 0.1rem 0; }
.sessions li.cancelled strong { text-decoration: line-through; }
.session-head time { font-variant-numeric: tabular-nums; margin-right: 0.35rem; }
.badge.small { font-size: 0.85rem; padding: 0.05rem 0.55rem; }
fieldset.day { margin-bottom: 0.5rem; }
fieldset.day legend { font-size: 1rem; margin-top: 0.5rem; }
.session-choice .choice { overflow-wrap: anywhere; }
.session-choice .clash { margin: 0 0 0.35rem 1.85rem; }
.choice input:disabled + span { color: var(--muted); }
.foot { color: var(--muted); font-size: 0.85rem; padding-block: 0 2rem; }
@media (max-width: 40rem) {
  .sticky-signup {
    display: block; position: sticky; bottom: 0; z-index: 5; margin: 1rem -1rem 0;
    padding: 0.6rem 1rem calc(0.6rem + env(safe-area-inset-bottom, 0px));
    background: var(--soft); border-top: 1px solid var(--line);
  }
  .sticky-signup .button { display: block; width: 100%; }
}
@media (max-width: 30rem) {
  .card { padding: 1rem; border-radius: 0; border-inline: 0; margin-inline: -1rem; }
  .meta { grid-template-columns: 1fr; }
  .meta dd { margin-bottom: 0.4rem; }
  .button, button { width: 100%; }
}
@media print {
  body { background: #fff; font-size: 11pt; }
  .site, .langs, .foot, form, .skip, .no-print { display: none !important; }
  .card { border: 0; padding: 0; }
  a { color: inherit; }
  .meta a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; }
}
`;
