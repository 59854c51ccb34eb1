/** Settings, members, personal data, the audit log and mail. */
export const adminPrivacy = `
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.notice.bad { border-color: var(--bad); background: var(--bad-soft); }
.button.danger { background: var(--bad); border-color: var(--bad); color: #fff; }
table.data .toolbar { margin: 0; flex-wrap: nowrap; gap: 0.5rem; }
table.data .toolbar select { min-width: 9rem; }
table.data.audit td.detail, table.data.mail td.detail { word-break: break-word; max-width: 32rem; }
table.data.audit code { white-space: nowrap; }
`;
