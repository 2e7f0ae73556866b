/**
 * Inline SVG line charts for the HTML report: one function draws every chart (timelines, the
 * percentile curve, stress steps), so they share axes, legends and escaping. Pure: spec in, markup
 * out. Non-finite values never reach the markup: a missing y breaks the line, a degenerate range
 * gets a unit span, so a chart of nothing still renders.
 */
import { html } from './escape.js';

export interface Point {
  x: number;
  /** null (or a non-finite number): no value here, the line breaks. */
  y: number | null;
}

export interface LineSeries {
  name: string;
  points: Point[];
  color: string;
  dashed?: boolean;
  /** Which y axis the series is read on (default left). */
  axis?: 'left' | 'right';
}

export interface Tick {
  value: number;
  label: string;
}

export interface Axis {
  label: string;
  format?: (v: number) => string;
}

/** A moment on the x axis: an abort, a spike's ramp and drop, a diagnosis, a breaking point. */
export interface Marker {
  x: number;
  label: string;
  color?: string;
}

export interface LineChartSpec {
  title: string;
  /** `ticks`: fixed ticks (a transformed axis, like the percentile "nines"); `domain`: the x range shown. */
  x: Axis & { ticks?: Tick[]; domain?: [number, number] };
  y: Axis;
  /** A second y axis on the right, for series with axis 'right'. */
  y2?: Axis;
  series: LineSeries[];
  markers?: Marker[];
}

const W = 640;
const H = 300;
/** Series of at most this many points also get a dot per point (steps, short runs). */
const DOTS_UP_TO = 40;
/** Longer series keep the max of each bucket: a one-second spike in an hour's soak must not vanish. */
const MAX_POINTS = 800;

const isNum = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);
/** Coordinates with one decimal: finite by construction (inputs are checked, spans are never 0). */
const c = (v: number): string => (Math.round(v * 10) / 10).toString();

/** A readable tick label: 1200 → "1.2k", 0.25 → "0.25". */
export function fmtTick(v: number): string {
  const a = Math.abs(v);
  if (a >= 10_000) return `${Number((v / 1000).toPrecision(3))}k`;
  return String(Number(v.toPrecision(4)));
}

/** Round ticks (1, 2, 2.5, 5 × 10^k) covering [lo, hi], the range widened to whole ticks. */
export function niceScale(lo: number, hi: number, target = 5): { lo: number; hi: number; ticks: number[] } {
  if (!isNum(lo) || !isNum(hi)) [lo, hi] = [0, 1];
  if (hi <= lo) hi = lo === 0 ? 1 : lo + Math.abs(lo) * 0.1;
  const raw = (hi - lo) / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw * 0.999) ?? 10 * mag;
  const first = Math.floor(lo / step + 1e-9) * step;
  const last = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; first + i * step <= last + step * 1e-6 && i <= 100; i++) ticks.push(Number((first + i * step).toPrecision(12)));
  return { lo: first, hi: last, ticks };
}

/** At most `max` points: bucket by index, keep each bucket's first x and largest y. */
export function thin(points: Point[], max = MAX_POINTS): Point[] {
  if (points.length <= max) return points;
  const k = Math.ceil(points.length / max);
  const out: Point[] = [];
  for (let i = 0; i < points.length; i += k) {
    const ys = points
      .slice(i, i + k)
      .map((p) => p.y)
      .filter(isNum);
    out.push({ x: points[i]!.x, y: ys.length ? Math.max(...ys) : null });
  }
  return out;
}

/** An SVG line chart with a title, a legend, ticked and labelled axes, and vertical markers. */
export function lineChart(spec: LineChartSpec): string {
  const series = spec.series.map((s) => ({ ...s, points: thin(s.points.filter((p) => isNum(p.x))) }));
  const hasRight = spec.y2 !== undefined && series.some((s) => s.axis === 'right');
  const m = { top: 58, right: hasRight ? 64 : 20, bottom: 48, left: 68 };
  const pw = W - m.left - m.right;
  const ph = H - m.top - m.bottom;

  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const ysOf = (side: 'left' | 'right') => series.filter((s) => (s.axis ?? 'left') === side).flatMap((s) => s.points.map((p) => p.y).filter(isNum));
  const [xLo, xHi] = spec.x.domain ?? [Math.min(...xs), Math.max(...xs)];
  const fixed = fixedScale(xLo, xHi);
  // Given ticks or a given domain are kept as they are; otherwise the range widens to round ticks.
  const xScale = spec.x.ticks ? fixed : spec.x.domain ? { ...fixed, ticks: niceScale(fixed.lo, fixed.hi, 8).ticks } : niceScale(xLo, xHi, 8);
  const xTicks: Tick[] = (spec.x.ticks ?? xScale.ticks.map((v) => ({ value: v, label: (spec.x.format ?? fmtTick)(v) }))).filter(
    (t) => t.value >= xScale.lo - 1e-9 && t.value <= xScale.hi + 1e-9,
  );
  // 5 % headroom: a flat line at the maximum would otherwise lie on the chart's top edge.
  const left = niceScale(0, Math.max(0, ...ysOf('left')) * 1.05);
  const right = niceScale(0, Math.max(0, ...ysOf('right')) * 1.05);

  const sx = (x: number): number => m.left + ((x - xScale.lo) / (xScale.hi - xScale.lo)) * pw;
  const syOf =
    (sc: { lo: number; hi: number }) =>
    (y: number): number =>
      m.top + ph - ((y - sc.lo) / (sc.hi - sc.lo)) * ph;
  const syLeft = syOf(left);
  const syRight = syOf(right);

  const title = html(spec.title);
  const out: string[] = [
    `<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${title}" preserveAspectRatio="xMidYMid meet">`,
    `<title>${title}</title>`,
    `<desc>${html(describe(series))}</desc>`,
    `<text class="chart-title" x="${m.left}" y="20">${title}</text>`,
  ];
  // Legend under the title, left to right.
  let lx = m.left;
  for (const s of series) {
    out.push(
      `<g class="legend-item"><line x1="${lx}" y1="38" x2="${lx + 22}" y2="38" stroke="${s.color}" stroke-width="3"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/><text x="${lx + 28}" y="42">${html(s.name)}${hasRight && s.axis === 'right' ? ' (right axis)' : ''}</text></g>`,
    );
    lx += 44 + s.name.length * 7.5 + (hasRight && s.axis === 'right' ? 78 : 0);
  }
  // Grid and axes.
  out.push('<g class="axis y-axis">');
  for (const t of left.ticks) {
    const y = c(syLeft(t));
    out.push(
      `<line class="grid" x1="${m.left}" y1="${y}" x2="${m.left + pw}" y2="${y}"/><text x="${m.left - 8}" y="${y}" dy="4" text-anchor="end">${html((spec.y.format ?? fmtTick)(t))}</text>`,
    );
  }
  out.push(`<text class="axis-label" transform="translate(16 ${c(m.top + ph / 2)}) rotate(-90)" text-anchor="middle">${html(spec.y.label)}</text></g>`);
  if (hasRight) {
    out.push('<g class="axis y2-axis">');
    for (const t of right.ticks) out.push(`<text x="${m.left + pw + 8}" y="${c(syRight(t))}" dy="4">${html((spec.y2!.format ?? fmtTick)(t))}</text>`);
    out.push(
      `<text class="axis-label" transform="translate(${W - 14} ${c(m.top + ph / 2)}) rotate(90)" text-anchor="middle">${html(spec.y2!.label)}</text></g>`,
    );
  }
  out.push('<g class="axis x-axis">');
  for (const t of xTicks) {
    const x = c(sx(t.value));
    out.push(
      `<line class="tick" x1="${x}" y1="${m.top + ph}" x2="${x}" y2="${m.top + ph + 5}"/><text x="${x}" y="${m.top + ph + 19}" text-anchor="middle">${html(t.label)}</text>`,
    );
  }
  out.push(
    `<line class="frame" x1="${m.left}" y1="${m.top + ph}" x2="${m.left + pw}" y2="${m.top + ph}"/><line class="frame" x1="${m.left}" y1="${m.top}" x2="${m.left}" y2="${m.top + ph}"/>`,
  );
  out.push(`<text class="axis-label" x="${c(m.left + pw / 2)}" y="${H - 6}" text-anchor="middle">${html(spec.x.label)}</text></g>`);

  // Markers below the lines, labels staggered so neighbours stay legible.
  const markers = (spec.markers ?? []).filter((mk) => isNum(mk.x) && mk.x >= xScale.lo && mk.x <= xScale.hi);
  markers.forEach((mk, i) => {
    const x = c(sx(mk.x));
    const color = mk.color ?? '#6b4fbb';
    // Near the right edge the label goes left of its line, so it stays inside the chart.
    const side = sx(mk.x) > m.left + pw * 0.8 ? 'dx="-4" text-anchor="end"' : 'dx="4"';
    out.push(
      `<g class="marker"><line x1="${x}" y1="${m.top}" x2="${x}" y2="${m.top + ph}" stroke="${color}" stroke-width="1.5" stroke-dasharray="3 3"/><text x="${x}" ${side} y="${m.top + 12 + (i % 3) * 14}" fill="${color}">${html(mk.label)}</text></g>`,
    );
  });

  if (xs.length === 0) {
    out.push(`<text class="no-data" x="${c(m.left + pw / 2)}" y="${c(m.top + ph / 2)}" text-anchor="middle">no data</text>`);
  }
  for (const s of series) {
    const sy = s.axis === 'right' && hasRight ? syRight : syLeft;
    const d = pathData(s.points, sx, sy);
    const dash = s.dashed ? ' stroke-dasharray="6 4"' : '';
    if (d)
      out.push(`<path class="series" data-series="${html(s.name)}" d="${d}" fill="none" stroke="${s.color}" stroke-width="2"${dash} stroke-linejoin="round"/>`);
    if (s.points.length <= DOTS_UP_TO) {
      const dots = s.points.filter((p) => isNum(p.y)).map((p) => `<circle cx="${c(sx(p.x))}" cy="${c(sy(p.y!))}" r="3"/>`);
      if (dots.length) out.push(`<g class="dots" fill="${s.color}">${dots.join('')}</g>`);
    }
  }
  out.push('</svg>');
  return out.join('\n');
}

/** A domain used as given (fixed ticks), widened when it is a single value. */
function fixedScale(lo: number, hi: number): { lo: number; hi: number; ticks: number[] } {
  if (!isNum(lo) || !isNum(hi)) return { lo: 0, hi: 1, ticks: [] };
  return hi > lo ? { lo, hi, ticks: [] } : { lo: lo - 0.5, hi: lo + 0.5, ticks: [] };
}

/** `M x y L x y …`, restarting after a gap; empty when no point has a value. */
function pathData(points: Point[], sx: (x: number) => number, sy: (y: number) => number): string {
  const parts: string[] = [];
  let pen = false;
  for (const p of points) {
    if (!isNum(p.y)) {
      pen = false;
      continue;
    }
    parts.push(`${pen ? 'L' : 'M'}${c(sx(p.x))} ${c(sy(p.y))}`);
    pen = true;
  }
  return parts.join(' ');
}

/** For screen readers: each series' range. */
function describe(series: Array<{ name: string; points: Point[] }>): string {
  return series
    .map((s) => {
      const ys = s.points.map((p) => p.y).filter(isNum);
      return ys.length ? `${s.name}: ${ys.length} points from ${fmtTick(Math.min(...ys))} to ${fmtTick(Math.max(...ys))}` : `${s.name}: no data`;
    })
    .join('; ');
}
