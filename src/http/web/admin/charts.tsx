import { scaleBand, scaleLinear } from "d3-scale";
import type { Language } from "../../../db/schema";
import { formatNumber } from "../../../i18n/format";
import { workspaceMessages } from "../../../i18n/workspace";

// Pictures for people who would rather look than read: SVG drawn on the server, so they
// print and need no script. Colours come from the stylesheet by class (the page's CSP
// allows no inline styles). Each chart names itself to screen readers and is followed by
// its numbers as a table.

/** One line or kind of bar: its name and its class (`ok`, `wait`, `accent`, `muted`). */
export interface Series {
  label: string;
  tone: "ok" | "wait" | "accent" | "muted";
}

const WIDTH = 640;
// People and seats are counted in whole numbers: no 0.2 on an axis of one seat.
const wholeTicks = (ticks: number[]) => ticks.filter(Number.isInteger);
/** A value with its unit: Swedish and Norwegian put a (no-break) space before "%", English none. */
const withUnit = (text: string, unit: string, language: Language) => (unit && language !== "en" ? `${text}\u00a0${unit}` : `${text}${unit}`);

function Frame({ id, title, summary, height, children }: { id: string; title: string; summary: string; height: number; children: unknown }) {
  return (
    <svg class="chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} preserveAspectRatio="xMinYMin meet">
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{summary}</desc>
      {children}
    </svg>
  );
}

function Legend({ series, y }: { series: Series[]; y: number }) {
  let x = 0;
  return (
    <g class="legend" aria-hidden="true">
      {series.map((s) => {
        const at = x;
        x += 28 + s.label.length * 7.5;
        return (
          <g>
            <rect x={at} y={y - 10} width={12} height={12} class={s.tone} />
            <text x={at + 18} y={y}>
              {s.label}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** The chart's numbers, for anyone who reads rather than looks (and for screen readers). */
function Numbers({ caption, head, rows, language }: { caption: string; head: string[]; rows: (string | number)[][]; language: Language }) {
  return (
    <details class="chart-numbers">
      <summary>{workspaceMessages(language).events.charts.numbers}</summary>
      <table class="data">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {head.map((h, i) => (
              <th scope="col" class={i ? "num" : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              {r.map((v, i) => (i ? <td class="num">{typeof v === "number" ? formatNumber(v, language) : v}</td> : <th scope="row">{v}</th>))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

export interface BarRow {
  label: string;
  values: number[];
}

/**
 * Horizontal bars, one group per row (events, companies, months), one bar per series.
 * `max` fixes the scale (100 for percentages); `unit` follows each value ("%").
 * `language` is the reader's (numbers and the chart's own words).
 */
export function BarChart({
  id,
  title,
  summary,
  series,
  rows,
  max,
  unit = "",
  language,
}: {
  id: string;
  title: string;
  summary: string;
  series: Series[];
  rows: BarRow[];
  max?: number;
  unit?: string;
  language: Language;
}) {
  const fmt = (n: number) => formatNumber(n, language);
  const label = 200;
  const band = series.length * 14 + 10;
  const height = rows.length * band + 46;
  const top = max ?? Math.max(1, ...rows.flatMap((r) => r.values));
  const x = scaleLinear().domain([0, top]).range([label, WIDTH - 60]).nice();
  const y = scaleBand().domain(rows.map((_, i) => String(i))).range([24, height - 22]).paddingInner(0.2);
  return (
    <figure class="chart-figure">
      <Frame id={id} title={title} summary={summary} height={height}>
        <Legend series={series} y={12} />
        {wholeTicks(x.ticks(5)).map((t) => (
          <g class="tick" aria-hidden="true">
            <line x1={x(t)} x2={x(t)} y1={22} y2={height - 20} />
            <text x={x(t)} y={height - 6} text-anchor="middle">
              {withUnit(fmt(t), unit, language)}
            </text>
          </g>
        ))}
        {rows.map((r, i) => {
          const top0 = y(String(i))!;
          const each = y.bandwidth() / series.length;
          return (
            <g>
              <text x={label - 8} y={top0 + y.bandwidth() / 2 + 4} text-anchor="end" class="label">
                {r.label.length > 24 ? `${r.label.slice(0, 23)}…` : r.label}
              </text>
              {r.values.map((v, s) => (
                <rect x={label} y={top0 + s * each} width={Math.max(0, x(Math.min(v, top))! - label)} height={Math.max(1, each - 2)} class={series[s]!.tone}>
                  <title>{`${r.label}, ${series[s]!.label}: ${withUnit(fmt(v), unit, language)}`}</title>
                </rect>
              ))}
            </g>
          );
        })}
      </Frame>
      <Numbers caption={title} head={["", ...series.map((s) => `${s.label}${unit ? ` (${unit})` : ""}`)]} rows={rows.map((r) => [r.label, ...r.values])} language={language} />
    </figure>
  );
}

/**
 * Lines over days (cumulative counts, such as signups), with an optional level drawn
 * across (the capacity). `days` are the labels of the points, `values[s][d]` the points.
 */
export function LineChart({
  id,
  title,
  summary,
  series,
  days,
  values,
  level,
  language,
}: {
  id: string;
  title: string;
  summary: string;
  series: Series[];
  days: string[];
  values: number[][];
  level?: { label: string; value: number };
  language: Language;
}) {
  const fmt = (n: number) => formatNumber(n, language);
  const height = 260;
  const top = Math.max(1, level?.value ?? 0, ...values.flat());
  const x = scaleLinear().domain([0, Math.max(1, days.length - 1)]).range([48, WIDTH - 16]);
  const y = scaleLinear().domain([0, top]).range([height - 30, 28]).nice();
  const path = (points: number[]) => points.map((v, d) => `${d ? "L" : "M"}${x(d)!.toFixed(1)},${y(v)!.toFixed(1)}`).join("");
  const every = Math.max(1, Math.ceil(days.length / 6));
  return (
    <figure class="chart-figure">
      <Frame id={id} title={title} summary={summary} height={height}>
        <Legend series={level ? [...series, { label: level.label, tone: "muted" }] : series} y={12} />
        {wholeTicks(y.ticks(5)).map((t) => (
          <g class="tick" aria-hidden="true">
            <line x1={48} x2={WIDTH - 16} y1={y(t)} y2={y(t)} />
            <text x={42} y={y(t)! + 4} text-anchor="end">
              {fmt(t)}
            </text>
          </g>
        ))}
        {days.map((d, i) =>
          i % every === 0 || i === days.length - 1 ? (
            <text x={x(i)} y={height - 10} text-anchor="middle" class="tick-label" aria-hidden="true">
              {d.slice(5)}
            </text>
          ) : null,
        )}
        {level ? <line class="level" x1={48} x2={WIDTH - 16} y1={y(level.value)} y2={y(level.value)} /> : null}
        {values.map((points, s) => (
          <g>
            <path d={path(points)} class={`line ${series[s]!.tone}`} />
            {/* A dot per day while they fit: one day of signups is a point, not a line. */}
            {points.length <= 62 ? points.map((v, d) => <circle cx={x(d)} cy={y(v)} r={3} class={series[s]!.tone} />) : null}
          </g>
        ))}
      </Frame>
      <Numbers caption={title} head={[workspaceMessages(language).events.charts.day, ...series.map((s) => s.label)]} rows={days.map((d, i) => [d, ...values.map((v) => v[i]!)])} language={language} />
    </figure>
  );
}
