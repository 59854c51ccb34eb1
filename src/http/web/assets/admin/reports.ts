/** Reports across events, and the attendance list printed for signatures at the door. */
export const adminReports = `
.report-range input[type=date] { width: auto; }
.report-range button { align-self: end; }
.downloads { margin: 0 0 0.5rem; }
table.data tfoot th, table.data tfoot td { border-top: 2px solid var(--line); font-weight: 700; background: var(--soft); }
table.data tfoot th { text-align: left; border-bottom: 0; }
section + section { margin-top: 2rem; }

.print-when { margin-top: -0.5rem; }
table.print-list { width: 100%; border-collapse: collapse; background: var(--paper); }
table.print-list th, table.print-list td { border: 1px solid #555; padding: 0.4rem 0.6rem; text-align: left; vertical-align: middle; }
table.print-list td { height: 2.4rem; }
/* "Namnteckning" in a narrow column on a phone: break it rather than widen the page. */
table.print-list th { overflow-wrap: anywhere; hyphens: auto; }
/* Widths from the columns: the first row in print is the event's title across all four. */
table.print-list { table-layout: fixed; }
table.print-list col.num { width: 3rem; }
table.print-list col.name, table.print-list col.org { width: 28%; }
table.print-list col.signature { width: auto; }
table.print-list td.num, table.print-list th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.print-list tr.print-repeat { display: none; }
@media print {
  @page { margin: 12mm 10mm; }
  body.admin { background: #fff; color: #000; font-size: 11pt; }
  .print-sheet > h1, .print-sheet > .print-when, .print-sheet > .small { display: none; }
  /* The head repeats on every printed page: event and date above the column names. */
  table.print-list thead { display: table-header-group; }
  table.print-list tr.print-repeat { display: table-row; }
  table.print-list tr.print-repeat th { border: 0; padding: 0 0 0.4rem; font-size: 12pt; }
  table.print-list tr { break-inside: avoid; }
  table.print-list th, table.print-list td { border-color: #000; }
  a { color: inherit; text-decoration: none; }
}

/* Name badges on A4 label sheets, 2 × 4 labels of 99.1 × 67.7 mm (Avery L7165 and alike). */
.badge-sheet { display: grid; grid-template-columns: repeat(2, 99.1mm); grid-auto-rows: 67.7mm; column-gap: 2.5mm; justify-content: center; margin: 0 auto 1.5rem; }
.name-badge { box-sizing: border-box; border: 1px dashed var(--line); background: var(--paper); padding: 5mm 6mm; display: flex; flex-direction: column; justify-content: center; text-align: center; overflow: hidden; }
.name-badge p { margin: 0; overflow-wrap: anywhere; }
.badge-name { font-size: 22pt; font-weight: 700; line-height: 1.15; }
.badge-org { font-size: 13pt; margin-top: 2mm !important; }
.badge-event { font-size: 9pt; color: var(--muted); margin-top: 4mm !important; }
@page badges { size: A4; margin: 13.1mm 4.65mm; }
@media print {
  .badge-sheets { page: badges; }
  .badge-sheet { margin: 0; break-after: page; }
  .badge-sheet:last-child { break-after: auto; }
  .name-badge { border: 0; }
}
`;
