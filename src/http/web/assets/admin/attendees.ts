/** The attendance list of an event and the pages of its actions. */
export const adminAttendees = `
.event-when, .event-line { color: var(--muted); margin: 0 0 1rem; }
.stats li.over { border-color: var(--wait); background: var(--wait-soft); }
.event-links .links { align-items: center; margin: 0 0 1.25rem; }
table.attendees caption { caption-side: top; text-align: left; padding: 0.5rem 0.75rem; }
.pager { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; margin: 1rem 0; }
table.attendees th[scope=row] { font-weight: 600; background: none; white-space: normal; min-width: 9rem; }
table.attendees td.email { overflow-wrap: anywhere; min-width: 12rem; }
table.attendees .nowrap { white-space: nowrap; }
table.attendees .badge { font-size: 0.85rem; padding: 0.05rem 0.6rem; }
table.attendees .position { font-variant-numeric: tabular-nums; color: var(--wait); font-weight: 600; }
.flag { display: inline-block; font-size: 0.8rem; border: 1px solid var(--line); border-radius: 4px; padding: 0 0.35rem; margin: 0 0.25rem 0.2rem 0; white-space: nowrap; }
.flag.over { border-color: var(--wait); background: var(--wait-soft); color: var(--wait); }
.row-actions { display: flex; gap: 0.35rem 0.75rem; align-items: center; font-size: 0.9rem; white-space: nowrap; }
table.attendees td.organisation { overflow-wrap: break-word; }
table.attendees tr:last-child th { border-bottom: 0; }
@media (max-width: 64rem) {
  table.attendees th, table.attendees td { padding: 0.45rem 0.4rem; }
  table.attendees td.email { min-width: 9rem; }
}
table.attendees .select { width: 1.5rem; padding-right: 0; }
table.attendees .select input { width: 1.25rem; height: 1.25rem; margin: 0.15rem 0 0; accent-color: var(--accent); }
.row-menu summary { cursor: pointer; color: var(--accent); white-space: nowrap; font-size: 0.9rem; min-height: 1.5rem; }
.row-menu[open] summary { margin-bottom: 0.4rem; }
.row-menu .row-actions { flex-direction: column; align-items: flex-start; gap: 0.5rem; }
.bulk-bar { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 0 0 0.75rem; }
.bulk-bar .bulk-label { font-weight: 600; }
.bulk-bar button.compact { width: auto; padding: 0.2rem 0.8rem; min-height: 2.25rem; font-size: 0.9rem; }
.column-chooser { margin: 0 0 0.75rem; }
.column-chooser summary { cursor: pointer; color: var(--accent); }
.column-chooser form { margin-top: 0.5rem; }
.column-chooser fieldset { display: flex; flex-wrap: wrap; gap: 0 1.25rem; border: 0; padding: 0; margin: 0 0 0.5rem; }
.column-chooser .actions { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; }
.column-chooser button { width: auto; }
.recipients { columns: 14rem 3; margin: 0.25rem 0 0; padding-left: 1.2rem; }
.selected-people { padding-left: 1.5rem; }
.selected-people li { overflow-wrap: anywhere; }
.row-actions form { display: inline; }
.row-actions button.compact { padding: 0.2rem 0.7rem; min-height: 2rem; width: auto; font-size: 0.9rem; }
.row-actions button.link { width: auto; }
.message-preview h2 { margin-bottom: 1rem; }
.message-preview p { white-space: pre-line; overflow-wrap: anywhere; }
.email-preview pre.email-text { white-space: pre-wrap; overflow-wrap: anywhere; font: inherit; background: #f5f7fa; padding: .75rem; border-radius: 4px; }
`;
