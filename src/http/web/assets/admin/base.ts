/** The workspace's own layout: wide tables, a bar of sections, forms in a grid. */
export const adminBase = `
.admin main { max-width: 80rem; }
.admin.plain main { max-width: 28rem; padding-top: 3rem; }
.admin-bar { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; background: var(--paper); border-bottom: 1px solid var(--line); padding: 0.6rem 1rem; }
.admin-bar .brand { font-weight: 700; color: var(--ink); text-decoration: none; }
.admin-bar .org { font-weight: 400; color: var(--muted); margin-left: 0.4rem; }
.admin-bar nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; margin: 0; padding: 0; }
.admin-bar nav a[aria-current="page"], .who a[aria-current="page"] { font-weight: 700; color: var(--ink); text-decoration: none; }
.admin-bar .who { margin-left: auto; display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; }
.language-switch { display: flex; gap: 0.35rem; align-items: center; margin: 0; }
.language-switch label { font-size: 0.9rem; color: var(--muted); }
.language-switch select, .language-switch button { min-height: 2rem; padding: 0.15rem 0.5rem; font-size: 0.9rem; width: auto; }
button.link { background: none; border: 0; color: var(--accent); padding: 0; min-height: 0; font-weight: 400; text-decoration: underline; }
.logo-current { margin: 0 0 1rem; }
.logo-current img { display: block; max-height: 5rem; max-width: min(16rem, 100%); width: auto; height: auto; background: var(--soft); }
.cover-current { margin: 0 0 1rem; }
.cover-current img { display: block; width: min(32rem, 100%); height: auto; border-radius: 6px; background: var(--soft); }
.page-head { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: baseline; justify-content: space-between; margin-bottom: 1rem; }
.page-head h1 { margin: 0; }
.table-wrap { overflow-x: auto; background: var(--paper); border: 1px solid var(--line); border-radius: 10px; }
table.data { width: 100%; border-collapse: collapse; font-size: 0.95rem; }
table.data th, table.data td { text-align: left; padding: 0.5rem 0.75rem; border-bottom: 1px solid var(--line); vertical-align: top; }
table.data th { background: var(--soft); font-weight: 600; white-space: nowrap; }
table.data td.num, table.data th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.data tr:last-child td { border-bottom: 0; }
.stats { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 0 0 1rem; padding: 0; list-style: none; }
.stats li { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 0.5rem 1rem; min-width: 8rem; }
.stats strong { display: block; font-size: 1.5rem; font-variant-numeric: tabular-nums; }
meter { width: 6rem; vertical-align: middle; }
h2.spaced { margin-top: 2rem; }
.toolbar { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: end; margin: 0 0 1rem; }
.toolbar .field { margin: 0; }
.grid-form { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 0 1.5rem; }
.grid-form .wide { grid-column: 1 / -1; }
input[type=password], input[type=number], input[type=datetime-local], input[type=date], input[type=search], input[type=url] {
  width: 100%; max-width: 32rem; font: inherit; color: inherit; background: var(--paper);
  border: 1px solid #7b8794; border-radius: 6px; padding: 0.55rem 0.7rem; min-height: 2.75rem;
}
.inline-form { display: inline; }
.small { font-size: 0.85rem; color: var(--muted); }
.badge.info { background: #eff6ff; color: var(--accent); }
/* A table of cards on a phone: each row a card, each cell naming its column. */
@media (max-width: 40rem) {
  table.data.cards thead { display: none; }
  table.data.cards, table.data.cards tbody, table.data.cards tr, table.data.cards td { display: block; width: 100%; }
  table.data.cards tr { border-bottom: 1px solid var(--line); padding: 0.5rem 0; }
  table.data.cards tr:last-child { border-bottom: 0; }
  table.data.cards td { display: flex; gap: 1rem; justify-content: space-between; border: 0; padding: 0.2rem 0.75rem; text-align: right; }
  table.data.cards td::before { content: attr(data-label); font-weight: 600; color: var(--muted); text-align: left; }
  table.data.cards td:first-child { font-size: 1.05rem; font-weight: 600; text-align: left; }
  table.data.cards td:first-child::before { content: none; }
  table.data.cards .links { justify-content: flex-end; }
}
/* Webhooks: an endpoint's URL breaks anywhere (it has no spaces); the example scrolls. */
.webhook-url { overflow-wrap: anywhere; }
/* The log's hidden column heading stays inside its scrolling box, not past the phone's edge. */
.webhook-log .table-wrap { position: relative; }
pre.example { overflow-x: auto; background: #f5f7fa; padding: 0.75rem 1rem; border-radius: 6px; font-size: 0.875rem; }
@media print { .admin-bar, .no-print { display: none !important; } .admin main { max-width: none; } }
`;
