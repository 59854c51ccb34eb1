/** Sharing an event: the link and QR code, and the A4 poster. */
export const adminShare = `
#share-link { width: 100%; font-family: ui-monospace, monospace; }
.share-qr svg { display: block; max-width: 100%; height: auto; margin: 0.5rem 0; }
.share-draft { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; justify-content: space-between; }
.share-draft p { margin: 0; }

.poster { background: var(--paper); text-align: center; padding: 2rem 1rem; max-width: 210mm; margin: 0 auto; }
.poster-title { font-size: clamp(2rem, 8vw, 3.4rem); line-height: 1.1; margin: 0 0 1rem; overflow-wrap: anywhere; }
.poster-when, .poster-where { font-size: 1.4rem; margin: 0.3rem 0; }
.poster-qr svg { display: block; width: min(100%, 400px); height: auto; margin: 1.5rem auto 0.5rem; }
.poster-scan { font-size: 1.2rem; margin: 0.3rem 0; }
.poster-link { font-size: 1.3rem; font-weight: 700; overflow-wrap: anywhere; margin: 0.3rem 0; }
.poster-org { color: var(--muted); margin-top: 1.5rem; }
@page poster { size: A4; margin: 15mm; }
@media print {
  .poster { page: poster; padding: 0; max-width: none; background: #fff; color: #000; }
  .poster-title { font-size: 36pt; }
  .poster-when, .poster-where { font-size: 18pt; }
  .poster-qr svg { width: 110mm; }
  .poster-scan { font-size: 14pt; }
  .poster-link { font-size: 18pt; }
  .poster-org { font-size: 12pt; color: #000; }
}
`;
