/** The workspace's charts (src/http/web/admin/charts.tsx): colours by class, printable. */
export const adminCharts = `
.chart-figure { margin: 1rem 0 1.5rem; background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 0.75rem 1rem; }
svg.chart { display: block; width: 100%; height: auto; max-width: 48rem; font: 12px system-ui, sans-serif; }
svg.chart text { fill: var(--ink); }
svg.chart .tick line { stroke: var(--line); }
svg.chart .tick text, svg.chart .tick-label { fill: var(--muted); }
svg.chart rect.ok { fill: var(--ok); } svg.chart rect.wait { fill: #d97706; } svg.chart rect.accent { fill: var(--accent); } svg.chart rect.muted { fill: var(--muted); }
svg.chart path.line { fill: none; stroke-width: 2.5; }
svg.chart path.ok { stroke: var(--ok); } svg.chart path.wait { stroke: #d97706; } svg.chart path.accent { stroke: var(--accent); }
svg.chart circle.ok { fill: var(--ok); } svg.chart circle.wait { fill: #d97706; } svg.chart circle.accent { fill: var(--accent); }
svg.chart line.level { stroke: var(--muted); stroke-width: 1.5; stroke-dasharray: 6 4; }
.chart-numbers summary { cursor: pointer; color: var(--accent); margin-top: 0.5rem; }
.chart-numbers table { margin-top: 0.5rem; }
@media print { .chart-figure { break-inside: avoid; border: 0; } .chart-numbers { display: none; } }
`;
