/**
 * What a run says: table-driven rules over each stage's totals, error kinds and 1-second timeline,
 * each finding naming the figures behind it (counts, shares, seconds into the stage, rates, p95
 * before and after). Pure and deterministic: report in, findings out, most important first.
 *
 * The rules are written to stay quiet on a clean run: each needs a minimum count, a share of the
 * requests, and a contrast (before/after, quiet/busy) well above window-to-window noise.
 */
import type { TimelineWindow } from '../metrics/timeline.js';
import type { ErrorKind } from '../load/http.js';
import type { Diagnosis, Report, StageReport } from '../model/report.js';
import { fmtMs, fmtPct } from '../model/format.js';

/** At most this many findings per report: the most important ones. */
export const MAX_DIAGNOSES = 6;

/** Fewer errors of a kind than this are anecdotes, not a finding. */
const MIN_COUNT = 5;
/** A kind of error must reach this share of the requests to be a finding. */
const MIN_REQUEST_SHARE = 0.01;

export const RATE_LIMITED = { errorShare: 0.5, requestShare: MIN_REQUEST_SHARE } as const;
/** Timeout share in the busiest third of the seconds against the quietest third. */
export const TIMEOUTS_CLIMB = { minGapPp: 0.02, ratio: 2, loadRatio: 1.3 } as const;
/** p95 at least `ratio`× (and `floorMs` above) the low-load p95, at a load at least `loadRatio`× the low one. */
export const SATURATION = { ratio: 2, floorMs: 5, loadRatio: 1.5, minWindowRequests: 5 } as const;
/** Seconds with at most `clean` errors, then seconds with at least `onset` and the rest at least `sustained`. */
export const ERRORS_BEGIN = { clean: 0.01, onset: 0.1, sustained: 0.1, minBefore: 2, minAfter: 2, chance: 0.001 } as const;

/** P(X ≤ x) for X ~ Binomial(n, p), summed in log space (n may be a soak's millions). */
export function binomialAtMost(x: number, n: number, p: number): number {
  if (p <= 0 || x >= n) return 1;
  if (p >= 1) return 0;
  let logTerm = n * Math.log1p(-p); // k = 0
  let sum = Math.exp(logTerm);
  const odds = Math.log(p) - Math.log1p(-p);
  for (let k = 0; k < x; k++) {
    logTerm += Math.log(n - k) - Math.log(k + 1) + odds;
    sum += Math.exp(logTerm);
  }
  return Math.min(1, sum);
}
/**
 * Not recovered: the median p95 after the drop above 1.2× the pre-spike p95 and 5 ms above it. The
 * spike outcome's own 1 ms floor is for finding the first good window; a finding must clear the
 * window-to-window noise of a busy runner (a clean spike once measured 11.4 ms before, 14.4 after).
 */
export const SPIKE_RECOVERY = { ratio: 1.2, floorMs: 5 } as const;

type Finding = Omit<Diagnosis, 'id' | 'stage'>;

interface Rule {
  id: string;
  judge: (s: StageReport) => Finding | undefined;
}

/** In order of importance: what makes the other numbers untrustworthy first, then what broke, then how. */
const RULES: Rule[] = [
  { id: 'generator-saturated', judge: generatorSaturated },
  { id: 'errors-begin', judge: errorsBegin },
  { id: 'connection-exhaustion', judge: connectionExhaustion },
  { id: 'rate-limited', judge: rateLimited },
  { id: 'timeouts-climb', judge: timeoutsClimb },
  { id: 'saturation', judge: saturation },
  { id: 'spike-not-recovered', judge: spikeNotRecovered },
];

export function diagnose(report: Report): Diagnosis[] {
  const found: Array<{ d: Diagnosis; rule: number; stage: number }> = [];
  report.stages.forEach((s, stage) => {
    RULES.forEach((r, rule) => {
      const f = r.judge(s);
      if (f) found.push({ d: { id: r.id, stage: s.name, ...f }, rule, stage });
    });
  });
  const severity = (d: Diagnosis): number => (d.severity === 'warn' ? 0 : 1);
  found.sort((a, b) => severity(a.d) - severity(b.d) || a.rule - b.rule || a.stage - b.stage);
  return found.slice(0, MAX_DIAGNOSES).map((x) => x.d);
}

// ---- figures ----------------------------------------------------------------------------------

const num = (x: unknown): number => (typeof x === 'number' && Number.isFinite(x) ? x : 0);
const kindIn = (w: TimelineWindow, kind: ErrorKind): number => num(w.by_kind?.[kind]);
const sumOf = (ws: TimelineWindow[], f: (w: TimelineWindow) => number): number => ws.reduce((a, w) => a + f(w), 0);
/** Errors over attempts: ws failures that are not requests count as attempts too. */
const errorShare = (ws: TimelineWindow[]): number => {
  const errors = sumOf(ws, (w) => num(w.errors));
  const attempts = Math.max(
    sumOf(ws, (w) => num(w.requests)),
    errors,
  );
  return attempts > 0 ? errors / attempts : 0;
};
const share = (part: number, whole: number): number => (whole > 0 ? part / whole : 0);
const seconds = (t: number): string => `${Number(t.toFixed(1))} s`;
const rate = (x: number): string => (Number.isInteger(x) || x >= 10 ? x.toFixed(0) : x.toFixed(1));
/** Shares compared at their edges: 0.03 − 0.01 is 0.0199999… in floating point. */
const EPSILON = 1e-9;

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Windows that saw anything, in time order. */
const activeWindows = (s: StageReport): TimelineWindow[] =>
  (Array.isArray(s.timeline) ? s.timeline : []).filter((w) => num(w.requests) > 0 || num(w.errors) > 0).sort((a, b) => a.t - b.t);

/**
 * The load a stage's windows were offered, which does not depend on the target: an open model's
 * rate (sent by intended start + dropped, per second), a closed model's users running. Never the
 * requests in flight: they rise whenever responses slow down, so a stall would look like load.
 */
function windowLoad(s: StageReport): { of: (w: TimelineWindow) => number; unit: string } | undefined {
  if (s.scheduled !== undefined) return { of: (w) => num(w.rps) + num(w.dropped), unit: 'req/s' };
  if (activeWindows(s).some((w) => num(w.users) > 0)) return { of: (w) => num(w.users), unit: 'users' };
  return undefined;
}

/**
 * Windows with requests, for judging against load: without a last window the stage ended early in
 * (under half the requests of the one before), whose rate understates the load it was under.
 */
function loadWindows(s: StageReport, minRequests = 1): TimelineWindow[] {
  const ws = activeWindows(s).filter((w) => num(w.requests) > 0);
  const [last, before] = [ws.at(-1), ws.at(-2)];
  if (last && before && num(last.requests) < num(before.requests) / 2) ws.pop();
  return ws.filter((w) => num(w.requests) >= minRequests);
}

/** A stretch of a stage under one load: a 1-second window, or a stress step. */
interface Point {
  t: number;
  load: number;
  p95: number;
  rps: number;
}

/**
 * A stage's load points and their unit: a stress stage's steps (each held for `every`, at a level
 * the plan set), otherwise its windows under the load they were offered (`windowLoad`).
 */
function loadPoints(s: StageReport, minRequests: number): { points: Point[]; unit: string; steps: boolean } | undefined {
  const steps = s.stress?.steps;
  if (Array.isArray(steps) && steps.length > 0) {
    const points = steps
      .filter((st) => num(st.requests) >= minRequests)
      .map((st) => ({ t: num(st.start_s), load: num(st.level), p95: num(st.latency_ms?.p95), rps: num(st.rps) }));
    return { points, unit: s.stress!.unit === 'vus' ? 'users' : 'req/s', steps: true };
  }
  const axis = windowLoad(s);
  if (!axis) return undefined;
  return { points: loadWindows(s, minRequests).map((w) => ({ t: w.t, load: axis.of(w), p95: num(w.p95), rps: num(w.rps) })), unit: axis.unit, steps: false };
}

const byLoad = <T extends { t: number }>(xs: T[], load: (x: T) => number): T[] => [...xs].sort((a, b) => load(a) - load(b) || a.t - b.t);

/** The quietest and busiest third by load (at least one each). */
function thirds<T extends { t: number }>(xs: T[], load: (x: T) => number): { quiet: T[]; busy: T[] } {
  const sorted = byLoad(xs, load);
  const n = Math.max(1, Math.floor(sorted.length / 3));
  return { quiet: sorted.slice(0, n), busy: sorted.slice(-n) };
}

/** The first transport error messages by count, as `connect ECONNREFUSED 127.0.0.1:3000 (212×)`. */
function topSamples(s: StageReport, n: number, match?: RegExp): string[] {
  return Object.entries(s.error_samples ?? {})
    .filter(([m]) => !match || match.test(m))
    .sort((a, b) => num(b[1]) - num(a[1]) || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([m, c]) => `${m} (${num(c)}×)`);
}

const firstWith = (ws: TimelineWindow[], f: (w: TimelineWindow) => number): TimelineWindow | undefined => ws.find((w) => f(w) > 0);

// ---- rules ------------------------------------------------------------------------------------

function generatorSaturated(s: StageReport): Finding | undefined {
  if (!s.generator_saturated) return undefined;
  const g = s.generator;
  const evidence = [g?.reason ?? 'the generator fell behind its schedule'];
  if (num(s.late_sends) > 0)
    evidence.push(`${num(s.late_sends)} sends left more than 10 ms late${s.scheduled !== undefined ? ` (of ${s.scheduled} scheduled)` : ''}`);
  if (g) evidence.push(`event-loop lag p99 ${fmtMs(num(g.loop_lag_p99_ms))}, max ${fmtMs(num(g.loop_lag_max_ms))}`);
  return {
    severity: 'warn',
    title: "The load generator was saturated: this stage's numbers describe the runner, not the target (more workers, or a bigger runner).",
    evidence,
  };
}

function rateLimited(s: StageReport): Finding | undefined {
  const counted = num(s.errors_by_kind?.rate_limited);
  const n = Math.max(counted, num(s.status_codes?.['429']));
  const requests = num(s.requests);
  // 429s the plan expects are not errors: then they are judged against the requests only.
  const ofErrors = counted > 0 ? share(counted, num(s.errors)) : 1;
  if (n < MIN_COUNT || share(n, requests) < RATE_LIMITED.requestShare || ofErrors < RATE_LIMITED.errorShare) return undefined;
  const evidence = [
    `${n} responses were 429 Too Many Requests: ${fmtPct(share(n, requests))} of ${requests} requests${counted > 0 ? `, ${fmtPct(ofErrors)} of the errors` : ' (the plan expects them)'}`,
  ];
  const r = s.retry_after_s;
  if (r)
    evidence.push(
      `Retry-After ${r.min === r.max ? `${r.min}` : `${r.min}–${r.max}`} s (sent with ${num(s.retry_after_seen)} of them; perf-gate does not retry)`,
    );
  else evidence.push(num(s.retry_after_seen) > 0 ? `Retry-After sent ${num(s.retry_after_seen)}× (no readable value)` : 'no Retry-After header');
  const ws = activeWindows(s);
  const first = firstWith(ws, (w) => kindIn(w, 'rate_limited'));
  if (first) {
    const from = ws.filter((w) => w.t >= first.t);
    const limited = sumOf(from, (w) => kindIn(w, 'rate_limited'));
    evidence.push(
      `the first 429s came ${seconds(first.t)} into the stage; from then on ${fmtPct(
        share(
          limited,
          sumOf(from, (w) => num(w.requests)),
        ),
      )} of requests were limited`,
    );
  }
  return {
    severity: counted > 0 ? 'warn' : 'info',
    title: `The target rate-limited this load (429 on ${fmtPct(share(n, requests))} of requests): the numbers measure its limiter, not its capacity.`,
    evidence,
    ...(first ? { at_s: first.t } : {}),
  };
}

function timeoutsClimb(s: StageReport): Finding | undefined {
  const total = num(s.errors_by_kind?.timeout);
  const requests = num(s.requests);
  if (total < MIN_COUNT || share(total, requests) < MIN_REQUEST_SHARE) return undefined;
  const axis = windowLoad(s);
  const ws = loadWindows(s);
  if (!axis || ws.length < 6) return undefined;
  const { of: load, unit } = axis;
  const { quiet, busy } = thirds(ws, load);
  const quietLoad = median(quiet.map(load));
  const busyLoad = median(busy.map(load));
  if (busyLoad < quietLoad * TIMEOUTS_CLIMB.loadRatio || busyLoad === 0) return undefined;
  const timeoutShare = (xs: TimelineWindow[]): number =>
    share(
      sumOf(xs, (w) => kindIn(w, 'timeout')),
      sumOf(xs, (w) => num(w.requests)),
    );
  const [low, high] = [timeoutShare(quiet), timeoutShare(busy)];
  if (high - low < TIMEOUTS_CLIMB.minGapPp - EPSILON || high < low * TIMEOUTS_CLIMB.ratio) return undefined;
  const first = firstWith(ws, (w) => kindIn(w, 'timeout'));
  return {
    severity: 'warn',
    title: `Timeouts climb with load: ${fmtPct(high)} of requests in the busiest seconds against ${fmtPct(low)} in the quietest.`,
    evidence: [
      `${total} timeouts, ${fmtPct(share(total, requests))} of ${requests} requests${first ? `, the first ${seconds(first.t)} into the stage` : ''}`,
      `busiest third of the seconds (about ${rate(busyLoad)} ${unit}): ${fmtPct(high)} timed out`,
      `quietest third (about ${rate(quietLoad)} ${unit}): ${fmtPct(low)} timed out`,
    ],
    ...(first ? { at_s: first.t } : {}),
  };
}

function saturation(s: StageReport): Finding | undefined {
  const axis = loadPoints(s, SATURATION.minWindowRequests);
  if (!axis || axis.points.length < (axis.steps ? 3 : 4)) return undefined;
  const { points, unit, steps } = axis;
  const load = (p: Point): number => p.load;
  const { quiet, busy } = thirds(points, load);
  const baseP95 = median(quiet.map((p) => p.p95));
  const baseLoad = median(quiet.map(load));
  const limit = Math.max(baseP95 * SATURATION.ratio, baseP95 + SATURATION.floorMs);
  const loaded = (p: Point): boolean => p.load >= Math.max(baseLoad * SATURATION.loadRatio, baseLoad + 1);
  const over = (p: Point): boolean => loaded(p) && p.p95 >= limit;
  // Latency that grew with the load, not a moment's stall: the busiest points are slow too.
  if (median(busy.map((p) => p.p95)) < limit) return undefined;
  // A step is held for seconds already; windows must stay over the limit for two at least.
  const kneeAt = points.findIndex((p, i) => {
    if (!over(p)) return false;
    const later = points.slice(i).filter(loaded);
    return later.filter(over).length >= Math.max(steps ? 1 : 2, Math.ceil(later.length / 2));
  });
  if (kneeAt < 0) return undefined;
  const knee = points[kneeAt]!;
  // The most load served at the low-load latency before the knee: where it still kept up.
  const kept = points.slice(0, kneeAt).filter((p) => p.p95 < limit);
  const lastGood = kept.length > 0 ? byLoad(kept, load).at(-1)! : undefined;
  const peak = byLoad(points, load).at(-1)!;
  const what = steps ? 'step' : 'second';
  const evidence = [
    `low load (about ${rate(baseLoad)} ${unit}): p95 ${fmtMs(baseP95)}`,
    ...(lastGood ? [`up to ${rate(lastGood.load)} ${unit} (${seconds(lastGood.t)} in): p95 ${fmtMs(lastGood.p95)}`] : []),
    `at ${rate(knee.load)} ${unit} (${seconds(knee.t)} in): p95 ${fmtMs(knee.p95)}, ${(knee.p95 / Math.max(baseP95, 0.001)).toFixed(1)}× the low-load p95`,
    `busiest ${what}: ${rate(peak.load)} ${unit}, p95 ${fmtMs(peak.p95)}`,
  ];
  // More users but no more throughput is the capacity showing.
  if (unit === 'users')
    evidence.push(`throughput ${rate(median(quiet.map((p) => p.rps)))} req/s at low load, ${rate(median(busy.map((p) => p.rps)))} req/s at the busiest`);
  if (num(s.dropped) > 0) evidence.push(`${num(s.dropped)} sends dropped: max_in_flight requests were outstanding`);
  const where = lastGood ? `between ${rate(lastGood.load)} and ${rate(knee.load)} ${unit}` : `by ${rate(knee.load)} ${unit}`;
  return {
    // A stress stage is there to find this point: there it is information, not a warning.
    severity: s.kind === 'stress' ? 'info' : 'warn',
    title: `Saturation: latency grows with the load, p95 bends ${where} (${fmtMs(baseP95)} → ${fmtMs(knee.p95)}).`,
    evidence,
    at_s: knee.t,
  };
}

function errorsBegin(s: StageReport): Finding | undefined {
  const ws = activeWindows(s);
  const { clean, onset, sustained, minBefore, minAfter } = ERRORS_BEGIN;
  const windowShare = (w: TimelineWindow): number => errorShare([w]);
  // Prefix sums (errors, requests, erring seconds): a long soak with intermittent error seconds
  // has many candidate onsets, and summing before/after afresh for each was quadratic.
  const n = ws.length;
  const errs = [0];
  const reqs = [0];
  const erringUpTo = [0];
  for (let k = 0; k < n; k++) {
    errs.push(errs[k]! + num(ws[k]!.errors));
    reqs.push(reqs[k]! + num(ws[k]!.requests));
    erringUpTo.push(erringUpTo[k]! + (windowShare(ws[k]!) >= onset / 2 ? 1 : 0));
  }
  const shareOf = (errors: number, requests: number): number => share(errors, Math.max(requests, errors)); // as errorShare
  for (let i = minBefore; i <= n - minAfter; i++) {
    if (windowShare(ws[i]!) < onset) continue;
    if (shareOf(errs[i]!, reqs[i]!) > clean) return undefined; // the first erring second is not preceded by clean ones
    const afterShare = shareOf(errs[n]! - errs[i]!, reqs[n]! - reqs[i]!);
    const erring = erringUpTo[n]! - erringUpTo[i]!;
    if (afterShare < sustained || erring < (n - i) / 2) continue;
    // Evidence that they began: the clean seconds must have had too many requests to be clean by
    // chance at the later error rate (a steady 17 % over a ramp's first 13 requests is clean 9 % of the time).
    if (binomialAtMost(errs[i]!, Math.max(reqs[i]!, errs[i]!), afterShare) > ERRORS_BEGIN.chance) return undefined;
    const before = ws.slice(0, i);
    const after = ws.slice(i);
    const start = ws[i]!;
    const kinds = new Map<string, number>();
    for (const w of after) for (const [k, n] of Object.entries(w.by_kind ?? {})) kinds.set(k, (kinds.get(k) ?? 0) + num(n));
    const mix = [...kinds.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => `${k} ${n}`);
    const errorsAfter = sumOf(after, (w) => num(w.errors));
    const evidence = [
      `${seconds(before[0]!.t)}–${seconds(start.t)}: ${fmtPct(errorShare(before))} errors over ${before.length} seconds (${sumOf(before, (w) => num(w.requests))} requests)`,
      `from ${seconds(start.t)}: ${fmtPct(afterShare)} errors (${errorsAfter} of ${Math.max(
        errorsAfter,
        sumOf(after, (w) => num(w.requests)),
      )})${mix.length ? `: ${mix.join(', ')}` : ''}`,
    ];
    const sample = topSamples(s, 1);
    if (sample.length > 0) evidence.push(`most common transport error: ${sample[0]}`);
    const a = s.aborted;
    if (a) evidence.push(`${a.rule === 'target_down' ? 'the target_down rule' : `abort_when ${a.rule}`} stopped the stage ${seconds(a.at_s)} in: ${a.reason}`);
    const down = a?.rule === 'target_down';
    return {
      severity: 'warn',
      title: `Errors begin ${seconds(start.t)} into the stage: from ${fmtPct(errorShare(before))} to ${fmtPct(afterShare)} of requests${down ? '; the target went down and the stage was stopped' : ''}.`,
      evidence,
      at_s: start.t,
    };
  }
  return undefined;
}

/** Transport messages that say the generator's own sockets or descriptors ran out. */
const GENERATOR_EXHAUSTION = /EADDRNOTAVAIL|EMFILE|ENFILE|ENOBUFS/;
const REFUSED_OR_RESET = /ECONNREFUSED|ECONNRESET|socket hang up|other side closed|EPIPE/i;

function connectionExhaustion(s: StageReport): Finding | undefined {
  const requests = num(s.requests);
  const connect = num(s.errors_by_kind?.connect);
  const dropped = num(s.dropped);
  const wsFailed = num(s.connections?.failed);
  const wsPlanned = num(s.connections?.planned);
  const ownSockets = topSamples(s, 3, GENERATOR_EXHAUSTION);
  const connectFinding = connect >= MIN_COUNT && share(connect, requests) >= MIN_REQUEST_SHARE;
  const dropFinding = dropped >= MIN_COUNT && share(dropped, num(s.scheduled) || requests + dropped) >= MIN_REQUEST_SHARE;
  const wsFinding = wsFailed >= MIN_COUNT || (wsFailed > 0 && share(wsFailed, wsPlanned) >= 0.1);
  if (!connectFinding && !dropFinding && !wsFinding && ownSockets.length === 0) return undefined;

  const ws = activeWindows(s);
  const evidence: string[] = [];
  let at: number | undefined;
  let title: string;
  if (connect > 0) {
    const first = firstWith(ws, (w) => kindIn(w, 'connect'));
    at = first?.t;
    evidence.push(
      `${connect} connection errors, ${fmtPct(share(connect, requests))} of ${requests} requests${first ? `, the first ${seconds(first.t)} into the stage` : ''}`,
    );
  }
  const samples = topSamples(s, 3);
  if (samples.length > 0) evidence.push(`transport errors: ${samples.join('; ')}`);
  if (dropped > 0) {
    const first = firstWith(ws, (w) => num(w.dropped));
    at ??= first?.t;
    evidence.push(
      `${dropped} sends dropped${s.scheduled !== undefined ? ` of ${s.scheduled} scheduled` : ''}: max_in_flight requests were outstanding${first ? ` (first ${seconds(first.t)} in)` : ''}`,
    );
  }
  if (wsFailed > 0) evidence.push(`${wsFailed} of ${wsPlanned} planned WebSocket connections failed to open`);

  const gone = connectFinding ? goneAt(ws) : undefined;
  if (ownSockets.length > 0) {
    title = 'The load generator ran out of sockets or file descriptors (EADDRNOTAVAIL / EMFILE): raise ulimit -n, or use fewer connections.';
  } else if (gone) {
    at = gone.t;
    title = `The target stopped accepting connections ${seconds(gone.t)} into the stage: from then on nearly every request failed to connect.`;
  } else if (connectFinding) {
    const refused = topSamples(s, 1, REFUSED_OR_RESET).length > 0;
    title = `Connections ${refused ? 'refused or reset' : 'failed'} under load (${fmtPct(share(connect, requests))} of requests): the target's accept queue or connection limit, or a proxy's pool, ran out.`;
  } else if (dropFinding) {
    title = `The in-flight limit ran out: ${dropped} sends were dropped because max_in_flight requests were still outstanding (the target answered too slowly for the rate).`;
  } else {
    title = `${wsFailed} WebSocket connections failed to open: the target's connection limit or accept queue ran out.`;
  }
  return { severity: 'warn', title, evidence, ...(at !== undefined ? { at_s: at } : {}) };
}

/** The first second from which (nearly) every request failed to connect, for two seconds or more: the target went away. */
function goneAt(ws: TimelineWindow[]): TimelineWindow | undefined {
  const connectShare = (xs: TimelineWindow[]): number =>
    share(
      sumOf(xs, (w) => kindIn(w, 'connect')),
      Math.max(
        1,
        sumOf(xs, (w) => Math.max(num(w.requests), num(w.errors))),
      ),
    );
  const i = ws.findIndex((w, k) => connectShare([w]) >= 0.5 && ws.length - k >= 2 && connectShare(ws.slice(k)) >= 0.9);
  return i < 0 ? undefined : ws[i];
}

function spikeNotRecovered(s: StageReport): Finding | undefined {
  const spike = s.spike;
  if (!spike || spike.drop_s === undefined) return undefined;
  const after = activeWindows(s).filter((w) => num(w.requests) > 0 && w.t >= spike.drop_s!);
  if (after.length === 0) return undefined; // nothing measured after the drop: nothing to judge
  const pre = num(spike.pre_p95_ms);
  const limit = Math.max(pre * SPIKE_RECOVERY.ratio, pre + SPIKE_RECOVERY.floorMs);
  const afterP95 = median(after.map((w) => num(w.p95)));
  if (afterP95 <= limit) return undefined;
  const evidence = [
    `pre-spike p95 ${fmtMs(pre)}, peak p95 ${fmtMs(num(spike.peak_p95_ms))}`,
    `after the drop (${seconds(spike.drop_s)} in): median p95 ${fmtMs(afterP95)} over ${after.length} seconds, last ${fmtMs(num(after.at(-1)!.p95))} (recovered would be ≤ ${fmtMs(limit)})`,
    spike.recovery_ms === null
      ? 'no 1-second window after the drop came back within 20 % of the pre-spike p95'
      : `one window was back ${seconds(spike.recovery_ms / 1000)} after the drop, but the p95 stayed above the limit`,
  ];
  const errors = errorShare(after);
  if (errors > ERRORS_BEGIN.clean) evidence.push(`${fmtPct(errors)} of the requests after the drop failed`);
  return {
    severity: 'warn',
    title: `The spike did not recover: p95 after the drop stayed at ${fmtMs(afterP95)} against ${fmtMs(pre)} before it.`,
    evidence,
    at_s: spike.drop_s,
  };
}
