/** The door: phone and tablet first, big tap targets, an answer nobody can miss. */
export const adminCheckin = `
details.walk-in summary { cursor: pointer; }
details.walk-in summary h2 { display: inline; font-size: 1.15rem; }
.checkin-events { list-style: none; padding: 0; margin: 0 0 1.5rem; }
.checkin-events a { display: flex; flex-direction: column; gap: 0.15rem; background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 0.9rem 1rem; margin-block: 0.6rem; text-decoration: none; color: var(--ink); }
.checkin-events a:hover, .checkin-events a:focus { border-color: var(--accent); }
.checkin-desk { max-width: 40rem; }
.checkin-desk .row { display: flex; gap: 0.5rem; align-items: stretch; }
.checkin-desk .row input { flex: 1; max-width: none; font-size: 1.15rem; }
.checkin-desk .row button { width: auto; flex: none; }
.checkin-stats li { min-width: 0; flex: 1 1 8rem; }
.checkin-live { font-size: 1.2rem; font-weight: 700; min-height: 1.5rem; }
.checkin-live.idle { border-color: transparent; background: transparent; padding-block: 0; }
.checkin-live.idle:empty { margin: 0; }
.arrivals { list-style: none; padding: 0; margin: 0.75rem 0; }
.arrival { display: flex; gap: 0.75rem; align-items: center; justify-content: space-between; background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 0.6rem 0.75rem; margin-block: 0.5rem; }
.arrival.in { border-color: var(--ok); background: var(--ok-soft); }
.arrival.off { opacity: 0.8; }
.arrival .who { display: flex; flex-direction: column; gap: 0.15rem; min-width: 0; overflow-wrap: anywhere; }
.arrival .badge { align-self: flex-start; font-size: 0.85rem; }
.arrival .badge.none { background: var(--soft); color: var(--muted); }
.arrival .tap { flex: none; }
.arrival .tap button, .tap button.big { min-height: 3.25rem; min-width: 7.5rem; font-size: 1.1rem; width: auto; }
.tap button.big { width: 100%; min-height: 4rem; font-size: 1.3rem; }
.checkin-code { border-top: 1px solid var(--line); margin-top: 1.5rem; padding-top: 0.5rem; }
.checkin-code .scan { width: 100%; min-height: 3.5rem; font-size: 1.15rem; margin-bottom: 1rem; }
.scanner { width: min(100% - 1.5rem, 36rem); max-height: calc(100% - 1.5rem); border: 0; border-radius: 12px; padding: 1rem; background: var(--paper); color: var(--ink); }
.scanner::backdrop { background: rgb(0 0 0 / 0.7); }
.scanner h2 { margin-top: 0; }
.scanner video { width: 100%; max-height: 60vh; background: #000; border-radius: 10px; display: block; margin-bottom: 0.75rem; }
.scanner button { width: 100%; min-height: 3.25rem; }
[hidden] { display: none !important; }
`;
