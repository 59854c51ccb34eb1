/** The tab icon: a seat mark in the accent colour, as SVG (no request to elsewhere, no binary). */
export const iconSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#1d4ed8"/><path d="M10 7h12v11H10zM8 20h16v3H8zM10 23h3v4h-3zM19 23h3v4h-3z" fill="#fff"/></svg>`;
