/** A programme's sessions at the desk and the door: the attendance list's box, a session's list, the door's choice. */
export const adminSessions = `
.sessions-box { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 0.5rem 1rem; margin: 0 0 1.25rem; }
.sessions-box h2 { font-size: 1.1rem; margin: 0.25rem 0 0.5rem; }
.sessions-box ul { list-style: none; padding: 0; margin: 0; }
.sessions-box li { display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; align-items: baseline; padding: 0.35rem 0; border-top: 1px solid var(--line); }
.sessions-box li:first-child { border-top: 0; }
.sessions-box li.cancelled a { text-decoration: line-through; }
.sessions-box .counts { margin-left: auto; font-variant-numeric: tabular-nums; }
.session-pick { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; margin: 0.5rem 0 1rem; }
.session-pick .field { flex: 1 1 14rem; margin: 0; }
.session-pick select { width: 100%; max-width: none; font-size: 1.05rem; }
.session-pick button { width: auto; }
.checkin-events .sessions { list-style: none; padding: 0 0 0 1rem; margin: -0.3rem 0 0.6rem; }
.checkin-events .sessions a { padding: 0.6rem 0.9rem; margin-block: 0.35rem; }
/* The programme page: a session's name wraps (row headers do not elsewhere), its hours do not. */
table.programme tbody th { white-space: normal; background: none; min-width: 12rem; }
table.programme .nowrap { white-space: nowrap; }
table.programme tr:last-child th { border-bottom: 0; }
`;
